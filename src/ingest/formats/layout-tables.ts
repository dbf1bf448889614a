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
  /** Each table's first row (its header), cells apart by tabs, empty cells left out. */
  const headers = new Map<number, string>();
  const key = (text: string) => text.split('\t').filter(Boolean).join('\t');
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
    // Continued from the foot of the previous page (no header repeated): the same table, its columns.
    const prev = out[out.length - 1];
    const same = (a: number, b: number) => Math.abs(a - b) < first.size;
    const continued =
      prev?.table !== undefined && prev.page === first.page - 1 && same(prev.cellX[0]!, starts[0]!) && starts.every((x) => prev.cellX.some((p) => same(p, x) || x > p));
    if ((!continued && block.filter((l) => l.cells > 1).length < 2) || starts.length < 2) {
      out.push(first);
      continue;
    }
    if (continued) starts = prev.cellX;
    let table = continued ? prev.table! : id++;
    // Rows are apart by the cell padding: more than a line's pitch (however few wrapped lines tell it).
    const pitch = Math.min(pitchOf(first.size), 1.6 * first.size);
    let row: Line[] = [];
    let firstRow = true;
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
      const text = cells.join('\t');
      // The page opens with the table's header printed again: a table of its own, as the text
      // formats give it (the reader joins tables under the same header).
      if (firstRow && continued && key(text) === headers.get(table)) table = id++;
      if (!headers.has(table)) headers.set(table, key(text));
      firstRow = false;
      out.push({ ...row[0]!, text, cells: starts.length, cellX: starts, x0: Math.min(...row.map((l) => l.x0)), x1: Math.max(...row.map((l) => l.x1)), table });
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

