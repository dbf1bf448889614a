/**
 * The task register a task-division document implies: who leads (牵头单位), who is responsible
 * (责任单位), who cooperates (配合单位) — roles kept as printed —, which leader oversees (牵头领导),
 * by when. Three printed shapes are read:
 *  - a parenthetical after the task: …。（牵头单位：区商务委，责任单位：区交通运输委）
 *  - labelled lines under a task: 牵头领导：… 牵头单位：… 责任单位：… / 责任单位：…；配合单位：…；完成时限：…
 *  - tables with 牵头单位 / 责任单位 / 配合单位 columns (merged cells lost: an empty task cell
 *    inherits, unit cells shifted left or right are read in order).
 * Units are kept as printed here (brackets and spelling); src/extract/units names them canonically.
 */
import type { OfficialDocument, Table } from '../domain/types.js';

export interface TaskAssignment {
  readonly documentId: string;
  readonly docNumber: string | null;
  readonly task: string;
  /** 牵头单位 / 牵头部门. */
  readonly leads: string[];
  /** 责任单位 / 责任部门. */
  readonly responsible: string[];
  /** 配合单位 / 配合部门 / 协同单位. */
  readonly cooperating: string[];
  /** Canonical name → the spelling printed, where they differ (set by src/extract/units' canonicalTask). */
  readonly printed?: Readonly<Record<string, string>>;
  readonly leader: string | null;
  readonly deadline: string | null;
  readonly source: { readonly kind: 'block'; readonly block: number } | { readonly kind: 'table'; readonly table: number; readonly row: number };
}

const LABELS = ['牵头区领导', '牵头领导', '牵头单位', '牵头部门', '责任单位', '责任部门', '配合单位', '配合部门', '协同单位', '完成时限', '完成时间', '时间节点'] as const;
type Label = (typeof LABELS)[number];
const LABEL_RE = new RegExp(`(${LABELS.join('|')})\\s*[：:]`, 'g');

