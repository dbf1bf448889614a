/**
 * Citations inside a document's body: every 文号 and every 《title》, paired when the title is
 * immediately followed by （文号）. A 《title》 alone (a law such as 《中华人民共和国森林法》 or a
 * regulation 《森林防火条例》) is still a citation, with docNumber null. Self-contained: only the
 * 文号 type from the domain.
 */
import { findDocNumbers, formatDocNumber } from '../domain/doc-number.js';
import type { BodyBlock, Citation } from '../domain/types.js';

// 《…》 with at most one level of 〈…〉 inside; no line breaks (blocks are repaired paragraphs).
const TITLE = /《([^《》\n]{1,150})》/g;
// What may sit between 》 and the 文号 of a paired citation: an opening bracket, maybe spaces.
const PAIRED_OPEN = /^\s*[（(]\s*$/;
// Abbreviations defined in the text (以下简称《条例》) are not citations of their own.
const ABBREVIATION = /简称\s*$/;

/** Citations in body order; the raw text is exactly as printed. */
export function findCitations(blocks: readonly BodyBlock[]): Citation[] {
  const out: Citation[] = [];
  // Short names the document defines for itself (以下简称《任务分工》) are never citations.
  const abbreviations = new Set<string>();
  for (const b of blocks) for (const m of b.text.matchAll(/简称\s*《([^《》]+)》/g)) abbreviations.add(m[1]!.trim());
  blocks.forEach((b, block) => {
    const text = b.text;
    const numbers = findDocNumbers(text);
    const paired = new Set<number>();
    const found: { at: number; c: Citation }[] = [];
    for (const m of text.matchAll(TITLE)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (ABBREVIATION.test(text.slice(Math.max(0, start - 6), start)) || abbreviations.has(m[1]!.trim())) continue;
      // Paired when the next 文号 starts right after 》（ and its bracket closes after it.
      const idx = numbers.findIndex((n) => n.start >= end && PAIRED_OPEN.test(text.slice(end, n.start)));
      const n = idx >= 0 ? numbers[idx]! : null;
      if (n) {
        const close = /^\s*[）)]/.exec(text.slice(n.end));
        const rawEnd = close ? n.end + close[0].length : n.end;
        paired.add(idx);
        found.push({ at: start, c: { docNumber: formatDocNumber(n.docNumber), title: m[1]!.trim(), raw: text.slice(start, rawEnd), block } });
      } else {
        found.push({ at: start, c: { docNumber: null, title: m[1]!.trim(), raw: m[0], block } });
      }
    }
    numbers.forEach((n, i) => {
      if (!paired.has(i)) found.push({ at: n.start, c: { docNumber: formatDocNumber(n.docNumber), title: null, raw: n.raw, block } });
    });
    found.sort((a, b) => a.at - b.at).forEach((f) => out.push(f.c));
  });
  return out;
}
