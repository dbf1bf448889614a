/**
 * A dictionary learned from the corpus, so that segmentation keeps the units and slogans of local
 * government text whole: 区发展改革委, 区财政局, “放管服”, “三位一体”. Pure: texts in, counts out.
 */

// 区 + a short name + the kind of body. Lazy, so the shortest name wins (区财政局 not 区财政局和区税务局).
const UNIT = /区([\u4e00-\u9fa5]{1,8}?)(委员会|办公室|中心|局|委|办)/g;
// Quoted coinages: “放管服”, “十四五”, “除险清患”.
const QUOTED = /[“"]([\u4e00-\u9fa5\d]{2,10})[”"]/g;
// A unit name never contains these function characters; a match containing one spans two phrases.
const FUNCTION_CHARS = /[的了和与及等在对为是要将把被由从各有并或也这其之以于按照向]/;

export interface LearnedTerm {
  readonly word: string;
  readonly count: number;
  readonly source: 'unit' | 'quoted';
}

/** Count candidate terms in the texts (already folded to simplified characters). */
export function learnTerms(texts: Iterable<string>): LearnedTerm[] {
  const counts = new Map<string, { count: number; source: LearnedTerm['source'] }>();
  const add = (word: string, source: LearnedTerm['source']) => {
    const c = counts.get(word);
    if (c) c.count++;
    else counts.set(word, { count: 1, source });
  };
  for (const text of texts) {
    const flat = text.replace(/\s+/g, '');
    for (const m of flat.matchAll(UNIT)) {
      // 武隆区人民政府办公室 is 武隆区 + 人民政府办公室, not a unit called 区人民政府办公室.
      if (!FUNCTION_CHARS.test(m[1]!) && !m[1]!.startsWith('人民政府')) add(m[0], 'unit');
    }
    for (const m of flat.matchAll(QUOTED)) add(m[1]!, 'quoted');
  }
  return [...counts].map(([word, c]) => ({ word, count: c.count, source: c.source }));
}

/**
 * A learned term becomes a dictionary word once seen twice. A word seen once adds nothing to
 * ranking (substring matching finds it anyway) and each new word re-cuts the documents holding it.
 */
export function isActive(t: { count: number; source: string }): boolean {
  return t.count >= 2;
}

/** Jieba user-dictionary lines ("word freq"), frequent enough to beat the default split. */
export function toJiebaDict(words: Iterable<string>): Buffer {
  return Buffer.from([...words].map((w) => `${w} 200000\n`).join(''), 'utf8');
}
