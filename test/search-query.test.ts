/** Query parsing is pure: what the user typed → groups of folded terms, never an error. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ftsQuote, MAX_TERM_CHARS, MAX_TERMS, parseQuery, positiveTerms } from '../src/search/query.js';

const shape = (q: string) =>
  parseQuery(q).groups.map((g) => `${g.negated ? '-' : ''}${g.terms.map((t) => (t.phrase ? `"${t.text}"` : t.text)).join('|')}`);

test('words are ANDed, quotes make one literal term, - and NOT exclude, OR joins', () => {
  assert.deepEqual(shape('禁火令 森林'), ['禁火令', '森林']);
  assert.deepEqual(shape('"森林 防火" 通告'), ['"森林防火"', '通告']);
  assert.deepEqual(shape('“放管服”改革'), ['"放管服"', '改革']);
  assert.deepEqual(shape('禁火令 -超充 NOT 通知'), ['禁火令', '-超充', '-通知']);
  assert.deepEqual(shape('-"禁火 时间" 森林'), ['-"禁火时间"', '森林']);
  assert.deepEqual(shape('超充 OR 充电桩 | 换电 站点'), ['超充|充电桩|换电', '站点']);
  assert.deepEqual(shape('禁火令 AND 森林'), ['禁火令', '森林']);
});

test('a 文号 typed loosely is recognised and written canonically', () => {
  for (const q of ['武隆府办发[2024]17号', '武隆府办发(2024)17号', '武隆府办发（２０２４）１７号', ' 武隆府办发 [ 2024 ] 17 号 ', '武隆府辦發〔2024〕17號']) {
    const p = parseQuery(q);
    assert.equal(p.docNumber, '武隆府办发〔2024〕17号', q);
    assert.deepEqual(positiveTerms(p).map((t) => t.text), ['武隆府办发〔2024〕17号'], q);
  }
  assert.equal(parseQuery('禁火令 武隆府发[2024]9号').docNumber, null);
  assert.deepEqual(shape('禁火令 武隆府发[2024]9号'), ['禁火令', '武隆府发〔2024〕9号']);
  assert.deepEqual(shape('[2024]17'), ['〔2024〕17']);
});

test('terms are folded: simplified, half-width, lower case', () => {
  assert.deepEqual(shape('區塊鏈 ＡＢＣ１２'), ['区块链', 'abc12']);
});

test('operator soup parses to safe terms or nothing', () => {
  assert.deepEqual(shape('"AND OR NOT * ( ) ^ NEAR" -"'), ['"and or not * ( ) ^ near"']);
  for (const q of ['', '   ', '"', '""', '-', '--', '*', '()', 'OR', 'NOT', 'AND', '-"', ':*', '\u0000', '^']) {
    assert.deepEqual(parseQuery(q).groups, [], JSON.stringify(q));
  }
  assert.deepEqual(shape('禁火*'), ['禁火']);
  assert.deepEqual(shape('(禁火令)'), ['禁火令']);
  assert.deepEqual(shape('禁火\u0000令'), ['禁火', '令']);
});

test('ftsQuote doubles quotes, so no user text can close the FTS string', () => {
  assert.equal(ftsQuote('a"b'), '"a""b"');
  assert.equal(ftsQuote('禁火令'), '"禁火令"');
});

test('a pasted page is cut to a bounded number of bounded terms', () => {
  const p = parseQuery(`${'禁火令'.repeat(100)} ${Array.from({ length: 100 }, (_, i) => `词${i}`).join(' ')}`);
  assert.equal(p.groups.length, MAX_TERMS);
  assert.equal(Array.from(p.groups[0]!.terms[0]!.text).length, MAX_TERM_CHARS);
});
