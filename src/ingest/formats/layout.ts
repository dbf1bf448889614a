/**
 * Glyph runs with positions (a PDF's text items, an OFD's TextCodes) → the text the reader
 * consumes: one line per paragraph, a blank line between paragraphs, as the extracted samples
 * are. Positions decide everything the run order cannot: vertical mastheads (a column of single
 * characters), letter-spaced mastheads, two-column pages (目录) read column by column, running
 * headers and page numbers by their place on the page (returned apart, never in the text), and
 * lines wrapped at the column edge — also across a page break — joined back into their paragraph.
 */
import type { Artefact } from '../../domain/types.js';
import { tableRows, type Line } from './layout-tables.js';

/** A run of text on a page; `y` is the baseline measured upwards from the page bottom. */
export interface Run {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly size: number;
}

export interface LaidPage {
  readonly width: number;
  readonly height: number;
  readonly runs: readonly Run[];
}

export interface LaidOut {
  readonly text: string;
  /** Running headers and page numbers, taken out by position. */
  readonly furniture: Artefact[];
}

const CJK = /[\u3400-\u9fff]/;

/** Columns of ≥3 single characters stacked at one x (vertical mastheads, mottoes) → one line each. */
function verticalLines(runs: Run[]): { lines: Run[]; rest: Run[] } {
  // A character standing alone on its baseline: no other run within a character and a half either side.
  const alone = (r: Run) =>
    !runs.some((o) => o !== r && Math.abs(o.y - r.y) < 0.5 * r.size && o.x < r.x + r.w + 1.5 * r.size && o.x + o.w > r.x - 1.5 * r.size);
  const singles = runs.filter((r) => [...r.text.trim()].length === 1 && CJK.test(r.text) && alone(r));
  const byX = new Map<number, Run[]>();
  for (const r of singles) {
    const key = [...byX.keys()].find((x) => Math.abs(x - r.x) < 1) ?? r.x;
    byX.set(key, [...(byX.get(key) ?? []), r]);
  }
  const used = new Set<Run>();
  const lines: Run[] = [];
  for (const col of byX.values()) {
    col.sort((a, b) => b.y - a.y);
    let run: Run[] = [];
    const flush = () => {
      if (run.length >= 3) {
        run.forEach((r) => used.add(r));
        lines.push({ text: run.map((r) => r.text.trim()).join(''), x: run[0]!.x, y: run[0]!.y, w: run[0]!.w, size: run[0]!.size });
      }
      run = [];
    };
    for (const r of col) {
      const prev = run[run.length - 1];
      if (prev && !(prev.y - r.y > 0.8 * r.size && prev.y - r.y < 2 * r.size)) flush();
      run.push(r);
    }
    flush();
  }
  return { lines, rest: runs.filter((r) => !used.has(r)) };
}

/** Runs → visual lines (same baseline), each a list of runs left to right. */
function baselines(runs: readonly Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: Run[][] = [];
  for (const r of sorted) {
    const line = out[out.length - 1];
    if (line && Math.abs(line[0]!.y - r.y) <= 0.35 * Math.max(line[0]!.size, r.size)) line.push(r);
    else out.push([r]);
  }
  return out.map((l) => l.sort((a, b) => a.x - b.x));
}

/** Pieces of a visual line apart by more than `gap` characters (1.5: columns; 0.8: table cells). */
function segments(line: readonly Run[], gap = 1.5): Run[][] {
  const out: Run[][] = [];
  for (const r of line) {
    const seg = out[out.length - 1];
    const prev = seg?.[seg.length - 1];
    if (prev && r.x - (prev.x + prev.w) <= gap * Math.max(prev.size, r.size)) seg!.push(r);
    else out.push([r]);
  }
  return out;
}

function joinRuns(runs: readonly Run[]): string {
  let s = '';
  runs.forEach((r, i) => {
    const prev = runs[i - 1];
    if (prev && r.x - (prev.x + prev.w) > 0.25 * r.size && !/\s$/.test(s) && !/^\s/.test(r.text)) s += ' ';
    s += r.text;
  });
  return s;
}

