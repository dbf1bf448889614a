/**
 * Two-character fragments (超充, 禁火) are below what a trigram index can match, so the backends
 * keep a small postings table of character bigrams. Pure helpers shared by both backends.
 */

/** Distinct bigrams of a folded, lower-cased text with their counts; pairs across whitespace skipped. */
export function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if (/\s/.test(a) || /\s/.test(b)) continue;
    const k = a + b;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Length in characters (code points), which decides trigram vs bigram matching. */
export function charLength(s: string): number {
  return Array.from(s).length;
}
