/** Pure text helpers of search: folding, snippets, bigrams, the learned lexicon, facets. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bigrams } from '../src/search/bigrams.js';
import { computeFacets } from '../src/search/facets.js';
import { fold } from '../src/search/fold.js';
import { isActive, learnTerms } from '../src/search/lexicon.js';
import { Segmenter } from '../src/search/segment.js';
import { makeSnippet } from '../src/search/snippet.js';
import { sampleResults } from './store-samples.js';

test('fold: traditional → simplified, full-width digits, 文号 brackets, artefact line breaks', () => {
  assert.equal(fold('區塊鏈技術'), '区块链技术');
  assert.equal(fold('武隆府办发[2024]１７號'), '武隆府办发〔2024〕17号');
  assert.equal(fold('有\n\n关单位'), '有关单位');
  assert.equal(fold('2023年12月\n\n31日'), '2023年12月31日');
  assert.equal(fold('（一）禁火时间'), '（一）禁火时间');
  assert.equal(fold('New York 2023 2024'), 'New York 2023 2024');
  for (const s of ['區塊鏈 技術', '〔2024〕 17号', 'a  b']) assert.equal(fold(fold(s)), fold(s));
});

test('snippets mark every match inside the densest window', () => {
  const text = `${'前言'.repeat(100)}这里提到超充站。再提超充桩和超充。${'后记'.repeat(100)}`;
  const s = makeSnippet(text, ['超充'], 40);
  assert.equal(s.match(/«超充»/g)?.length, 3);
  assert.ok(s.startsWith('…') && s.endsWith('…'));
  assert.equal(makeSnippet('短文本', ['无'], 40), '短文本');
  // The window starts after a punctuation mark shortly before the match rather than mid-word.
  assert.equal(makeSnippet(`${'甲'.repeat(50)}号。重庆市人民政府关于禁火令的通告${'乙'.repeat(50)}`, ['禁火令'], 40), `…重庆市人民政府关于«禁火令»的通告${'乙'.repeat(25)}…`);
  assert.equal(makeSnippet('a«b»c 禁火', ['禁火']), 'a‹b›c «禁火»');
  assert.equal(makeSnippet('森林防火禁火令', ['防火', '火禁']), '森林«防火禁»火令');
});

test('bigrams skip whitespace and count repeats', () => {
  assert.deepEqual([...bigrams('超充 超充')], [['超充', 2]]);
});

test('the lexicon learns unit names and quoted coinages, not phrases', () => {
  const texts = ['区发展改革委牵头，区财政局配合。区发展改革委负责“放管服”。', '深化“放管服”改革，推进“三位一体”。区财政局和区委宣传部的要求'];
  const learned = new Map(learnTerms(texts).map((t) => [t.word, t]));
  assert.equal(learned.get('区发展改革委')?.count, 2);
  assert.equal(learned.get('区财政局')?.count, 2);
  assert.ok(isActive(learned.get('放管服')!));
  assert.ok(!isActive(learned.get('三位一体')!), 'seen once: not yet a word');
  assert.ok(![...learned.keys()].some((w) => w.includes('的') || w.includes('和')));
  const seg = new Segmenter(['区发展改革委', '放管服']);
  assert.deepEqual(seg.cut('区发展改革委推进放管服改革'), ['区发展改革委', '推进', '放管服', '改革']);
});

test('facets count what passes the filters', () => {
  const rows = [
    { year: 2024, issuer: 'A', kind: '通知', status: '未知' },
    { year: 2024, issuer: 'B', kind: '通告', status: '未知' },
    { year: null, issuer: null, kind: '报告', status: '现行有效' },
  ];
  const all = computeFacets(rows, {});
  assert.deepEqual(all.facets.year, [{ value: '2024', count: 2 }]);
  assert.deepEqual(all.facets.status, [{ value: '未知', count: 2 }, { value: '现行有效', count: 1 }]);
  const a = computeFacets(rows, { issuer: 'A' });
  assert.equal(a.matching.length, 1);
  assert.deepEqual(a.facets.kind, [{ value: '通知', count: 1 }]);
});

test('on the samples, the lexicon learns their units and slogans', async () => {
  const docs = (await sampleResults()).flatMap((r) => r.documents);
  const learned = new Map(learnTerms(docs.map((d) => fold(d.simplifiedText ?? d.text))).map((t) => [t.word, t]));
  for (const w of ['区发展改革委', '区财政局', '区生态环境局', '放管服', '三位一体', '十四五']) assert.ok(learned.has(w) && isActive(learned.get(w)!), w);
  assert.ok(!learned.has('区人民政府办公室'));
});