const extent = (runs: readonly Run[]) => ({ x0: runs[0]!.x, x1: Math.max(...runs.map((r) => r.x + r.w)) });
const chars = (runs: readonly Run[]) => runs.map((r) => r.text).join('').replace(/\s/g, '').length;

/** The x of a gutter splitting ≥3 lines into two columns of ≥2 characters each side, if any. */
function gutter(lines: readonly Run[][][], width: number): number | null {
  // A page with rows of three pieces or more holds a table: its columns are cells, not text columns.
  if (lines.filter((segs) => segs.length > 2).length >= 2) return null;
  const gaps: Array<[number, number]> = [];
  for (const segs of lines) {
    if (segs.length !== 2 || chars(segs[0]!) < 2 || chars(segs[1]!) < 2) continue;
    gaps.push([extent(segs[0]!).x1, segs[1]![0]!.x]);
  }
  // The x inside the most gaps between a line's two pieces, in the middle of the page.
  let best: [number, number] | null = null;
  for (const [a, b] of gaps) {
    const mid = (a + b) / 2;
    if (mid < 0.3 * width || mid > 0.7 * width) continue;
    const votes = gaps.filter(([c, d]) => c < mid && mid < d).length;
    if (!best || votes > best[1]) best = [mid, votes];
  }
  if (!best || best[1] < 3) return null;
  // The middle of the gutter all those gaps share: a centred heading above the columns crosses it.
  const inside = gaps.filter(([c, d]) => c < best![0] && best![0] < d);
  const g = (Math.max(...inside.map(([c]) => c)) + Math.min(...inside.map(([, d]) => d))) / 2;
  const crosses = lines.filter((segs) => segs.some((s) => { const e = extent(s); return e.x0 < g && e.x1 > g; })).length;
  // A page of running text has the odd short pair of pieces, but most of its lines cross the middle.
  return crosses > best[1] * 3 ? null : g;
}

function toLine(runs: readonly Run[][], page: number, region: number): Line {
  const flat = runs.flat();
  const cells = segments(flat, 0.8);
  const { x0 } = extent(runs[0]!);
  const x1 = Math.max(...runs.map((s) => extent(s).x1));
  return {
    text: cells.map(joinRuns).join('\t'),
    x0,
    x1,
    y: flat[0]!.y,
    size: Math.max(...flat.map((r) => r.size)),
    cells: cells.length,
    cellX: cells.map((c) => c[0]!.x),
    page,
    left: 0,
    right: 0,
    region,
    column: false,
  };
}

/** One page's lines in reading order: a two-column stretch gives its left column, then its right. */
function pageLines(page: LaidPage, p: number, regionBase: number): Line[] {
  const { lines: vertical, rest } = verticalLines([...page.runs]);
  const visual = baselines(rest).map((l) => segments(l));
  // Running headers and footers (top and bottom tenth of the page) span the page, whatever its columns.
  const margin = (segs: Run[][]) => segs[0]![0]!.y > 0.9 * page.height || segs[0]![0]!.y < 0.1 * page.height;
  const g = gutter(visual.filter((segs) => !margin(segs)), page.width);
  const out: Line[] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  let region = regionBase;
  const flushColumns = () => {
    if (left.length + right.length === 0) return;
    const l = left.map((x) => ({ ...x, region: region + 1, column: true }));
    const r = right.map((x) => ({ ...x, region: region + 2, column: true }));
    out.push(...l, ...r);
    region += 3;
    left = [];
    right = [];
  };
  for (const segs of visual) {
    // A letter-spaced heading (目　录) has a character either side of the gutter: it spans both columns.
    const crosses =
      g === null ||
      margin(segs) || segs.length > 2 || (segs.length === 2 && segs.some((s) => chars(s) < 2)) || segs.some((s) => { const e = extent(s); return e.x0 < g && e.x1 > g; });
    if (crosses) {
      flushColumns();
      out.push(toLine(segs, p, region));
      continue;
    }
    const l = segs.filter((s) => extent(s).x1 <= g!);
    const r = segs.filter((s) => s[0]!.x >= g!);
    if (l.length) left.push(toLine(l, p, 0));
    if (r.length) right.push(toLine(r, p, 0));
  }
  flushColumns();
  for (const v of vertical) out.push({ text: v.text, x0: v.x, x1: v.x + v.w, y: v.y, size: v.size, cells: 1, cellX: [v.x], page: p, left: 0, right: 0, region: ++region, column: false });
  // Vertical columns are read where they stand, among the lines by their top.
  return placeVertical(out, vertical.length);
}

