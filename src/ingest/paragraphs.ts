/**
 * Rebuild paragraphs from extracted lines. Most samples come from narrow two-column pages:
 * ~20 characters a line, a blank line after every line, breaks mid-word and mid-number
 * (有\n\n关单位, 2023年12月\n\n31日). Others already give one paragraph per line (002_, 004_)
 * and must not be merged. We detect the column width once per document and decide each
 * line break from the line's fill, its last character and how the next line starts.
 */
import { normaliseDocNumber } from '../domain/doc-number.js';
import { headingMarker, isDateLine, kindOfTitle, memberLine, publicityOf, visualWidth } from './markers.js';

export interface Paragraph {
  /** Lines joined, each trimmed; inner spaces left for the space repair. */
  readonly text: string;
  /** 0-based index of the first source line. */
  readonly line: number;
}

export interface Column {
  /** true when lines wrap at a narrow printed column. */
  readonly narrow: boolean;
  /** Visual width (CJK = 2) of a full line. */
  readonly width: number;
}

/** The printed column: the 90th percentile of line widths; narrow when no line overflows it. */
export function detectColumn(lines: readonly string[]): Column {
  const widths = lines
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('|') && !l.includes('\t'))
    .map(visualWidth)
    .sort((a, b) => a - b);
  if (widths.length === 0) return { narrow: false, width: 0 };
  const width = widths[Math.floor(widths.length * 0.9)] ?? widths[widths.length - 1]!;
  // Narrow pages never print a line wider than ~35 CJK; one-paragraph-per-line text has many
  // (all five samples fall cleanly on one side: 0 of 2,082 lines vs. 44–55%).
  const wide = widths.filter((w) => w > 70).length;
  return { narrow: width <= 64 && wide <= widths.length * 0.03, width };
}

// A paragraph ends after these (closing quotes/brackets may follow them).
const FINAL = /[。！？：:!?][”’）)」』]*$/;
// A line that begins with one of these continues the previous one.
const CONTINUES = /^[，。、；：）》”’」』,;)]/;
// Lines starting like this open a new paragraph even without a numbered marker.
const BREAK_BEFORE = /^(附件|[-•·*]\s|第[一二三四五六七八九十百零〇]+[章节条]|——)/;
// Signature blocks are pushed right with many spaces.
const SIGNATURE_INDENT = 11;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function unclosed(line: string, open: string, close: string): boolean {
  let depth = 0;
  for (const c of line) depth = c === open ? depth + 1 : c === close ? Math.max(0, depth - 1) : depth;
  return depth > 0;
}

function standalone(t: string): boolean {
  return isDateLine(t) || publicityOf(t) !== null || /^(抄送|印发)[：:]/.test(t);
}

/** Lines of an attachment list (附件：1．…) continue it: indented items, numbered items, （略）. */
function continuesAttachmentList(para: string, next: string, nextIndent: number): boolean {
  if (!/^(?:[-•*]\s+)?附件\s*[：:]/.test(para)) return false;
  if (standalone(next)) return false;
  // The signature below is pushed further right (12+ spaces) than the list's continuations (6–9).
  return (nextIndent >= 2 && nextIndent < SIGNATURE_INDENT) || /^\d{1,2}[.．、]/.test(next) || /^[（(]略[）)]/.test(next);
}

interface Break {
  readonly prev: string;
  /** Visual width of the previous line as printed (a jump marker cut from it still took room). */
  readonly prevWidth: number;
  /** The paragraph so far — only its first HEAD characters, so each decision costs O(1). */
  readonly para: string;
  readonly next: string;
  readonly prevIndent: number;
  readonly nextIndent: number;
  readonly blankBetween: boolean;
  /** Did the last paragraph with the same heading level as `para` end a sentence? null: none yet. */
  readonly siblingProse: boolean | null;
}

const HEAD = 200;
const WORD_END = /[\u4e00-\u9fa5\d》”）]$/;

