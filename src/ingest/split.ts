/**
 * Split an issue's cleaned lines into documents. Every document is anchored on its 文号 line
 * (bare or in parentheses); its header (masthead, title — printed before or after the 文号)
 * is found by walking back over header-shaped lines. Jump-continued pieces (上接第N页) are
 * given back to the document that jumped (下转第M页), and a document printed inside another
 * (no marker at all) gives the rest of the page back to the one it interrupted.
 */
import type { Warning } from '../domain/types.js';
import type { CleanLine } from './artefacts.js';
import type { ListingRegion } from './contents.js';
import {
  compact, docNumberLine, endsSentence, isBlank, isMasthead, isPublicityNote, isTitleFragment, startsWithIssuer,
} from './patterns.js';

export type Range = readonly [start: number, end: number];

export interface DocumentPlan {
  /** First line of the header. */
  readonly start: number;
  /** The 文号 line. */
  readonly anchor: number;
  readonly docNumberText: string;
  /** Line ranges in reading order; the first is the main piece. */
  pieces: Range[];
  /** Printed start page, from the 目录 when matched. */
  page: number | null;
  readonly warnings: Warning[];
}

const HEADER_WINDOW = 8;

/** A header line: a title fragment short enough to be one line of a printed title. */
function isTitleShaped(text: string): boolean {
  return isTitleFragment(text) && compact(text).length <= 64;
}

/** Walk back from the 文号 line over masthead and title lines to the document's first line. */
function headerStart(lines: readonly CleanLine[], anchor: number, floor: number): number {
  let start = anchor;
  let seen = 0;
  for (let k = anchor - 1; k >= floor && seen < HEADER_WINDOW; k--) {
    const t = lines[k]!.text;
    if (isBlank(t)) continue;
    seen++;
    if (!(isMasthead(t) || isTitleShaped(t))) break;
    if (isMasthead(t) || startsWithIssuer(t)) start = k;
  }
  return start;
}

/** Is there a masthead or an issuing-organ title near this 文号 line? Body text never has one. */
function hasHeaderNearby(lines: readonly CleanLine[], anchor: number): boolean {
  const near: string[] = [];
  for (let k = Math.max(0, anchor - 12); k <= Math.min(lines.length - 1, anchor + 6); k++) {
    if (k !== anchor && !isBlank(lines[k]!.text)) near.push(lines[k]!.text);
  }
  return near.some((t) => isMasthead(t) || (startsWithIssuer(t) && isTitleShaped(t)));
}

/** Which lines lie in a listing: one pass, so a per-line test costs nothing however many listings. */
function listingMask(size: number, listings: readonly ListingRegion[]): (n: number) => boolean {
  const mask = new Uint8Array(size);
  for (const r of listings) mask.fill(1, r.start, Math.min(r.end, size));
  return (n) => mask[n] === 1;
}

/** The first element of an ascending array greater than n, else `fallback` (binary search). */
function firstAbove(sorted: readonly number[], n: number, fallback: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > n) hi = mid;
    else lo = mid + 1;
  }
  return lo < sorted.length ? sorted[lo]! : fallback;
}

export function findAnchors(lines: readonly CleanLine[], listings: readonly ListingRegion[]): number[] {
  const inListing = listingMask(lines.length, listings);
  const anchors: number[] = [];
  for (let n = 0; n < lines.length; n++) {
    if (inListing(n) || !docNumberLine(lines[n]!.text)) continue;
    if (hasHeaderNearby(lines, n)) anchors.push(n);
  }
  return anchors;
}

/** Lay out the documents' main pieces, and the 上接 pieces still to be given to their owners. */
export function planDocuments(
  lines: readonly CleanLine[],
  listings: readonly ListingRegion[],
): { plans: DocumentPlan[]; continuations: Range[] } {
  const inListing = listingMask(lines.length, listings);
  const anchors = findAnchors(lines, listings);
  const plans: DocumentPlan[] = [];
  let floor = 0;
  for (const a of anchors) {
    const start = headerStart(lines, a, floor);
    plans.push({ start, anchor: a, docNumberText: docNumberLine(lines[a]!.text)!, pieces: [], page: null, warnings: [] });
    floor = a + 1;
  }
  // Boundaries: document starts, listings and 上接 pieces all cut the running text.
  const cuts = new Set<number>([lines.length]);
  plans.forEach((p) => cuts.add(p.start));
  listings.forEach((r) => {
    cuts.add(r.start);
    cuts.add(r.end);
  });
  const starts: number[] = [];
  lines.forEach((l, n) => {
    if (l.jumps.some((j) => j.direction === 'in') && !inListing(n)) {
      cuts.add(n);
      starts.push(n);
    }
  });
  const sorted = [...cuts].sort((a, b) => a - b);
  const nextCut = (n: number) => firstAbove(sorted, n, lines.length);
  for (const p of plans) p.pieces.push([p.start, nextCut(p.start)]);
  return { plans, continuations: starts.map((n) => [n, nextCut(n)] as const) };
}