/** Put the vertical lines (appended last) before the first line below their top. */
function placeVertical(lines: Line[], n: number): Line[] {
  if (n === 0) return lines;
  const flow = lines.slice(0, lines.length - n);
  for (const v of lines.slice(lines.length - n)) {
    const at = flow.findIndex((l) => l.y < v.y - 0.5 * v.size);
    flow.splice(at < 0 ? flow.length : at, 0, v);
  }
  return flow;
}

const PAGE_NUMBER = /^\s*([·•\-—–－]\s*\d{1,4}\s*[·•\-—–－]|第\s*\d{1,4}\s*页|\d{1,4})\s*$/;

/** Running headers and footers: a page's top/bottom line at the same height on most pages, or a page number at the bottom. */
function furnitureOf(pages: Line[][], heights: readonly number[]): Set<Line> {
  const out = new Set<Line>();
  // Same height and same words (numbers aside) on several pages: text set solid also starts every page at one height.
  const key = (l: Line) => l.text.replace(/[\d\s]/g, '');
  const repeated = (pick: (ls: Line[]) => Line | undefined) => {
    const ys = pages.map(pick).filter((l): l is Line => !!l);
    for (const l of ys) {
      const same = ys.filter((o) => Math.abs(o.y - l.y) < 2 && key(o) === key(l)).length;
      if (pages.length >= 2 && same >= Math.max(2, pages.length * 0.2)) out.add(l);
    }
  };
  const top = (ls: Line[]) => [...ls].sort((a, b) => b.y - a.y)[0];
  const bottom = (ls: Line[]) => [...ls].sort((a, b) => a.y - b.y)[0];
  repeated((ls) => { const t = top(ls); return t && t.y > heights[t.page]! * 0.8 ? t : undefined; });
  repeated((ls) => { const b = bottom(ls); return b && b.y < heights[b.page]! * 0.2 ? b : undefined; });
  pages.forEach((ls) => {
    const b = bottom(ls);
    if (b && b.y < heights[b.page]! * 0.15 && PAGE_NUMBER.test(b.text)) out.add(b);
    // One page alone (a scan, a single sheet): a line in the top or bottom twelfth, well apart from the text.
    const byY = [...ls].sort((x, y) => y.y - x.y);
    const [t, next] = byY;
    if (t && next && t.y > heights[t.page]! * 0.92 && t.y - next.y > 2.5 * t.size) out.add(t);
    const [last, before] = byY.reverse();
    if (last && before && last.y < heights[last.page]! * 0.08 && before.y - last.y > 2.5 * last.size) out.add(last);
  });
  return out;
}

/** Left and right edge of each region (a column, or the page's text block for full-width lines). */
function setEdges(lines: Line[]): void {
  const text = lines.filter((l) => l.cells === 1);
  const sizes = text.map((l) => Math.round(l.size));
  const body = mode(sizes) ?? 12;
  const full = text.filter((l) => Math.round(l.size) === body);
  const docLeft = quantile(full.map((l) => l.x0), 0.1);
  const docRight = quantile(full.map((l) => l.x1), 0.9);
  const byRegion = new Map<string, Line[]>();
  for (const l of lines) {
    const key = `${l.page}:${l.region}`;
    byRegion.set(key, [...(byRegion.get(key) ?? []), l]);
  }
  for (const ls of byRegion.values()) {
    const column = ls[0]!.column;
    const left = column ? Math.min(...ls.map((l) => l.x0)) : docLeft;
    const right = column ? Math.max(...ls.map((l) => l.x1)) : docRight;
    for (const l of ls) {
      l.left = left;
      l.right = right;
    }
  }
}

function mode(xs: number[]): number | undefined {
  const m = new Map<number, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
}

const LEADER_PAGE = /(\.{3,}|…+|·{3,}|-{3,})\s*\d{1,4}\s*$/;