/** Narrow columns: a line that fills the column was wrapped; paragraphs end on punctuation. */
function narrowJoin(b: Break, col: Column): boolean {
  if (b.prevIndent >= SIGNATURE_INDENT || b.nextIndent >= SIGNATURE_INDENT) return false;
  // A title (no sentence punctuation, ends with its 文种) never runs into the next line.
  if (kindOfTitle(b.prev) && !/[，。；：]/.test(b.para)) return false;
  // A clause is never the end of a paragraph (…要因地制宜，（下转第33页） / 探索创新).
  if (/[，、]$/.test(b.prev)) return true;
  const w = b.prevWidth;
  if (w >= col.width - 6) return true;
  if (!WORD_END.test(b.prev)) return false;
  // A paragraph's first line is indented in print (and bold run-in headings are wider), so a
  // line of half the column that stops on a word character still continues. Short numbered
  // lines are headings (一、充分认识目的意义); 一、 headings (黑体) keep their own line unless
  // they fill it, （一） ones run into their text.
  const m = headingMarker(b.para);
  return w >= (!m ? col.width / 2 : m.level === 1 ? col.width - 6 : col.width - 10);
}

/** One paragraph per line (002_, 004_): join only stray breaks and lines cut by a page break. */
function wideJoin(b: Break): boolean {
  // A 附件说明 continues only as a list; a title or masthead never runs on.
  if (/^(?:[-•*]\s+)?附件/.test(b.para) || kindOfTitle(b.prev) || /文件$/.test(b.prev)) return false;
  // Consecutive lines without a blank are one paragraph cut by a stray break (已经区\n政府同意).
  if (!b.blankBetween) return true;
  if (/[，、]$/.test(b.prev)) return true; // 区政府有关部门，\n\n有关单位：
  // Prose (it has punctuation) that stops on a word character was cut. Short label lines
  // (站长：黄 听 区政府副区长) are list entries; numbered headings (二、森林、林木…) stand alone.
  const punct = headingMarker(b.para) ? /[，：；。]/ : /[，：；。、]/;
  const width = visualWidth(b.para);
  if ((width >= 80 || (width >= 40 && punct.test(b.para))) && WORD_END.test(b.prev)) return true;
  return pageCut(b, width);
}

// What a title or a table caption ends with: the instrument or list it names.
const NAMES_SOMETHING = /(方案|办法|预案|计划|措施|举措|要点|细则|规定|规则|意见|分工|政策|目录|标准|制度|清单|名单|任务)$/;
// An entry of a list of people or units: 组长：…, 牵头单位：…
const LABEL = /^[^，。；：:、（(]{1,10}[：:]/;

/**
 * A page break cut a sentence short of punctuation (002_ 由重庆市武隆\n\n区防治动物重大疫病指挥部…;
 * (4) 乡镇人民政府、街道办事处具体组织做好\n\n应急处置工作，…). The line is body text, not a title
 * or heading: long enough, not naming an instrument, and when numbered its siblings are sentences.
 * What follows reads on: a sentence that is not a new list entry.
 */
function pageCut(b: Break, width: number): boolean {
  if (!/[\u4e00-\u9fa5\d]$/.test(b.prev) || width < 36 || NAMES_SOMETHING.test(b.prev)) return false;
  if (headingMarker(b.para) && b.siblingProse !== true) return false;
  return /[，。；]/.test(b.next) && !LABEL.test(b.next) && !LABEL.test(b.para);
}

/** One code point (a surrogate pair counts as one), without spreading the line into an array. */
const oneCharacter = (s: string): boolean => s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);

