/**
 * Ruled tables in positioned text: the lines `layout.ts` built (cells apart by most of a
 * character, joined by tabs) regrouped into one line per table row.
 */

/** A visual line of a page as `layout.ts` reads it. */
export interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Pieces of text apart by most of a character (table cells): joined by tabs, with their left x. */
  cells: number;
  cellX: number[];
  page: number;
  /** Column the line sits in: its left and right edge. */
  left: number;
  right: number;
  region: number;
  /** In a column of a two-column stretch (its own edges), not across the text block. */
  column: boolean;
  /** Rows of one table (rebuilt by `tableRows`) share an id: no blank line between them. */
  table?: number;
}

/** Column starts of a table: the cells' left edges, those within a little of each other merged. */
function columnStarts(lines: readonly Line[]): number[] {
  const xs = lines.filter((l) => l.cells > 1).flatMap((l) => l.cellX).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (!out.length || x - out[out.length - 1]! > 0.6 * lines[0]!.size) out.push(x);
  return out;
}

/**
 * Ruled tables: a run of lines of one size on one page, most in several cells, with a line a
 * cell's text wraps to kept in its cell. A row ends where the gap to the next line is wider than
 * the line pitch (cell padding); each row becomes one line of tab-separated cells, as the reader
 * reads tables. A run at the top of a page continuing the previous page's table (no header
 * repeated) keeps its columns and its id: a table across a page break stays one table.
 */
export function tableRows(lines: readonly Line[], pitchOf: (size: number) => number): Line[] {
  const out: Line[] = [];
  let id = 0;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (first.cells < 2) {
      out.push(first);
      continue;
    }
    // The run: same page, column and size, lines close together, each in cells or no wider than a column.
    let j = i + 1;
    while (j < lines.length) {
      const l = lines[j]!;
      const near = l.page === first.page && l.region === first.region && Math.abs(l.size - first.size) <= 0.15 * first.size && lines[j - 1]!.y - l.y < 4 * first.size;
      // A paragraph after the table starts at the left edge and runs wide; a wrapped cell line does neither.
      if (!near || (l.cells < 2 && l.x0 < first.left + 3 * l.size && l.x1 - l.x0 > 0.55 * (first.right - first.left))) break;
      j++;
    }
    const block = lines.slice(i, j);
    let starts = columnStarts(block);
    if (block.filter((l) => l.cells > 1).length < 2 || starts.length < 2) {
      out.push(first);
      continue;
    }
    // Continued from the foot of the previous page (no header repeated): the same table, its columns.
    const prev = out[out.length - 1];
    const same = (a: number, b: number) => Math.abs(a - b) < first.size;
    const continued =
      prev?.table !== undefined && prev.page === first.page - 1 && same(prev.cellX[0]!, starts[0]!) && starts.every((x) => prev.cellX.some((p) => same(p, x) || x > p));
    if (continued) starts = prev.cellX;
    const table = continued ? prev.table! : id++;
    const pitch = pitchOf(first.size);
    let row: Line[] = [];
    const flush = () => {
      if (!row.length) return;
      const cells = starts.map(() => '');
      for (const l of row) {
        const texts = l.text.split('\t');
        l.cellX.forEach((x, k) => {
          const col = Math.max(0, starts.filter((s0) => s0 <= x + 0.6 * l.size).length - 1);
          const add = texts[k] ?? '';
          cells[col] += /[A-Za-z0-9]$/.test(cells[col]!) && /^[A-Za-z0-9]/.test(add) ? ` ${add}` : add;
        });
      }
      out.push({ ...row[0]!, text: cells.join('\t'), cells: starts.length, cellX: starts, x0: Math.min(...row.map((l) => l.x0)), x1: Math.max(...row.map((l) => l.x1)), table });
      row = [];
    };
    block.forEach((l, k) => {
      if (k > 0 && block[k - 1]!.y - l.y > 1.12 * pitch) flush();
      row.push(l);
    });
    flush();
    i = j - 1;
  }
  return out;
}

