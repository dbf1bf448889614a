/**
 * Tables as they reach us in extracted text: tab-separated rows (003_, merged cells lost — rows and
 * cells kept as given, short rows padded), markdown pipe tables with <p> inside cells (004_), and
 * HTML <table>. A table is found as a run of table lines; the caller keeps those lines out of the
 * paragraphs so every character lands in one place.
 */
import type { Table } from '../domain/types.js';

export type TableSource = 'tab' | 'markdown' | 'html';

export interface TableRun {
  /** 0-based line range [start, end). */
  readonly start: number;
  readonly end: number;
  readonly source: TableSource;
}

const isMarkdownRow = (l: string): boolean => /^\s*\|.*\|\s*$/.test(l);
const isTabRow = (l: string): boolean => /\S/.test(l) && l.includes('\t');

/** Line runs that are tables. A blank line ends a tab or markdown run; HTML runs to </table>. */
export function findTableRuns(lines: readonly string[]): TableRun[] {
  const runs: TableRun[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (/<table[\s>]/i.test(l)) {
      let j = i;
      while (j < lines.length && !/<\/table>/i.test(lines[j]!)) j++;
      runs.push({ start: i, end: Math.min(j + 1, lines.length), source: 'html' });
      i = j + 1;
      continue;
    }
    const kind: TableSource | null = isMarkdownRow(l) ? 'markdown' : isTabRow(l) ? 'tab' : null;
    if (!kind) {
      i++;
      continue;
    }
    const test = kind === 'markdown' ? isMarkdownRow : isTabRow;
    let j = i;
    while (j < lines.length && test(lines[j]!)) j++;
    // A single tab line is more likely a stray tab than a table.
    if (kind === 'markdown' || j - i >= 2) runs.push({ start: i, end: j, source: kind });
    i = j;
  }
  return runs;
}

/** Cell text: <p>…</p> paragraphs and <br> become line breaks, other tags go, spaces trimmed. */
export function cleanCell(cell: string): string {
  return cell
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n')
    .replace(/<\/?(p|td|th|span|strong|b)\b[^>]*>/gi, '')
    .split('\n')
    .map((s) => s.trim())
    .join('\n')
    .trim();
}

function pad(rows: string[][], width: number): string[][] {
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}

function build(cells: string[][], source: TableSource): Omit<Table, 'afterBlock' | 'title'> {
  const [header = [], ...rows] = cells;
  // A loop, not Math.max(...rows): a table of 100k+ rows would overflow the call stack.
  const width = rows.reduce((w, r) => Math.max(w, r.length), header.length);
  const [h, ...r] = pad([header, ...rows], width);
  return { header: h!, rows: r, source };
}

function markdownCells(lines: readonly string[]): string[][] {
  return lines
    // The separator row |---|:--| (only pipes, dashes, colons and spaces): one character class, so a
    // row of many spaces cannot make the pattern backtrack (\s*\|?[\s|]+ was quadratic on them).
    .filter((l) => !/^[\s:|-]+$/.test(l) || !l.includes('-'))
    .map((l) => l.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map(cleanCell));
}

function htmlCells(html: string): string[][] {
  const rows: string[][] = [];
  for (const tr of html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
    rows.push([...tr[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((c) => cleanCell(c[1]!)));
  }
  return rows;
}

/** Parse one run into header + rows (no title or position yet). */
export function parseTable(lines: readonly string[], source: TableSource): Omit<Table, 'afterBlock' | 'title'> {
  if (source === 'markdown') return build(markdownCells(lines), source);
  if (source === 'html') return build(htmlCells(lines.join('\n')), source);
  return build(lines.map((l) => l.split('\t').map((c) => c.trim())), source);
}

/** Page breaks cut long tables; a piece that repeats the previous header continues that table. */
export function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  // Positions matter (003_ repeats a header with its empty column moved); trailing empties don't.
  const norm = (h: readonly string[]): string => h.map((c) => c.replace(/\s+/g, '')).join('|').replace(/\|+$/, '');
  return norm(a) === norm(b) && norm(a) !== '';
}