function shouldJoin(b: Break, col: Column): boolean {
  const { prev, para, next } = b;
  if (continuesAttachmentList(para, next, b.nextIndent)) return true;
  // A vertical masthead not yet collapsed (重\n庆\n市…): one character a line.
  if (oneCharacter(prev) && oneCharacter(next) && para.length < HEAD && /^[\u4e00-\u9fa5]+$/.test(para)) return !b.blankBetween;
  if (CONTINUES.test(next)) return !standalone(prev);
  // An inner gap of 2+ spaces marks a signature or speaker line (区长  左军), never a wrap.
  if (/\S\s{2,}\S/.test(next)) return false;
  // A list of people, one a line and often without blank lines between (003_ 领导小组 组成人员):
  // an entry (组 长：刘高永 区委常委…; 陈 念 区委宣传部副部长) opens a line and ends it, unless it
  // filled a narrow column. In one-paragraph-per-line text, label entries (指挥长：… /
  // 常务副指挥长：…) stand apart the same way.
  if (memberLine(next)) return false;
  if (memberLine(prev) && (!col.narrow || b.prevWidth < col.width - 6)) return false;
  if (!col.narrow && LABEL.test(para) && LABEL.test(next) && !/[，、；]$/.test(prev)) return false;
  if (headingMarker(next) || BREAK_BEFORE.test(next) || standalone(next) || standalone(prev)) return false;
  // 举报电话：\n\n110，… — a colon that introduces a number on the next line.
  if (/[：:]$/.test(prev) && /^\d[\d-]*[，,；;、。]/.test(next)) return true;
  // A 《title》 or bracket left open at the end of the line goes on (《江口镇\n\n志》).
  if (unclosed(prev, '《', '》') || unclosed(prev, '（', '）')) return true;
  if (FINAL.test(prev) || /文件$/.test(prev) || normaliseDocNumber(prev)) return false;
  return col.narrow ? narrowJoin(b, col) : wideJoin(b);
}

// Two Latin words keep a space between them; CJK text joins directly.
const latinPair = (a: string, b: string): boolean => /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b);

function glue(a: string, b: string): string {
  return latinPair(a, b) ? `${a} ${b}` : a + b;
}

/**
 * Join wrapped lines into paragraphs. Blank lines never produce paragraphs. `printed` gives each
 * line as printed when artefacts were cut out of it (a jump marker took room on the line).
 */
export function rebuildParagraphs(lines: readonly string[], col: Column = detectColumn(lines), printed?: readonly string[]): Paragraph[] {
  const out: Paragraph[] = [];
  // Whether the last paragraph at each heading level ended a sentence: numbered items that are
  // sentences (（3）…。) make a numbered line without punctuation an item cut short, not a heading.
  const prose = new Map<number, boolean>();
  // Lines are collected and joined once per paragraph: rescanning a growing string per line
  // would make one long paragraph quadratic.
  let cur: { parts: string[]; head: string; line: number; last: string; lastIndent: number; lastWidth: number } | null = null;
  const flush = (): void => {
    if (!cur) return;
    const m = headingMarker(cur.head);
    if (m) prose.set(m.level, /[。；;！？!?][”’）)」』]*$/.test(cur.last));
    out.push({ text: cur.parts.map((t, k) => (k > 0 && latinPair(cur!.parts[k - 1]!, t) ? ` ${t}` : t)).join(''), line: cur.line });
  };
  let blank = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const t = raw.trim();
    if (t === '') {
      blank = true;
      continue;
    }
    const ind = indentOf(raw.replace(/\u3000/g, '  '));
    const width = visualWidth(printed?.[i]?.trim() ?? t);
    const level = cur ? headingMarker(cur.head)?.level : undefined;
    const b: Break | null = cur && {
      prev: cur.last, prevWidth: cur.lastWidth, para: cur.head, next: t, prevIndent: cur.lastIndent, nextIndent: ind,
      blankBetween: blank, siblingProse: level === undefined ? null : prose.get(level) ?? null,
    };
    if (cur && b && shouldJoin(b, col)) {
      cur.parts.push(t);
      if (cur.head.length < HEAD) cur.head = glue(cur.head, t).slice(0, HEAD);
      cur.last = t;
      cur.lastIndent = ind;
      cur.lastWidth = width;
    } else {
      flush();
      cur = { parts: [t], head: t.slice(0, HEAD), line: i, last: t, lastIndent: ind, lastWidth: width };
    }
    blank = false;
  }
  flush();
  return out;
}