/** A wrapped line: it runs to its column's right edge and the next starts at the left edge, same size. */
function continues(a: Line, b: Line): boolean {
  if (a.cells > 1 || b.cells > 1) return false;
  // A listing entry ends in its leader and page number, wherever the line happens to end.
  if (LEADER_PAGE.test(a.text)) return false;
  if (Math.abs(a.size - b.size) > 0.15 * a.size) return false;
  if (a.x1 < a.right - 1.5 * a.size || a.x0 > a.left + 2.5 * a.size) return false;
  if (b.x0 > b.left + 0.5 * b.size) return false;
  if (a.page === b.page && a.region === b.region && a.y - b.y > 2.2 * a.size) return false;
  return true;
}

const centred = (l: Line) => l.x0 > l.left + l.size && Math.abs((l.x0 + l.x1) / 2 - (l.left + l.right) / 2) < l.size;

/**
 * A blank line between two lines not joined: a gap wider than the line pitch, a new page, column
 * or size — or, set solid as GB/T 9704 prints (no space between paragraphs), a line starting
 * indented or a line before it ending short. Lines of one centred title stay together.
 */
function paragraphBreak(prev: Line, l: Line, pitch: number): boolean {
  // Rows of one table stay together, also across a page break.
  if (prev.table !== undefined && prev.table === l.table) return false;
  if (prev.page !== l.page || prev.region !== l.region || Math.round(prev.size) !== Math.round(l.size) || prev.y - l.y > 1.15 * pitch) return true;
  if (centred(prev) && centred(l)) return false;
  return l.x0 > l.left + 1.2 * l.size || prev.x1 < prev.right - 1.5 * prev.size;
}

/** A letter-spaced line (重 庆 市 武 隆 区 …: most neighbouring characters one space apart) closed up. */
function closeLetterSpacing(text: string): string {
  const spaced = text.match(/[\u3400-\u9fff](?= [\u3400-\u9fff])/g)?.length ?? 0;
  const close = text.match(/[\u3400-\u9fff](?=[\u3400-\u9fff])/g)?.length ?? 0;
  if (spaced < 3 || spaced < close) return text;
  return text.replace(/(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/g, '');
}

export function layOut(pages: readonly LaidPage[]): LaidOut {
  let region = 0;
  const perPage = pages.map((page, p) => {
    const ls = pageLines(page, p, region);
    region += ls.length * 2 + 2;
    return ls;
  });
  const furniture = furnitureOf(perPage, pages.map((p) => p.height));
  const lines = perPage.flat().filter((l) => !furniture.has(l));
  setEdges(lines);
  const pitch = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && a.region === b.region && Math.round(a.size) === Math.round(b.size) && a.y > b.y) {
      const k = Math.round(a.size);
      const d = a.y - b.y;
      pitch.set(k, Math.min(pitch.get(k) ?? Infinity, d));
    }
  }
  const rows = tableRows(lines, (size) => pitch.get(Math.round(size)) ?? 1.5 * size);
  const out: string[] = [];
  const removed: Artefact[] = [];
  let current: Line | null = null;
  let text = '';
  const pagesSeen = new Set<number>();
  const emit = () => {
    if (current) out.push(closeLetterSpacing(text));
  };
  for (const l of rows) {
    if (!pagesSeen.has(l.page)) {
      pagesSeen.add(l.page);
      for (const f of perPage[l.page]!.filter((x) => furniture.has(x))) {
        removed.push({ kind: PAGE_NUMBER.test(f.text) ? 'page-number' : 'running-header', text: f.text, line: out.length + 1 });
      }
    }
    if (current && continues(current, l)) {
      text += /[A-Za-z0-9]$/.test(text) && /^[A-Za-z]/.test(l.text) ? ` ${l.text}` : l.text;
      current = l;
      continue;
    }
    const prev: Line | null = current;
    emit();
    if (prev) {
      const p = pitch.get(Math.round(l.size)) ?? 1.5 * l.size;
      if (paragraphBreak(prev, l, p)) out.push('');
    }
    current = l;
    text = l.text;
  }
  emit();
  return { text: out.join('\n'), furniture: removed };
}
