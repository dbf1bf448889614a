/**
 * Migration 9 converts a database written before it (text in four columns, paragraphs, a trigram
 * table with content, bigram rows) into the packed, contentless layout, and the converted file
 * answers like one written by today's code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { bigrams } from '../src/search/bigrams.js';
import { isActive } from '../src/search/lexicon.js';
import { Segmenter } from '../src/search/segment.js';
import { unpack, unpackFolded } from '../src/store/packed-content.js';
import { indexRow } from '../src/store/sqlite/search-index.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { copyFactsAsText, layoutAt } from './helpers/sqlite-layout.js';
import { ALL_FIXTURES, FIRE_BAN, REPORT, TRADITIONAL } from './fixtures/parse-results.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-migrate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Migrations before the packing one (10); 11 replaced the three search tables by doc_bg. */
const BEFORE_PACKING = 9;

/**
 * Rebuild `from` (today's layout) as the same data in the layout before packing. Registers (tasks,
 * units) stay empty: a later migration drops them and the store rebuilds them from the documents.
 */
function asBeforePacking(from: string, to: string): void {
  const db = layoutAt(to, BEFORE_PACKING, from, ['issues', 'issue_editions', 'documents', 'occurrences', 'doc_tables', 'doc_numbers',
    'doc_references', 'lexicon', 'statuses', 'corrections']);
  copyFactsAsText(db, from);
  const rows = db.prepare('SELECT d.seq, c.document_id, c.packed FROM cur.document_content c JOIN cur.documents d ON d.id = c.document_id').all() as Array<{ seq: number; document_id: string; packed: Buffer }>;
  for (const r of rows) {
    const c = unpack(r.packed);
    db.prepare('INSERT INTO document_content VALUES (?, ?, ?, ?, ?)').run(r.document_id, JSON.stringify(c.body), c.text, c.simplifiedText, c.originalText);
    c.body.forEach((b, i) => db.prepare('INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?)').run(r.document_id, i, b.level, b.marker ?? null, b.heading ?? null, b.text, b.attachment ?? null));
    db.prepare('INSERT INTO doc_tri(rowid, title, docnum, body) VALUES (?, ?, ?, ?)').run(r.seq, c.folded.title, c.folded.docnum, c.folded.body);
    for (const [bg, n] of bigrams(`${c.folded.title}\n${c.folded.docnum}\n${c.folded.body}`.toLowerCase())) {
      db.prepare('INSERT INTO doc_bigrams VALUES (?, ?, ?)').run(bg, r.seq, n);
    }
  }
  db.exec('DETACH cur');
  db.close();
}

test('migration 9 packs an old database and it answers as before', async () => {
  const today = join(dir, 'today.db');
  const s = await openSqliteStore(today);
  for (const r of ALL_FIXTURES) await s.ingest(r);
  await s.close();
  const old = join(dir, 'old.db');
  asBeforePacking(today, old);
  // doc_words as the old code wrote it: the folded text cut with the learned words (contentless).
  const o = new Database(old);
  const words = (o.prepare('SELECT word, source, count FROM lexicon').all() as Array<{ word: string; source: string; count: number }>).filter(isActive);
  const seg = new Segmenter(words.map((w) => w.word));
  for (const r of o.prepare('SELECT rowid, title, docnum, body FROM doc_tri').all() as Array<{ rowid: number; title: string; docnum: string; body: string }>) {
    o.prepare('INSERT INTO doc_words(rowid, title, docnum, body) VALUES (?, ?, ?, ?)').run(r.rowid, seg.indexText(r.title), seg.indexText(r.docnum), seg.indexText(r.body));
  }
  assert.ok((o.prepare('SELECT count(*) FROM doc_bigrams').pluck().get() as number) > 100);
  o.close();

  const upgraded = await openSqliteStore(old);
  const fresh = await openSqliteStore(today);
  try {
    const db = new Database(old, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const gone of ['paragraphs', 'doc_bigrams']) assert.ok(!tables.includes(gone), `${gone} dropped`);
    for (const gone of ['doc_tri', 'doc_words', 'doc_bi']) assert.ok(!tables.includes(gone), `${gone} dropped`);
    assert.ok(tables.includes('doc_bg'));
    db.close();
    for (const d of [FIRE_BAN, TRADITIONAL, REPORT]) {
      assert.deepEqual(await upgraded.getDocument(d.id), await fresh.getDocument(d.id), d.id);
    }
    for (const q of ['禁火令', '禁火', '火', '森林防火 -超充', '武隆府办发〔2024〕17号', '綠色', '充电 OR 超充']) {
      assert.deepEqual(await upgraded.search({ q }), await fresh.search({ q }), q);
    }
  } finally {
    await upgraded.close();
    await fresh.close();
  }
});

test('migration 15 puts the search table body first: a file with the title first is made again, answers the same, and its index is smaller', async () => {
  const path = join(dir, 'title-first.db');
  const s = await openSqliteStore(path);
  for (const r of ALL_FIXTURES) await s.ingest(r);
  const queries = ['禁火令', '火', '森林防火 -超充', '武隆府办发〔2024〕17号', '綠色', '充电 OR 超充', '通知'];
  const before = await Promise.all(queries.map((q) => s.search({ q })));
  await s.close();
  // The layout before migration 15: doc_bg with the title first, fed the same rows.
  const o = new Database(path);
  const size = () => o.prepare('SELECT sum(length(block)) FROM doc_bg_data').pluck().get() as number;
  o.exec("INSERT INTO doc_bg(doc_bg) VALUES('optimize')");
  const bodyFirst = size();
  const rows = o.prepare('SELECT d.seq, c.packed FROM documents d JOIN document_content c ON c.document_id = d.id').raw().all() as Array<[number, Buffer]>;
  o.exec(`DROP TABLE doc_bg; CREATE VIRTUAL TABLE doc_bg USING fts5(title, docnum, body, tokenize = 'ascii', content = '', contentless_delete = 1);`);
  for (const [seq, packed] of rows) o.prepare('INSERT INTO doc_bg(rowid, title, docnum, body) VALUES (?, ?, ?, ?)').run(seq, ...indexRow(unpackFolded(packed)));
  o.exec("INSERT INTO doc_bg(doc_bg) VALUES('optimize')");
  const titleFirst = size();
  o.pragma('user_version = 14');
  o.close();

  const upgraded = await openSqliteStore(path);
  try {
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.deepEqual(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('doc_bg'), ['body', 'title', 'docnum']);
    db.close();
    assert.ok(bodyFirst < titleFirst, `index ${bodyFirst} against ${titleFirst} bytes with the title first`);
    for (const [i, q] of queries.entries()) assert.deepEqual(await upgraded.search({ q }), before[i], q);
    assert.ok(before.every((r) => r.total > 0) && before[1]!.total > 2, "every query finds documents, 火 several");
  } finally {
    await upgraded.close();
  }
});
