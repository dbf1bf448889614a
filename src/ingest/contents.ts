/**
 * The issue's own listings: the 目录 (titles with page numbers, grouped under mastheads) and the
 * 主要文件目录 / 文件索引 (titles with 文号). Both come wrapped over several lines, with dot
 * leaders, page numbers glued to the title (的通知13), markdown table pipes or list bullets.
 */
import { normaliseDocNumber } from '../domain/doc-number.js';
import type { CleanLine } from './artefacts.js';
import { compact, isBlank, isIndexHeading, isMasthead, isTitleFragment, startsWithIssuer } from './patterns.js';

export interface ListingEntry {
  readonly title: string;
  readonly docNumber: string | null;
  /** The 文号 as printed when it could not be parsed (e.g. （2021）20号 without agency). */
  readonly rawDocNumber: string | null;
  readonly page: number | null;
  readonly group: string | null;
  /** 0-based input lines the entry spans. */
  readonly lines: number[];
}

export interface ListingRegion {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly entries: ListingEntry[];
  /** Index headings (文件索引, …主要文件目录) seen inside: marks a 主要文件目录 rather than a 目录. */
  readonly headings: string[];
}

/** Strip markdown pipes, bullets, leaders and the blanks letter-spacing leaves. */
function clean(line: string): string {
  return compact(line.replace(/^\s*[-*•]\s+/, '').replace(/\|/g, ' ')).replace(/-{2,}/g, '');
}

const TAIL_DOCNUMBER = /[（(]([^（()）]{0,20}?\d{4}[^（()）]{0,6}?\d{1,5}\s*[号號])[）)]$/;
const TAIL_PAGE = /(?:\.{2,}|…+|·{2,})?(\d{1,3})$/;
/** Titles end with their 文种 or instrument; a number right after one is a page number. */
const TITLE_END = /(通知|通告|决定|意见|报告|办法|方案|函|批复|纪要|公告|通报|命令|议案|请示|决议|目录|规定|细则|措施|计划|预案)$/;

interface Tail {
  readonly title: string;
  readonly docNumber: string | null;
  readonly rawDocNumber: string | null;
  readonly page: number | null;
}

/** Does the accumulated text end like a complete entry? */
export function readEntryTail(text: string): Tail | null {
  let t = text;
  let page: number | null = null;
  const p = TAIL_PAGE.exec(t);
  if (p) {
    const before = t.slice(0, p.index);
    const hasLeader = /(\.{2,}|…+|·{2,})\d{1,3}$/.test(t);
    if (hasLeader || TITLE_END.test(before.replace(/[（(][^（()）]*[）)]$/, '')) || TAIL_DOCNUMBER.test(before)) {
      page = Number(p[1]);
      t = before.replace(/(\.{2,}|…+|·{2,})$/, '');
    }
  }
  const d = TAIL_DOCNUMBER.exec(t);
  if (d) {
    const raw = d[1]!;
    return { title: t.slice(0, d.index), docNumber: normaliseDocNumber(raw), rawDocNumber: raw, page };
  }
  // A 文号 the printer mangled (（2021）20号）): keep it raw, cut the title at its 文种.
  const b = /^(.*(?:通知|通告|决定|意见|报告|办法|方案|批复|纪要|公告|通报))[（(](.{1,30}[号號])[）)]$/.exec(t);
  if (b) return { title: b[1]!, docNumber: normaliseDocNumber(b[2]!), rawDocNumber: b[2]!, page };
  if (page !== null) return { title: t, docNumber: null, rawDocNumber: null, page };
  return null;
}

/** Inside a wrapped title, a new entry starts only with the group's issuer (…人民政府, …办公室). */
function startsNewTitle(c: string, group: string | null): boolean {
  const root = group?.replace(/(办公室)?文件$/, '');
  return root ? c.startsWith(root) : /^[\u4e00-\u9fa5]{2,10}(省|市|区|县)[\u4e00-\u9fa5]{0,10}人民政府/.test(c);
}

function isTableRule(line: string): boolean {
  return /^[\s|:\-—]*$/.test(line) && /[|-]/.test(line);
}

/** Parse a run of lines as a listing, stopping at the first line that cannot belong to one. */
export function readListing(lines: readonly CleanLine[], from: number): ListingRegion {
  const entries: ListingEntry[] = [];
  const headings: string[] = [];
  let group: string | null = null;
  let acc = '';
  let accLines: number[] = [];
  let i = from;
  let lastGood = from;
  // A title that ran to the next title without a tail is kept (pageless) only if it ends like one.
  const flush = (at: number) => {
    if (acc.length > 12 && TITLE_END.test(acc)) {
      entries.push({ title: acc, docNumber: null, rawDocNumber: null, page: null, group, lines: accLines });
      lastGood = at;
    }
    acc = '';
    accLines = [];
  };
  for (; i < lines.length; i++) {
    const raw = lines[i]!.text;
    if (isBlank(raw) || isTableRule(raw)) continue;
    const c = clean(raw);
    if (isMasthead(c) || isIndexHeading(c)) {
      flush(i);
      // A 目录 line pointing at the index (…主要文件目录48) is a heading, not a document.
      if (isIndexHeading(c)) headings.push(c);
      group = c;
      lastGood = i + 1;
      continue;
    }
    // Listing lines are title fragments: body sentences, dates and 附注 never belong to one.
    if (!isTitleFragment(c)) break;
    if (acc === '' && !startsWithIssuer(c)) break;
    if (acc !== '' && startsNewTitle(c, group)) flush(i);
    acc += c;
    accLines.push(lines[i]!.n);
    if (accLines.length > 5) break;
    const tail = readEntryTail(acc);
    if (tail && TITLE_END.test(tail.title.replace(/[（(][^（()）]*[）)]$/, ''))) {
      entries.push({ ...tail, group, lines: accLines });
      acc = '';
      accLines = [];
      lastGood = i + 1;
    }
  }
  return { start: from, end: lastGood, entries, headings };
}

/**
 * Every listing in the issue: runs of ≥2 entries (or an index heading followed by entries).
 * Body text never qualifies: its lines do not start with an issuing organ and end with a tail.
 */
export function findListings(lines: readonly CleanLine[]): ListingRegion[] {
  const regions: ListingRegion[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (isBlank(t)) continue;
    const c = clean(t);
    if (!(isMasthead(c) || isIndexHeading(c) || startsWithIssuer(c))) continue;
    const r = readListing(lines, i);
    if (r.entries.length >= 2 || (r.headings.length > 0 && r.entries.length >= 1)) {
      regions.push(r);
      i = r.end - 1;
    }
  }
  return regions;
}
