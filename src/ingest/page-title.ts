/**
 * The title of a document printed on its own: the last title-shaped group before 正文, its pieces
 * joined, a page heading's wrappers (《…》, 文号《…》) and a bracketed 文号 or 令 taken off, given
 * back as printed (traditional stays traditional; joint issuers keep the space between them).
 */
import { normaliseDocNumber, parseOrderNumber, type OrderNumber } from '../domain/doc-number.js';
import { looseDate } from './page-dates.js';
import { endsTitle, isIssuerLine, isTitlePiece, type PageLine } from './page-lines.js';
import { stripPinyin, toSimplified } from './traditional.js';

export interface TitleRead {
  /** Simplified (for matching). */
  readonly title: string;
  /** As printed (traditional pages stay traditional). */
  readonly printed: string;
  /** ls indices of the title's lines. */
  readonly from: number;
  readonly to: number;
  readonly docNumber: string | null;
  readonly order: OrderNumber | null;
  /** The title line is a page's heading, not the document's own (《…》, 文号《…》). */
  readonly fromPageTitle: boolean;
}

/** 《…》 around a whole line, a 文号 in front (鲁政发〔2014〕20号《…》), a 文号 or 令 in brackets behind. */
export function unwrapTitle(key: string): { key: string; docNumber: string | null; order: OrderNumber | null; page: boolean } {
  let k = key;
  let docNumber: string | null = null;
  let order: OrderNumber | null = null;
  let page = false;
  const front = /^([\u4e00-\u9fa5]{2,12}[〔\[［(（](?:19|20)\d\d[〕\]］)）]第?\d{1,5}号)(《.+》)$/.exec(k);
  if (front) {
    docNumber = normaliseDocNumber(front[1]!);
    k = front[2]!;
    page = true;
  }
  if (/^《[^《》]+(《[^《》]*》[^《》]*)*》$/.test(k) || /^《.+》$/.test(k) && !/》.*《/.test(k.slice(1, -1))) {
    k = k.slice(1, -1);
    page = true;
  }
  const back = /^(.+?)[(（]([^()（）]{4,30})[)）]$/.exec(k);
  if (back) {
    const dn = normaliseDocNumber(back[2]!);
    const on = dn ? null : parseOrderNumber(back[2]!);
    if (dn || on) {
      k = back[1]!;
      docNumber ??= dn;
      order = on;
    } else if (/^(\d{4}|修订|试行|暂行|\d{4}年?修订|\d{4}年修正)/.test(back[2]!) && /修订|修正/.test(back[2]!)) {
      k = back[1]!;
    }
  }
  return { key: k, docNumber, order, page };
}

const gapBetween = (ls: readonly PageLine[], a: number, b: number, meta: ReadonlySet<number>): number => {
  for (let n = ls[a]!.n + 1; n < ls[b]!.n; n++) if (meta.has(n)) return 99;
  return ls[b]!.n - ls[a]!.n - 1;
};

/** The title ending at ls[end]: earlier pieces joined (one blank line at most between them). */
export function titleAt(ls: readonly PageLine[], end: number, meta: ReadonlySet<number>): TitleRead {
  const last = unwrapTitle(ls[end]!.key);
  const parts = [last.key];
  let from = end;
  const opens = (k: string) => /^(关于|印发|转发)/.test(k) || /^.{2,40}?(关于|印发|转发)/.test(k);
  while (from > 0) {
    const prev = ls[from - 1]!.key;
    const gap = gapBetween(ls, from - 1, from, meta);
    if (gap > 1 || !isTitlePiece(prev) || endsTitle(prev)) break;
    const head = parts[0]!;
    if (opens(head)) {
      // The issuer printed on its own line above 关于… (济宁市人民政府 / 关于…), or the joint
      // issuers ending with 印发 (鹤岗市人民政府 鹤岗市中级人民法院印发 / 关于…).
      if (/^(关于|印发|转发)/.test(head) && (isIssuerLine(prev) || /(印发|转发)$/.test(prev))) {
        parts.unshift(prev);
        from--;
      }
      break;
    }
    if (prev.startsWith('《') && !prev.includes('》')) break;
    parts.unshift(prev);
    from--;
  }
  const title = parts.join('');
  const lines = ls.slice(from, end + 1);
  return { title, printed: keepIssuerSpaces(asPrinted(lines, title), lines), from, to: end, docNumber: last.docNumber, order: last.order, fromPageTitle: last.page };
}

const ORGAN_END = /(人民政府|人民法院|人民检察院|办公室|办公厅|委员会|人民政府办公室|[部局厅委院])$/;

/**
 * Joint issuers printed with a space between them (鹤岗市人民政府 鹤岗市中级人民法院印发…) keep it:
 * the space separates two names, it is not extraction damage.
 */
function keepIssuerSpaces(title: string, lines: readonly PageLine[]): string {
  const source = lines.map((l) => stripPinyin(l.text)).join('\n');
  let out = '';
  for (let i = 0; i < title.length; i++) {
    out += title[i];
    const left = title.slice(0, i + 1);
    const next = title.slice(i + 1, i + 3);
    if (next.length === 2 && ORGAN_END.test(toSimplified(left)) && new RegExp(`${escape(title.slice(Math.max(0, i - 1), i + 1))}[ \u3000]+${escape(next)}`).test(source)) out += ' ';
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The printed form of a piece of the lines' keys (OpenCC maps character for character). */
export function asPrinted(lines: readonly PageLine[], key: string): string {
  const keys = lines.map((l) => l.key).join('');
  const plain = lines.map((l) => l.plain).join('');
  const at = keys.indexOf(key);
  return at >= 0 && keys.length === plain.length ? plain.slice(at, at + key.length) : key;
}

/** Title, 文号 and date printed on one line, separated by spaces (中华文库, 浙政发[2009]69号 2009-11-03 …). */
export function inlineHeader(l: PageLine): { title: string | null; docNumber: string | null; order: OrderNumber | null; date: string | null } | null {
  const segs = l.spaced.split(' ');
  if (segs.length < 2) return null;
  let title: string | null = null;
  let docNumber: string | null = null;
  let order: OrderNumber | null = null;
  let date: string | null = null;
  segs.forEach((s, i) => {
    const k = s.replace(/[|｜]/g, '');
    if (title === null && i === 0 && endsTitle(k)) title = k;
    else if (docNumber === null && normaliseDocNumber(k)) docNumber = normaliseDocNumber(k);
    else if (order === null && (parseOrderNumber(k) || parseOrderNumber(k + (segs[i + 1] ?? '')))) order = parseOrderNumber(k) ?? parseOrderNumber(k + segs[i + 1]!);
    else if (date === null && title !== null && /^(\d{4}[-年]\d{1,2}[-月]\d{1,2}日?)$/.test(k)) date = looseDate(k);
  });
  return title || docNumber || order ? { title, docNumber, order, date } : null;
}

