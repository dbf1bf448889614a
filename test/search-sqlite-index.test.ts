/** The SQLite search index (doc_bg, character pairs in order) stays exactly in step with a document's text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { bigrams, substringExpression } from '../src/search/bigrams.js';
import { migrate } from '../src/store/sqlite/migrations.js';
import { SearchIndex, type FoldedDoc } from '../src/store/sqlite/search-index.js';

const find = (db: Database.Database, term: string) =>
  db.prepare('SELECT rowid FROM doc_bg WHERE doc_bg MATCH ? ORDER BY rowid').pluck().all(substringExpression(term)) as number[];
/** Every 2- and 3-character substring of a text (spaces split it): what must find the document. */
const pieces = (f: FoldedDoc) => {
  const out = new Set<string>(bigrams(`${f.title}\n${f.docnum}\n${f.body}`.toLowerCase()).keys());
  for (const t of [f.title, f.docnum, f.body]) for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3).toLowerCase());
  return out;
};

test('re-indexing and removing a document replace and delete exactly its index rows', () => {
  const db = new Database(':memory:');
  migrate(db);
  const index = new SearchIndex(db);
  const a: FoldedDoc = { title: '关于森林防火禁火令的通知', docnum: '武隆府发〔2024〕9号', body: '禁火时间：每年1月1日至12月31日。禁火区域内禁止野外用火。ABC' };
  const b: FoldedDoc = { title: '关于超充站建设的通知', docnum: '', body: '超充站建设补助标准。禁火' };
  const a2: FoldedDoc = { title: '关于森林防火的通告', docnum: '武隆府发〔2024〕9号', body: '全区禁止野外用火。' };
  index.index(1, a);
  index.index(2, b);
  for (const p of pieces(a)) assert.ok(find(db, p).includes(1), p);
  index.index(1, a2);
  for (const p of pieces(a2)) assert.ok(find(db, p).includes(1), p);
  for (const p of pieces(a)) if (![...pieces(a2)].includes(p) && !`${a2.title}${a2.body}`.includes(p)) assert.ok(!find(db, p).includes(1), `no row of the old text is left: ${p}`);
  for (const p of pieces(b)) assert.ok(find(db, p).includes(2), `another document sharing pairs keeps them: ${p}`);
  assert.deepEqual(find(db, '12月31日'), [], 'a phrase of the old text is gone');
  assert.deepEqual(find(db, 'abc'), [], 'Latin letters are pairs like any other (lower-cased)');
  index.remove(1);
  assert.deepEqual(find(db, '野外用火'), []);
  index.remove(1); // removing what is not indexed does nothing
  assert.deepEqual(find(db, '超充站建设'), [2]);
});

test('a term is found only where the text has it whole: pairs must follow one another', () => {
  const db = new Database(':memory:');
  migrate(db);
  const index = new SearchIndex(db);
  // 防火 and 火令 both occur in document 2, but never as 防火令.
  index.index(1, { title: '禁火令', docnum: '', body: '' });
  index.index(2, { title: '防火', docnum: '', body: '火令 森林 防火期' });
  index.index(3, { title: '', docnum: '武隆府发〔2024〕9号', body: 'ABC 2024 𠀾𠁀村' });
  assert.deepEqual(find(db, '防火令'), []);
  assert.deepEqual(find(db, '火令'), [1, 2]);
  assert.deepEqual(find(db, '火'), [1, 2], '火令 starts with 火; a lone 火 at a column end pairs with nothing');
  assert.deepEqual(find(db, '林 防'), [2], 'a space is a character like any other');
  assert.deepEqual(find(db, '〔2024〕9'), [3]);
  assert.deepEqual(find(db, 'c 20'), [3]);
  assert.deepEqual(find(db, '𠁀村'), [3], 'a character beyond the BMP is one character of a pair');
  assert.deepEqual(find(db, '𠀾'), [3]);
  assert.deepEqual(find(db, '𠀾村'), []);
  assert.deepEqual(find(db, '"'), [], 'a quote reaches FTS5 only as a token, never as syntax');
});
