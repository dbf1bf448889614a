/**
 * One document of a sample, as its lines (masthead to the line before the next masthead), and the
 * same document's parts — for building it in other formats (.docx, OFD, a saved web page).
 */
import { readFileSync } from 'node:fs';
import { sample } from './samples.js';

const MASTHEAD = /^\S{2,20}(人民政府|办公室)文件$/;

export function documentLines(id: string, docNumber: string): string[] {
  const lines = readFileSync(sample(id), 'utf8').split(/\r?\n/).map((l) => l.trim());
  const at = lines.findIndex((l) => l === docNumber);
  if (at < 0) throw new Error(`${docNumber} not in sample ${id}`);
  let start = at;
  while (start > 0 && !MASTHEAD.test(lines[start]!)) start--;
  let end = at + 1;
  while (end < lines.length && !MASTHEAD.test(lines[end]!)) end++;
  return lines.slice(start, end);
}

export type Block = { kind: 'masthead' | 'docno' | 'title' | 'p'; text: string } | { kind: 'table'; rows: string[][] };

/** The document as blocks: masthead, 文号, title, paragraphs, tables (markdown rows, separators dropped). */
export function documentBlocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  let seenNo = false;
  let titleDone = false;
  for (const l of lines) {
    const md = /^\|(.*)\|$/.exec(l);
    if (md) {
      if (/^[\s|:-]*$/.test(md[1]!)) continue;
      const cells = md[1]!.split('|').map((c) => c.trim());
      const last = out[out.length - 1];
      if (last?.kind === 'table') last.rows.push(cells);
      else out.push({ kind: 'table', rows: [cells] });
      continue;
    }
    if (l === '') {
      // A blank line ends a table: the next one (its header repeated on a new page) is a table of its own.
      if (out[out.length - 1]?.kind === 'table') out.push({ kind: 'p', text: '' });
      if (seenNo && out[out.length - 1]?.kind === 'title') titleDone = true;
      continue;
    }
    if (out.length === 0) out.push({ kind: 'masthead', text: l });
    else if (!seenNo && /号$/.test(l)) {
      out.push({ kind: 'docno', text: l });
      seenNo = true;
    } else if (seenNo && !titleDone && out[out.length - 1]?.kind !== 'p') out.push({ kind: 'title', text: l });
    else out.push({ kind: 'p', text: l });
  }
  return out.filter((b) => b.kind === 'table' || b.text !== '');
}
