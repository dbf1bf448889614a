/**
 * Pages printed in traditional characters (003_ has two): the text is kept as printed and a
 * simplified form is added for search. opencc-js 't' → 'cn' leaves simplified text untouched on
 * all five samples, so "conversion changed something" is our test for traditional characters.
 */
import * as OpenCC from 'opencc-js';

let convert: ((s: string) => string) | null = null;

/** Simplified-character form of a text (OpenCC traditional → mainland simplified). */
export function toSimplified(text: string): string {
  const c = (convert ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return c(text);
}

/** The simplified form when the text contains traditional characters; otherwise null. */
export function simplifiedIfTraditional(text: string): string | null {
  const s = toSimplified(text);
  return s === text ? null : s;
}

// A syllable with a tone mark, or one of the toneless particles, in brackets after a character.
const PINYIN = /(?<=[\u3400-\u9fff])[(（](?:[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}|de|le|me|ne|men|zi|zhe)[)）]/g;

/**
 * Some mirrors gloss characters with pinyin: 發(fā)布機(jī)構, 令(lìng). The glosses hide 文号,
 * labels and titles from every pattern, so readers match on the text without them.
 */
export function stripPinyin(text: string): string {
  return text.replace(PINYIN, '');
}
