/**
 * The keys of a document's searched text under the GIN index of document_content.bigrams, and the
 * text[] literal they travel in: pure, no database, so the parse workers make them too (prepared.ts).
 */
import type { FoldedDoc } from '../../search/document.js';

/**
 * The keys of the searched text, one text[] under one GIN index: every pair of letters and digits
 * (any script) and every character trigram holding an ASCII digit. A 文号 fragment's pairs are in
 * much of the corpus (〔2024〕17: 2 % of the rows listing its pairs hold it); its trigrams (〔20, 024,
 * 4〕1, 〕17…) together are in few more than hold it. A pair and a trigram are never the same string,
 * so the two kinds share the array. Pairs and trigrams stop at whitespace. A pair holding
 * punctuation or a symbol (，在 》的) is not a key — a needle is found through its other keys and its
 * text test — which leaves out 23 % of the keys (and of the index's entries to merge); arrays
 * written before list them too, which a needle never asks for.
 */
export function searchKeys(f: FoldedDoc): string[] {
  const out = new Set<string>();
  let a = ''; // the two characters before c, '' after whitespace
  let b = '';
  for (const c of keyedText(f)) {
    if (BLANK.test(c)) {
      a = b = '';
      continue;
    }
    if (b !== '' && keyable(b) && keyable(c)) out.add(b + c);
    if (a !== '' && (DIGIT.test(a) || DIGIT.test(b) || DIGIT.test(c))) out.add(a + b + c);
    a = b;
    b = c;
  }
  return [...out];
}

/** The text a document's keys are taken from: its folded title, 文号 and body, lower-cased. */
const keyedText = (f: FoldedDoc): string => `${f.title}\n${f.docnum}\n${f.body}`.toLowerCase();

const DIGIT = /[0-9]/;
const BLANK = /^\s$/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Whether a character may be in a pair key, remembered by UTF-16 code (1 yes, 2 no; astral ones tested each time). */
const known = new Uint8Array(0x10000);
function keyable(c: string): boolean {
  if (c.length > 1) return LETTER_OR_DIGIT.test(c);
  const code = c.charCodeAt(0);
  if (known[code] === 0) known[code] = LETTER_OR_DIGIT.test(c) ? 1 : 2;
  return known[code] === 1;
}

/**
 * The keys a text holding `needle` (lower-cased, no whitespace) must list: its digit-bearing
 * trigrams and the letter-or-digit pairs none of them contains (a trigram listed implies its two
 * pairs are).
 */
export function needleKeys(needle: string): string[] {
  return [...new Set(needle.split(/\s+/).flatMap(runKeys))];
}

function runKeys(run: string): string[] {
  const chars = [...run];
  const digit = chars.map((c) => DIGIT.test(c));
  const tri = (i: number) => i >= 0 && i + 2 < chars.length && (digit[i] || digit[i + 1] || digit[i + 2]);
  const keys = new Set<string>();
  for (let i = 0; i + 2 < chars.length; i++) if (tri(i)) keys.add(chars.slice(i, i + 3).join(''));
  for (let i = 0; i + 1 < chars.length; i++) if (!tri(i - 1) && !tri(i) && keyable(chars[i]!) && keyable(chars[i + 1]!)) keys.add(chars[i]! + chars[i + 1]!);
  return [...keys];
}

/**
 * A text[] literal ({"a","b"}): one text parameter per row, so unnest can carry an array per row
 * (unnest of a two-dimensional array would flatten them).
 */
export function pgArray(items: readonly string[]): string {
  // Escaping item by item was a second of the writing thread at 2,000 documents; few need it.
  if (items.length === 0) return '{}';
  const escape = items.some((s) => s.includes('"') || s.includes('\\'));
  return `{"${(escape ? items.map((s) => s.replace(/[\\"]/g, '\\$&')) : items).join('","')}"}`;
}

/** The document's keys as the literal its row is written with (made in the parse workers when they prepare for PostgreSQL). */
export const keyLiteral = (f: FoldedDoc): string => pgArray(searchKeys(f));
