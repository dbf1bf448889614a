/**
 * Two-character fragments (超充, 禁火) are below what a trigram index can match, so the backends
 * keep a small postings table of character bigrams. Pure helpers shared by both backends.
 */

/** Distinct bigrams of a folded, lower-cased text with their counts; pairs across whitespace skipped. */
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

/** Length in characters (code points), which decides trigram vs bigram matching. */
export function charLength(s: string): number {
  return Array.from(s).length;
}