/** Does a piece of lines contain an outgoing jump (下转), and where? */
export function outJumps(lines: readonly CleanLine[], r: Range): Array<{ line: number; page: number }> {
  const out: Array<{ line: number; page: number }> = [];
  for (let n = r[0]; n < r[1]; n++) for (const j of lines[n]!.jumps) if (j.direction === 'out') out.push({ line: n, page: j.page });
  return out;
}

/**
 * Give each 上接第Y页 piece to the document that jumped from page Y. With 目录 pages, the
 * document printed on page Y; without (compilations), the k-th jump in print order.
 */
export function pairContinuations(lines: readonly CleanLine[], plans: DocumentPlan[], cont: readonly Range[]): Warning[] {
  const warnings: Warning[] = [];
  const jumpers = plans.filter((p) => outJumps(lines, p.pieces[0]!).length > 0);
  const used = new Set<DocumentPlan>();
  const withPages = plans.every((p) => p.page !== null);
  const sortedCont = [...cont].sort((a, b) => inPage(lines, a) - inPage(lines, b));
  // Pages ascend with the pieces, so both look-ups move forward only (thousands of markers stay linear).
  const byPage = plans.map((p, i) => ({ page: p.page ?? 0, i })).sort((a, b) => a.page - b.page);
  let pagePointer = 0;
  let lastOnPage = -1; // the last plan in print order printed on or before page y
  let nextJumper = 0;
  for (const piece of sortedCont) {
    const y = inPage(lines, piece);
    let target: DocumentPlan | undefined;
    if (withPages) {
      while (pagePointer < byPage.length && byPage[pagePointer]!.page <= y) lastOnPage = Math.max(lastOnPage, byPage[pagePointer++]!.i);
      const onPage = plans[lastOnPage];
      target = onPage && !used.has(onPage) ? onPage : undefined;
    }
    while (nextJumper < jumpers.length && used.has(jumpers[nextJumper]!)) nextJumper++;
    target ??= jumpers[nextJumper];
    if (!target) {
      warnings.push({ code: 'jump-unpaired', message: `（上接第${y}页） at line ${piece[0] + 1} has no matching （下转） document` });
      continue;
    }
    used.add(target);
    target.pieces.push(piece);
    if (outJumps(lines, target.pieces[0]!).length === 0) {
      target.warnings.push({ code: 'jump-marker-missing', message: `continued from page ${y} but no （下转） marker was found in the document` });
    }
  }
  return warnings;
}

function inPage(lines: readonly CleanLine[], r: Range): number {
  return lines[r[0]]!.jumps.find((j) => j.direction === 'in')?.page ?? 0;
}

/** Index of the first publicity note in a range, or -1. */
function closingLine(lines: readonly CleanLine[], r: Range): number {
  for (let n = r[0]; n < r[1]; n++) if (isPublicityNote(lines[n]!.text)) return n;
  return -1;
}

function lastContent(lines: readonly CleanLine[], r: Range): string {
  for (let n = r[1] - 1; n >= r[0]; n--) if (!isBlank(lines[n]!.text)) return lines[n]!.text;
  return '';
}

/**
 * A document printed inside another without a marker: the outer one stops mid-sentence with
 * no closing, the inner one closes, and what follows its closing reads on mid-sentence.
 */
export function repairNested(lines: readonly CleanLine[], plans: DocumentPlan[]): void {
  for (let i = 0; i + 1 < plans.length; i++) {
    const outer = plans[i]!;
    const inner = plans[i + 1]!;
    const outerMain = outer.pieces[0]!;
    if (closingLine(lines, outerMain) >= 0 || endsSentence(lastContent(lines, outerMain))) continue;
    if (outJumps(lines, outerMain).length > 0) continue;
    const innerMain = inner.pieces[0]!;
    const close = closingLine(lines, innerMain);
    if (close < 0) continue;
    let first = close + 1;
    while (first < innerMain[1] && isBlank(lines[first]!.text)) first++;
    if (first >= innerMain[1]) continue;
    const t = lines[first]!.text;
    if (/^\s*(附件|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])/.test(t) || isTitleShaped(t)) continue;
    inner.pieces[0] = [innerMain[0], close + 1];
    outer.pieces.splice(1, 0, [close + 1, innerMain[1]]);
    outer.warnings.push({
      code: 'nested-document',
      message: `${inner.docNumberText} was printed inside this document without a marker; its text was taken out`,
    });
  }
}
