/**
 * The task register a task-division document implies: who leads (牵头单位), who shares
 * (责任单位), which leader oversees (牵头领导), by when. Three printed shapes are read:
 *  - a parenthetical after the task: …。（牵头单位：区商务委，责任单位：区交通运输委）
 *  - labelled lines under a task heading: 牵头领导：… 牵头单位：… 责任单位：…
 *  - tables with 牵头单位 / 责任单位 columns (merged cells lost: an empty task cell inherits).
 */
import type { OfficialDocument, Table } from '../domain/types.js';

export interface TaskAssignment {
  readonly documentId: string;
  readonly docNumber: string | null;
  readonly task: string;
  readonly leads: string[];
  readonly supports: string[];
  readonly leader: string | null;
  readonly deadline: string | null;
  readonly source: { readonly kind: 'block'; readonly block: number } | { readonly kind: 'table'; readonly table: number; readonly row: number };
}

const LABELS = ['牵头区领导', '牵头领导', '牵头单位', '牵头部门', '责任单位', '配合单位', '责任部门', '完成时限', '完成时间', '时间节点'] as const;
type Label = (typeof LABELS)[number];
const LABEL_RE = new RegExp(`(${LABELS.join('|')})\\s*[：:]`, 'g');

/** Split a list of units on 、，；, never inside brackets: 区能源发展（集团）公司 stays whole. */
export function splitUnits(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  // Units printed one per line, or glued by extraction: 区发展改革委区商务委 → two units.
  const separated = list.trim().replace(/\s+/g, '、').replace(UNIT_BOUNDARY, '、');
  for (const ch of separated) {
    if ('（(【'.includes(ch)) depth++;
    if ('）)】'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,；;/'.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out
    .map((u) => balance(u.replace(/^(和|及|以及)/, '').replace(/(等|等单位|等部门)$/, '').replace(/。+$/, '')))
    .filter((u) => u.length >= 2);
}

const UNIT_BOUNDARY = /(?<=[委局办室府心司会处队院馆站社所部])(?=区(?!县)|各(?!类|项|种)|有关)/g;
const UNIT_END = /(委|局|办|室|府|中心|公司|会|处|队|院|馆|站|社|所|部|单位|部门|政府|街道|乡镇|（街道）|团|联|协|行|厂)$/;

/** Does a cell hold unit names, or did a lost merged cell shift other text into it? */
export function looksLikeUnits(cell: string): boolean {
  const units = splitUnits(cell);
  return units.length > 0 && units.filter((u) => u.length <= 30 && UNIT_END.test(u)).length >= Math.ceil(units.length * 0.7);
}

/** Drop unmatched closing brackets left by the enclosing parenthetical: 区商务委） → 区商务委. */
function balance(u: string): string {
  let out = u;
  const count = (re: RegExp) => (out.match(re) ?? []).length;
  while (/[）)]$/.test(out) && count(/[）)]/g) > count(/[（(]/g)) out = out.slice(0, -1);
  return out;
}

/** Read 牵头单位：…，责任单位：… into labelled values. */
export function readLabels(text: string): Partial<Record<Label, string>> {
  const hits = [...text.matchAll(LABEL_RE)];
  const out: Partial<Record<Label, string>> = {};
  hits.forEach((m, i) => {
    const end = i + 1 < hits.length ? hits[i + 1]!.index! : text.length;
    const value = text.slice(m.index! + m[0].length, end).replace(/^[\s，,；;]+|[\s，,；;。）)]+$/g, '');
    out[m[1] as Label] = value;
  });
  return out;
}

/** From `at` to the bracket that closes the parenthetical opened there (or the end of text). */
function parenthetical(text: string, at: number): string {
  if (!/[（(]/.test(text[at] ?? '')) return text.slice(at);
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    if ('（('.includes(text[i]!)) depth++;
    if ('）)'.includes(text[i]!) && --depth === 0) return text.slice(at + 1, i);
  }
  return text.slice(at + 1);
}

function assignment(doc: OfficialDocument, task: string, labels: Partial<Record<Label, string>>, source: TaskAssignment['source']): TaskAssignment {
  return {
    documentId: doc.id,
    docNumber: doc.docNumber,
    task: task.trim(),
    leads: splitUnits(labels.牵头单位 ?? labels.牵头部门 ?? ''),
    supports: splitUnits(labels.责任单位 ?? labels.配合单位 ?? labels.责任部门 ?? ''),
    leader: (labels.牵头区领导 ?? labels.牵头领导)?.replace(/\s+/g, '') || null,
    deadline: (labels.完成时限 ?? labels.完成时间 ?? labels.时间节点)?.trim() || null,
    source,
  };
}

