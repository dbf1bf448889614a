/** The SQLite search index keeps a document's bigram postings exactly in step with its text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { bigrams } from '../src/search/bigrams.js';
import { migrate } from '../src/store/sqlite/migrations.js';
import { bigramToken, SearchIndex, type FoldedDoc } from '../src/store/sqlite/search-index.js';

const ALL: FoldedDoc[] = [];
/** The bigrams (of every text indexed in the test) that find the document. */
const postings = (db: Database.Database, seq: number) =>
  new Set([...new Set(ALL.flatMap((f) => [...expected(f)]))].filter((bg) => (db.prepare('SELECT rowid FROM doc_bi WHERE doc_bi MATCH ?').pluck().all(bigramToken(bg)) as number[]).includes(seq)));
const expected = (f: FoldedDoc) => new Set(bigrams(`${f.title}\n${f.docnum}\n${f.body}`.toLowerCase()).keys());

test('re-indexing and removing a document replace and delete exactly its bigram postings', () => {
  const db = new Database(':memory:');
  migrate(db);
  assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'doc_bigrams_seq'").pluck().get(), 0);
  const index = new SearchIndex(db);
  const a: FoldedDoc = { title: '关于森林防火禁火令的通知', docnum: '武隆府发〔2024〕9号', body: '禁火时间：每年1月1日至12月31日。禁火区域内禁止野外用火。ABC' };
  const b: FoldedDoc = { title: '关于超充站建设的通知', docnum: '', body: '超充站建设补助标准。禁火' };
  const a2: FoldedDoc = { title: '关于森林防火的通告', docnum: '武隆府发〔2024〕9号', body: '全区禁止野外用火。' };
  ALL.push(a, b, a2);
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

test('a 1-character term finds the documents with a pair starting with it, through the bigram token prefix', () => {
  const db = new Database(':memory:');
  migrate(db);
  const index = new SearchIndex(db);
  index.index(1, { title: '禁火令', docnum: '', body: '' });
  index.index(2, { title: '火', docnum: '', body: '防火' });
  const find = (q: string) => db.prepare('SELECT rowid FROM doc_bi WHERE doc_bi MATCH ? ORDER BY rowid').pluck().all(q);
  assert.deepEqual(find(`${bigramToken('火')}*`), [1], '火令 starts with 火; a lone 火 at the end pairs with nothing');
  assert.deepEqual(find(`${bigramToken('禁')}*`), [1]);
  assert.deepEqual(find(bigramToken('防火')), [2]);
});
