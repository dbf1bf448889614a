/** The character accounting: every CJK character and digit read lands in a document, the front matter or an artefact. */
import type { ParseResult } from '../../src/domain/types.js';

/** CJK characters and digits, counted: what a reader would call "the text". */
function inventory(...texts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of texts) for (const c of t) if (/[\u4e00-\u9fff0-9]/.test(c)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** Characters whose count differs between the input and documents + front matter + discarded ([] when all are accounted for). */
export function unaccounted(input: readonly string[], r: ParseResult): Array<readonly [string, number]> {
  const a = inventory(...input);
  const b = inventory(...r.documents.map((d) => d.text), r.frontMatter, ...r.discarded.map((x) => x.text));
  return [...new Set([...a.keys(), ...b.keys()])].map((c) => [c, (a.get(c) ?? 0) - (b.get(c) ?? 0)] as const).filter(([, n]) => n !== 0);
}
