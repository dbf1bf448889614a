/**
 * Pair postings (src/search/pair-postings.ts) stand in for a substring test over every title and
 * 文号: the candidates of a word must hold every text that holds it, and a word of one pair must
 * list exactly those texts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PairPostings } from '../src/search/pair-postings.js';
import { sampleResults } from './store-samples.js';

/** Few distinct characters, so words are often found: CJK, digits, brackets, a cased letter, a surrogate pair. */
const char = fc.constantFrom('武', '隆', '区', '通', '知', '〔', '〕', '2', '0', '号', 'A', 'a', '𠀋');
const text = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''));

const holders = (texts: ReadonlyArray<string | null>, word: string): number[] =>
  texts.flatMap((t, i) => (t !== null && t.toLowerCase().includes(word.toLowerCase()) ? [i] : []));

test('candidates hold every text that holds the word; a one-pair word lists exactly those', () => {
  fc.assert(fc.property(fc.array(fc.option(text), { maxLength: 30 }), text, (texts, word) => {
    const c = new PairPostings(texts).candidates(word);
    const want = holders(texts, word);
    if (word.length < 2) return assert.equal(c, null);
    const got = new Set(c);
    assert.deepEqual([...got].sort((a, b) => a - b), [...c!], 'ascending, each once');
    for (const i of want) assert.ok(got.has(i), `${JSON.stringify(texts[i])} holds ${word}`);
    if (word.length === 2) assert.deepEqual([...c!], want);
  }), { numRuns: 500 });
});

test('on the samples’ titles, each title word’s candidates are its holders and a little more', async () => {
  const titles = (await sampleResults()).flatMap((r) => r.documents.map((d) => d.title));
  const postings = new PairPostings(titles);
  for (const word of ['通知', '森林防火', '武隆区', '实施方案', '禁火令', '不存在的词']) {
    const c = [...(postings.candidates(word) ?? [])];
    const want = holders(titles, word);
    assert.ok(want.every((i) => c.includes(i)), word);
    assert.ok(c.length <= want.length + 2, `${word}: ${c.length} candidates for ${want.length} holders`);
  }
  assert.ok(holders(titles, '通知').length > 3);
});
