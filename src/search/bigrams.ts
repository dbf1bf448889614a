/**
 * The one search index of the SQLite store holds every pair of adjacent characters, in order, as
 * an FTS5 token: a substring of two or more characters is then the phrase of its pairs (each pair
 * shares a character with the next, so a phrase can only match where the text has the substring),
 * and one character is the prefix query of the pairs it starts. Pure helpers, no database.
 *
 * A token is the two characters themselves: FTS5's 'ascii' tokenizer keeps every non-ASCII
 * character inside a token, and splits at ASCII other than letters and digits. ASCII characters
 * (digits, Latin letters, spaces, brackets…) are therefore written as characters of the
 * supplementary private-use plane (U+F0000 + code), which no gazette text uses.
 */

import { stringOf } from '../extract/privacy-view.js';

const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCodePoint(0xf0000 + c));

/** The character as the index spells it (text is lower-cased before). */
function indexChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 128 ? ASCII[code]! : c;
}

/** The text as the space-separated sequence of its character pairs (lower-cased first). */
export function bigramTokens(text: string): string {
  const t = text.toLowerCase();
  // Written as UTF-16 code units into one buffer and decoded once: the index is fed every
  // document's text this way, and an array of a few thousand two-character strings joined cost
  // three times as much. A character is one or two units (ASCII → its private-use surrogate pair).
  const out = new Uint16Array(t.length * 5);
  let n = 0;
  let p0 = -1; // the previous character's units (p1 = -1: one unit)
  let p1 = -1;
  for (let i = 0; i < t.length; i++) {
    let c0 = t.charCodeAt(i);
    let c1 = -1;
    if (c0 < 128) {
      c1 = 0xdc00 + c0; // U+F0000 + code: high surrogate 0xDB80, low 0xDC00 + code
      c0 = 0xdb80;
    } else if (c0 >= 0xd800 && c0 < 0xdc00 && i + 1 < t.length) c1 = t.charCodeAt(++i);
    if (p0 !== -1) {
      if (n > 0) out[n++] = 32;
      out[n++] = p0;
      if (p1 !== -1) out[n++] = p1;
      out[n++] = c0;
      if (c1 !== -1) out[n++] = c1;
    }
    p0 = c0;
    p1 = c1;
  }
  return stringOf(out.subarray(0, n));
}

/**
 * The FTS5 expression for documents holding the term as a substring: the phrase of its pairs, or
 * for one character the prefix query of the pairs it starts (a character ending a column starts
 * none: a one-character term is a rare query, and a lone final character is not worth a token).
 * The tokens hold no quote and no ASCII, so no user text can reach FTS5's syntax.
 */
export function substringExpression(term: string): string {
  const pairs = bigramTokens(term);
  if (pairs !== '') return `"${pairs}"`;
  const c = Array.from(term.toLowerCase())[0];
  return c === undefined ? '""' : `"${indexChar(c)}" *`;
}

/** Length in characters (code points). */
export function charLength(s: string): number {
  return Array.from(s).length;
}

/**
 * Distinct bigrams of a folded, lower-cased text with their counts, pairs across whitespace
 * skipped: the PostgreSQL store's postings for 2-character fragments.
 */
export function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let prev = '';
  // One pass over code points (for…of keeps surrogate pairs whole); \s tested once per character.
  for (const c of text) {
    if (WHITESPACE.test(c)) prev = '';
    else {
      if (prev !== '') {
        const k = prev + c;
        out.set(k, (out.get(k) ?? 0) + 1);
      }
      prev = c;
    }
  }
  return out;
}

const WHITESPACE = /^\s$/;