/** Split a list of units on 、，；, never inside brackets: 区能源发展（集团）公司 stays whole. */
export function splitUnits(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const separated = list
    .split('\n')
    .map(joinWraps)
    .join('、')
    // Glued by extraction or printed one after another: 区发展改革委区商务委 → two units.
    .replace(UNIT_BOUNDARY, '、')
    // …各乡镇人民政府及相关企业: 及 before a second unit is a separator.
    .replace(/及(?=相关|有关|各|区(?!县))/g, '、');
  for (const ch of separated) {
    if ('（(【〔'.includes(ch)) depth++;
    if ('）)】〕'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,；;/'.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  const units = out
    .map((u) => balance(u.replace(/^(和|及|以及)(?=区|各|有关|相关)/, '').replace(/(等|等单位|等部门)$/, '').replace(/[。；;：:]+$/, '')))
    .filter((u) => u.length >= 2);
  return [...new Set(units)];
}

/**
 * A space inside a printed list is either a separator (区财政局 区生态环境局) or a line wrapped
 * inside a name (区政府办 公室, 区政府各部 门各乡 镇(街 道), 区住房城乡建 委): the piece after it
 * starts a unit only if it opens like one.
 */
function joinWraps(line: string): string {
  const pieces = line.trim().split(/\s+/).filter(Boolean);
  let out = pieces[0] ?? '';
  for (const p of pieces.slice(1)) out += UNIT_START.test(p) && UNIT_END.test(out.split('、').at(-1)!) ? `、${p}` : p;
  return out;
}

// 区…/县…/市…, groups, bodies named after a place (武隆区…, 重庆市…, 国网重庆…), townships, a whole short name.
const UNIT_START = /^(区(?!县)|县(?!级)|市|各|有关|相关|团[区县]委|国网|国家|中国|中邮|人行|[\u4e00-\u9fa5]{2,3}(?:区|县|市)|[\u4e00-\u9fa5]{1,4}(?:镇|乡|街道)(?:人民政府|办事处|（|\()|[\u4e00-\u9fa5]{2,8}(?:委|局|办|公司|中心)$)/;
// 区政府 before 各部门/有关部门/相关部门 is one group (区政府有关部门和单位), not two units.
const UNIT_BOUNDARY = /(?<=[委局办室府心司会处队院馆站社所部门位])(?<!(?:^|[、，,；;委局办室府心司会处队院馆站社所部门位])区政府)(?=区(?!县)|各(?!类|项|种)|有关|相关)/g;
const UNIT_END = /(委|局|办|室|府|中心|公司|会|处|队|院|馆|站|社|所|部|单位|部门|政府|街道|乡镇|（街道）|\(街道\)|团|联|协|银行|支行|分行|厂|组)$/;

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

/** Read 牵头单位：…，责任单位：… into labelled values; a label printed twice keeps both values. */
export function readLabels(text: string): Partial<Record<Label, string>> {
  const hits = [...text.matchAll(LABEL_RE)];
  const out: Partial<Record<Label, string>> = {};
  hits.forEach((m, i) => {
    const end = i + 1 < hits.length ? hits[i + 1]!.index! : text.length;
    // The closing bracket of the enclosing parenthetical goes; a unit's own （…） stays.
    const value = balance(text.slice(m.index! + m[0].length, end).replace(/^[\s，,；;]+|[\s，,；;。]+$/g, '')).replace(/[\s，,；;。]+$/, '');
    const label = m[1] as Label;
    out[label] = out[label] ? `${out[label]}、${value}` : value;
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
    responsible: splitUnits(labels.责任单位 ?? labels.责任部门 ?? ''),
    cooperating: splitUnits(labels.配合单位 ?? labels.配合部门 ?? labels.协同单位 ?? ''),
    leader: (labels.牵头区领导 ?? labels.牵头领导)?.replace(/\s+/g, '') || null,
    deadline: (labels.完成时限 ?? labels.完成时间 ?? labels.时间节点)?.replace(/[。；;]+$/, '').trim() || null,
    source,
  };
}

const UNIT_LABEL = '牵头区领导|牵头领导|牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协同单位';
const LABEL_START = new RegExp(`^[（(]?\\s*(${UNIT_LABEL}|完成时限|完成时间|时间节点)\\s*[：:]`);
const LABEL_AT = new RegExp(`[（(]?\\s*(${UNIT_LABEL})\\s*[：:]`);

/** The task a block's labels belong to, when the block holds (almost) only labels. */
function taskBefore(blocks: OfficialDocument['body'], i: number): string {
  const prev = blocks[i - 1];
  if (!prev || LABEL_AT.test(prev.text)) return '';
  return prev.level > 0 ? (prev.heading ?? prev.text.slice(0, 60)) : prev.text;
}

function fromBlocks(doc: OfficialDocument): TaskAssignment[] {
  const out: TaskAssignment[] = [];
  const blocks = doc.body;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const at = b.text.search(LABEL_AT);
    if (at < 0) continue;
    // Labels printed one per line (牵头领导：… / 牵头单位：… / 责任单位：…) read as one assignment.
    let labelText = parenthetical(b.text, at);
    const first = i;
    while (LABEL_START.test(b.text.slice(at)) && i + 1 < blocks.length && blocks[i + 1]!.level === 0 && LABEL_START.test(blocks[i + 1]!.text)) {
      labelText += `，${blocks[++i]!.text}`;
    }
    const labels = readLabels(labelText);
    if (!labels.牵头单位 && !labels.牵头部门 && !labels.责任单位 && !labels.责任部门) continue;
    const own = b.text.slice(0, at).trim();
    const before = blocks[first - 1];
    // Labels alone on their lines belong to the block above; inline ones to their own block,
    // unless it only goes on with a numbered task above (16. 强化部门安全监管责任。… ⏎ 区住房城乡建设委要…（牵头单位：…）).
    const continues = b.level === 0 && before !== undefined && before.level > 0 && !LABEL_AT.test(before.text) && before.heading !== undefined && /[。；]$/.test(before.text);
    const task = own.length >= 4 && !continues ? (b.heading ?? own) : taskBefore(blocks, first);
    out.push(assignment(doc, task, labels, { kind: 'block', block: first }));
  }
  return out;
}

function column(header: readonly string[], re: RegExp): number {
  return header.findIndex((h) => re.test(h.replace(/\s+/g, '')));
}

const TASK_COLUMNS = ['工作任务', '重点任务', '目标及措施', '任务', '工作内容', '主要内容', '贯彻举措', '贯彻落实举措'];

function fromTable(doc: OfficialDocument, t: Table, ti: number): TaskAssignment[] {
  const lead = column(t.header, /牵头(单位|部门)/);
  const responsible = column(t.header, /责任(单位|部门)/);
  const cooperating = column(t.header, /(配合|协同)(单位|部门)/);
  if (lead < 0 && responsible < 0) return [];
  // The unit columns in print order, each with the label it prints under.
  const unitColumns = ([[lead, '牵头单位'], [responsible, '责任单位'], [cooperating, '配合单位']] as Array<[number, Label]>)
    .filter(([c]) => c >= 0)
    .sort((a, b) => a[0] - b[0]);
  const deadline = column(t.header, /时限|完成时间|时间节点/);
  const taskCols = TASK_COLUMNS.map((name) => column(t.header, new RegExp(name))).filter((c) => c >= 0 && !unitColumns.some(([u]) => u === c));
  const firstTaskCol = Math.min(...taskCols, unitColumns[0]![0]);
  const out: TaskAssignment[] = [];
  let inherited = '';
  t.rows.forEach((row, ri) => {
    const cell = (c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
    const task = taskCols.map(cell).find((v) => v.length > 0 && !looksLikeUnits(v)) ?? '';
    if (task) inherited = task;
    // Lost merged cells shift the unit cells left or right: read the cells after the task that
    // hold unit lists, in order, as the unit columns in order.
    const unitCells = row
      .map((c, i) => ({ c: c.trim(), i }))
      .filter(({ c, i }) => i >= firstTaskCol && c && c !== task && looksLikeUnits(c))
      .map(({ c }) => c);
    if (unitCells.length === 0) return;
    const labels: Partial<Record<Label, string>> = { 完成时限: cell(deadline) };
    unitColumns.forEach(([, label], k) => {
      if (unitCells[k]) labels[label] = unitCells[k];
    });
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
  readonly responsible: TaskAssignment[];
  readonly cooperating: TaskAssignment[];
}

/** Per-department view: what each unit leads, is responsible for, cooperates on. */
export function registerByUnit(tasks: readonly TaskAssignment[]): UnitRegister[] {
  const units = new Map<string, { leads: TaskAssignment[]; responsible: TaskAssignment[]; cooperating: TaskAssignment[] }>();
  const slot = (u: string) => units.get(u) ?? units.set(u, { leads: [], responsible: [], cooperating: [] }).get(u)!;
  for (const t of tasks) {
    for (const u of new Set(t.leads)) slot(u).leads.push(t);
    for (const u of new Set(t.responsible)) slot(u).responsible.push(t);
    for (const u of new Set(t.cooperating)) slot(u).cooperating.push(t);
  }
  const size = (v: { leads: unknown[]; responsible: unknown[]; cooperating: unknown[] }) => v.leads.length + v.responsible.length + v.cooperating.length;
  return [...units].map(([unit, v]) => ({ unit, ...v })).sort((a, b) => size(b) - size(a));
}
