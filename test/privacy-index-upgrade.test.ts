/**
 * A database whose search index was fed before it held de-identified text (any database made by an
 * older gongbao) still finds people by name and number; opening it with this one feeds the index
 * again, once. Shown on both stores by putting the printed text back into the index and setting
 * index_state back, as such a database has it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { substringExpression } from '../src/search/bigrams.js';
import { fold } from '../src/search/fold.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { SearchIndex } from '../src/store/sqlite/search-index.js';
import { startTestPostgres } from './helpers/pg.js';
import { CONTACT, CONTACT_ISSUE } from './store-conformance-privacy.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-refeed-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('an index fed with the printed text is fed again on open', () => {
  test('sqlite', async () => {
    const file = join(dir, 'old.db');
    const s = await openSqliteStore(file);
    await s.ingest(CONTACT_ISSUE);
    assert.equal((await s.search({ q: '13912345678' })).total, 0);
    await s.close();
    // As an older gongbao left it: the printed text in the index, no feed version.
    const old = new Database(file);
    const seq = old.prepare('SELECT seq FROM documents WHERE id = ?').pluck().get(CONTACT.id) as number;
    new SearchIndex(old).index(seq, { title: fold(CONTACT.title), docnum: fold(CONTACT.docNumber!), body: fold(CONTACT.text) });
    old.prepare('UPDATE index_state SET version = 0').run();
    assert.equal(old.prepare('SELECT count(*) FROM doc_bg WHERE doc_bg MATCH ?').pluck().get(substringExpression('13912345678')), 1);
    old.close();
    // Opening feeds it again; then nothing is owed.
    const reopened = await openSqliteStore(file);
    try {
      for (const q of ['13912345678', '王芳', 'wangfang']) assert.equal((await reopened.search({ q })).total, 0, q);
      assert.match((await reopened.search({ q: '联系人' })).hits[0]!.snippet, /王\*/);
      assert.equal(reopened.refeedIndex(), 0);
    } finally {
      await reopened.close();
    }
  });

  test('postgres', async (t) => {
    const server = await startTestPostgres();
    if ('skip' in server) return t.skip(server.skip);
    try {
      const url = await server.freshDatabase();
      const s = await openPostgresStore(url);
      await s.ingest(CONTACT_ISSUE);
      assert.equal((await s.search({ q: '13912345678' })).total, 0);
      await s.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`UPDATE document_content SET search_text = search_text || $1 WHERE document_id = $2`, [`\n${CONTACT.text}`, CONTACT.id]);
      await c.query('UPDATE index_state SET version = 0');
      const printed = `SELECT count(*)::int AS n FROM document_content WHERE search_text LIKE '%13912345678%'`;
      assert.equal((await c.query(printed)).rows[0].n, 1);
      const reopened = await openPostgresStore(url);
      assert.equal((await c.query(printed)).rows[0].n, 0);
      assert.ok((await c.query('SELECT version FROM index_state')).rows[0].version > 0);
      await c.end();
      try {
        for (const q of ['13912345678', '王芳', 'wangfang']) assert.equal((await reopened.search({ q })).total, 0, q);
      } finally {
        await reopened.close();
      }
    } finally {
      await server.stop();
    }
  });
});
