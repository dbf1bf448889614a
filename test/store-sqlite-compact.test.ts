/**
 * The registers' storage on SQLite (migration 13, issue 11): no keyed table holds its key twice,
 * a unit mention is a place in one compressed excerpt per document rather than a snippet, and a
 * file written before migration 13 answers every register, relation and citation as one written
 * today.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { recomputeAll } from '../src/status/recompute.js';
import { extractRegisters } from '../src/store/registers.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import type { Store } from '../src/store/store.js';
import { copyFactsAsText, layoutAt } from './helpers/sqlite-layout.js';
import { ingestSamples } from './store-samples.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-compact-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Migrations before the registers were made small (13). */
const BEFORE_COMPACT = 12;

describe('sqlite registers stored small', () => {
  const today = join(dir, 'today.db');
  let s: Store;
  before(async () => {
    s = await openSqliteStore(today);
    await ingestSamples(s);
    await recomputeAll(s);
  });
  after(async () => s.close());

  test('no keyed register table keeps its key a second time; snippets are places in an excerpt', async () => {
    const db = new Database(today, { readonly: true });
    try {
      const auto = db.prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name LIKE 'sqlite_autoindex_%'").pluck().all() as string[];
      for (const t of ['tasks', 'task_units', 'unit_mentions', 'citations', 'statuses', 'occurrences', 'doc_numbers', 'doc_normative']) {
        assert.ok(!auto.includes(t), `${t} has an autoindex`);
      }
      const mentions = db.prepare('SELECT count(*) AS n, count(snippet) AS kept FROM unit_mentions').get() as { n: number; kept: number };
      assert.ok(mentions.n >= 1000, `only ${mentions.n} mentions`);
      assert.equal(mentions.kept, 0, 'every snippet the extractor cut is cut again from its excerpt');
      // The snippets as text (what the table held before) against what holds them now.
      let snippetBytes = 0;
      for await (const d of s.allDocuments()) for (const m of extractRegisters(d).units ?? []) snippetBytes += Buffer.byteLength(m.snippet);
      const bytes = (names: string[]) =>
        db.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name IN (${names.map(() => '?').join(',')})`).pluck().get(...names) as number;
      const stored = bytes(['unit_mentions', 'unit_excerpts']);
      assert.ok(stored < snippetBytes / 2, `unit mentions take ${stored} bytes for ${snippetBytes} bytes of snippets`);
      const citations = db.prepare('SELECT count(*) AS n, count(raw) AS kept FROM citations').get() as { n: number; kept: number };
      assert.ok(citations.kept < citations.n / 4, `${citations.kept} of ${citations.n} citations keep their text`);
    } finally {
      db.close();
    }
  });

  test("a document's unit mentions go with it (unit_mentions has no key by document)", async () => {
    const copy = join(dir, 'gone.db');
    const db = new Database(today, { readonly: true });
    await db.backup(copy);
    db.close();
    const c = new Database(copy);
    c.pragma('foreign_keys = ON');
    const seq = c.prepare('SELECT doc FROM unit_mentions GROUP BY doc ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
    const before = c.prepare('SELECT count(*) FROM unit_mentions').pluck().get() as number;
    const mine = c.prepare('SELECT count(*) FROM unit_mentions WHERE doc = ?').pluck().get(seq) as number;
    assert.ok(mine >= 5, `${mine} mentions`);
    c.prepare('DELETE FROM documents WHERE seq = ?').run(seq);
    assert.equal(c.prepare('SELECT count(*) FROM unit_mentions WHERE doc = ?').pluck().get(seq), 0);
    assert.equal(c.prepare('SELECT count(*) FROM unit_mentions').pluck().get(), before - mine);
    c.close();
  });

  test('a file from before migration 13 answers registers, relations and citations as one written today', async () => {
    const old = join(dir, 'old.db');
    asBeforeCompact(today, old);
    const upgraded = await openSqliteStore(old);
    try {
      const check = new Database(old, { readonly: true });
      assert.equal(check.pragma('user_version', { simple: true }), MIGRATIONS.length);
      check.close();
      const ids: string[] = [];
      for await (const d of s.allDocuments()) ids.push(d.id);
      for (const id of ids) {
        assert.deepEqual((await upgraded.getDocument(id))?.cites, (await s.getDocument(id))?.cites, id);
        assert.deepEqual(await upgraded.getNormative(id), await s.getNormative(id), id);
        assert.deepEqual(await upgraded.relations(id), await s.relations(id), id);
      }
      const relations = await s.allRelations();
      assert.ok(relations.length >= 20, `only ${relations.length} relations`);
      assert.deepEqual(await upgraded.allRelations(), relations);
      assert.deepEqual(await upgraded.listReferences(), await s.listReferences());
      assert.deepEqual(await upgraded.listTasks(), await s.listTasks());
      const units = await s.listUnits();
      assert.deepEqual(await upgraded.listUnits(), units);
      for (const u of units) assert.deepEqual(await upgraded.listUnitMentions(u.unit), await s.listUnitMentions(u.unit), u.unit);
      assert.deepEqual(await upgraded.listTargets(), await s.listTargets());
    } finally {
      await upgraded.close();
    }
  });
});

/**
 * `from` (today's layout) as the same data in the layout before migration 13. The search tables
 * stay empty (not what this is about); the register tables too: migration 13 drops them and the
 * store rebuilds them from the documents.
 */
function asBeforeCompact(from: string, to: string): void {
  const db = layoutAt(to, BEFORE_COMPACT, from, ['issues', 'issue_editions', 'documents', 'document_content', 'occurrences', 'doc_tables',
    'doc_numbers', 'doc_references', 'lexicon', 'statuses', 'corrections']);
  copyFactsAsText(db, from);
  // Quotes as they were stored then: every one in full.
  assert.equal(db.prepare('SELECT count(*) FROM relations WHERE quote IS NULL').pluck().get(), 0);
  db.close();
}
