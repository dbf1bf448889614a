/** The SQLite search index keeps a document's bigram postings exactly in step with its text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { bigrams } from '../src/search/bigrams.js';
import { migrate } from '../src/store/sqlite/migrations.js';
import { SearchIndex, type FoldedDoc } from '../src/store/sqlite/search-index.js';

const postings = (db: Database.Database, seq: number) =>
  new Map((db.prepare('SELECT bigram, n FROM doc_bigrams WHERE seq = ? ORDER BY bigram').all(seq) as Array<{ bigram: string; n: number }>).map((r) => [r.bigram, r.n]));
const expected = (f: FoldedDoc) => new Map([...bigrams(`${f.title}\n${f.docnum}\n${f.body}`.toLowerCase())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

test('re-indexing and removing a document replace and delete exactly its bigram postings', () => {
  const db = new Database(':memory:');
  migrate(db);
  assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'doc_bigrams_seq'").pluck().get(), 0);
  const index = new SearchIndex(db);
  const a: FoldedDoc = { title: '关于森林防火禁火令的通知', docnum: '武隆府发〔2024〕9号', body: '禁火时间：每年1月1日至12月31日。禁火区域内禁止野外用火。ABC' };
  const b: FoldedDoc = { title: '关于超充站建设的通知', docnum: '', body: '超充站建设补助标准。禁火' };
  const a2: FoldedDoc = { title: '关于森林防火的通告', docnum: '武隆府发〔2024〕9号', body: '全区禁止野外用火。' };
  index.index(1, a);
  index.index(2, b);
  assert.deepEqual(postings(db, 1), expected(a));
  index.index(1, a2);
  assert.deepEqual(postings(db, 1), expected(a2), 'no posting of the old text is left behind');
  assert.deepEqual(postings(db, 2), expected(b), 'another document sharing bigrams keeps its postings');
  index.remove(1);
  assert.equal(postings(db, 1).size, 0);
  assert.deepEqual(postings(db, 2), expected(b));
  index.remove(1); // removing what is not indexed does nothing
  assert.deepEqual(postings(db, 2), expected(b));
});