const LABEL_START = /^[（(]?\s*(牵头区领导|牵头领导|牵头单位|牵头部门|责任单位|配合单位|责任部门|完成时限|完成时间|时间节点)\s*[：:]/;

function fromBlocks(doc: OfficialDocument): TaskAssignment[] {
  const out: TaskAssignment[] = [];
  let lastHeading = '';
  const blocks = doc.body;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.level > 0) lastHeading = b.heading ?? b.text.slice(0, 60);
    const at = b.text.search(/[（(]?\s*(牵头区领导|牵头领导|牵头单位|牵头部门)\s*[：:]/);
    if (at < 0) continue;
    // Labels printed one per line (牵头领导：… / 牵头单位：… / 责任单位：…) read as one assignment.
    let labelText = parenthetical(b.text, at);
    const first = i;
    while (LABEL_START.test(b.text.slice(at)) && i + 1 < blocks.length && blocks[i + 1]!.level === 0 && LABEL_START.test(blocks[i + 1]!.text)) {
      labelText += `，${blocks[++i]!.text}`;
    }
    const labels = readLabels(labelText);
    if (!labels.牵头单位 && !labels.牵头部门) continue;
    // Labels alone on their lines belong to the heading above; inline ones to their own block.
    const own = b.text.slice(0, at).trim();
    const task = own.length >= 4 ? (b.heading ?? own) : lastHeading;
    out.push(assignment(doc, task, labels, { kind: 'block', block: first }));
  }
  return out;
}

function column(header: readonly string[], re: RegExp): number {
  return header.findIndex((h) => re.test(h.replace(/\s+/g, '')));
}

function fromTable(doc: OfficialDocument, t: Table, ti: number): TaskAssignment[] {
  const lead = column(t.header, /牵头(单位|部门)/);
  if (lead < 0) return [];
  const support = column(t.header, /(责任|配合)(单位|部门)/);
  const deadline = column(t.header, /时限|完成时间|时间节点/);
  const taskCols = ['工作任务', '重点任务', '目标及措施', '任务', '工作内容', '主要内容', '贯彻举措', '贯彻落实举措']
    .map((name) => column(t.header, new RegExp(name)))
    .filter((c) => c >= 0 && c !== lead && c !== support);
  const out: TaskAssignment[] = [];
  let inherited = '';
  t.rows.forEach((row, ri) => {
    const cell = (c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
    const task = taskCols.map(cell).find((v) => v.length > 0) ?? '';
    if (task) inherited = task;
    let [leadCell, supportCell] = [cell(lead), cell(support)];
    if (leadCell && !looksLikeUnits(leadCell)) {
      // Columns shifted: take the right-most cells that read as unit lists.
      const units = row.map((c) => c.trim()).filter((c) => c && looksLikeUnits(c));
      [leadCell, supportCell] = units.length >= 2 ? [units.at(-2)!, units.at(-1)!] : [units[0] ?? '', ''];
    }
    if (!leadCell && !supportCell) return;
    const labels: Partial<Record<Label, string>> = { 牵头单位: leadCell, 责任单位: supportCell, 完成时限: cell(deadline) };
    out.push(assignment(doc, task || inherited, labels, { kind: 'table', table: ti, row: ri }));
  });
  return out;
}

/** Every task assignment a document prints. */
export function extractTasks(doc: OfficialDocument): TaskAssignment[] {
  return [...fromBlocks(doc), ...doc.tables.flatMap((t, i) => fromTable(doc, t, i))];
}

export interface UnitRegister {
  readonly unit: string;
  readonly leads: TaskAssignment[];
  readonly supports: TaskAssignment[];
}

/** Per-department view: what each unit leads and what it shares. */
export function registerByUnit(tasks: readonly TaskAssignment[]): UnitRegister[] {
  const units = new Map<string, { leads: TaskAssignment[]; supports: TaskAssignment[] }>();
  const slot = (u: string) => units.get(u) ?? units.set(u, { leads: [], supports: [] }).get(u)!;
  for (const t of tasks) {
    for (const u of new Set(t.leads)) slot(u).leads.push(t);
    for (const u of new Set(t.supports)) slot(u).supports.push(t);
  }
  return [...units].map(([unit, v]) => ({ unit, ...v })).sort((a, b) => b.leads.length + b.supports.length - (a.leads.length + a.supports.length));
}
