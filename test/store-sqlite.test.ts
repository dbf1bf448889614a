/**
 * The SQLite store against the shared Store conformance suites (hand-built ParseResults and the
 * real samples), plus what only SQLite can show: raw row counts per table, migrations, the factory.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { execFile } from 'node:child_process';
import Database from 'better-sqlite3';
import { openStore, resolveDbLocation } from '../src/store/factory.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { runStoreConformance } from './store-conformance.js';
import { runEditorialConformance } from './store-conformance-editorial.js';
import { runRegisterConformance } from './store-conformance-registers.js';
import { ingestSamples, runSampleConformance } from './store-samples.js';
import { ISSUE_2023, ISSUE_2024, ISSUE_2024_CORRECTED, OLD_DECISION, TRADITIONAL } from './fixtures/parse-results.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-sqlite-'));
let n = 0;
const run = (cmd: string, args: string[]) =>
  new Promise<{ code: number; stderr: string }>((done) => {
    execFile(cmd, args, (err, _out, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stderr }));
  });
const tmpFile = () => join(dir, `store-${n++}.db`);
runStoreConformance('sqlite', async () => openSqliteStore(tmpFile()));
runSampleConformance('sqlite', async () => openSqliteStore(tmpFile()));
runRegisterConformance('sqlite', async (opts) => openSqliteStore(tmpFile(), opts));
runEditorialConformance('sqlite', async () => openSqliteStore(tmpFile()));
after(() => rmSync(dir, { recursive: true, force: true }));

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT GLOB 'doc_tri_*' AND name NOT GLOB 'doc_words_*'").pluck().all() as string[];
  const out = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  db.close();
  return out;
}

describe('sqlite specifics', () => {
  test('ingesting the samples twice leaves every table row count unchanged', async () => {
    const file = tmpFile();
    const s = await openSqliteStore(file);
    await ingestSamples(s);
    const once = rowCounts(file);
    await ingestSamples(s);
    await s.close();
    assert.deepEqual(rowCounts(file), once);
    for (const t of ['issues', 'issue_editions', 'documents', 'document_content', 'doc_numbers', 'occurrences']) {
      assert.ok(once[t]! > 0, `${t} is empty`);
    }
    assert.equal(once.documents, once.document_content);
  });

  test('migrations run once and record their number in user_version', async () => {
    const file = tmpFile();
    await (await openSqliteStore(file)).close();
    await (await openSqliteStore(file)).close();
    const db = new Database(file, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  });

  test('processes opening one fresh file at once migrate it once, none fails', async () => {
    // Each round starts 4 processes on a new file; before migrations read the version inside an
    // IMMEDIATE transaction, about one round in four failed with "table issues already exists".
    const code = `import { openSqliteStore } from ${JSON.stringify(new URL('../src/store/sqlite/index.ts', import.meta.url).href)};
await (await openSqliteStore(process.argv[1])).close();`;
    for (let round = 0; round < 4; round++) {
      const file = tmpFile();
      const runs = await Promise.all([1, 2, 3, 4].map(() => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, file])));
      for (const r of runs) assert.equal(r.code, 0, r.stderr);
      const db = new Database(file, { readonly: true });
      assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
      db.close();
    }
  });

  test('a bulk ingest killed before its end: the next open puts the index merging back', async () => {
    const file = tmpFile();
    await (await openSqliteStore(file)).close();
    // A process that starts a bulk ingest and dies in it (SIGKILL: no finally runs).
    const code = `import { openSqliteStore } from ${JSON.stringify(new URL('../src/store/sqlite/index.ts', import.meta.url).href)};
const s = await openSqliteStore(process.argv[1]);
await s.inBulk(async () => process.kill(process.pid, 'SIGKILL'));`;
    const killed = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, file]);
    assert.notEqual(killed.code, 0);
    const config = () => {
      const db = new Database(file, { readonly: true });
      const kv = Object.fromEntries(db.prepare("SELECT k, v FROM doc_bg_config WHERE k IN ('automerge', 'crisismerge')").raw().all() as Array<[string, number]>);
      const marked = db.prepare('SELECT count(*) FROM bulk_ingest').pluck().get();
      db.close();
      return { ...kv, marked };
    };
    assert.deepEqual(config(), { automerge: 0, crisismerge: 1000, marked: 1 }, 'the killed ingest left merging off');
    await (await openSqliteStore(file)).close();
    assert.deepEqual(config(), { automerge: 4, crisismerge: 16, marked: 0 });
  });

  test('a bulk ingest still running keeps its deferred merging when another process opens the file', async () => {
    const file = tmpFile();
    const s = await openSqliteStore(file);
    await s.inBulk(async () => {
      await (await openSqliteStore(file)).close();
      const db = new Database(file, { readonly: true });
      assert.equal(db.prepare("SELECT v FROM doc_bg_config WHERE k = 'automerge'").pluck().get(), 0);
      db.close();
    });
    await s.close();
  });

  test('upgrading a version-2 database folds the issuers already stored', async () => {
    const file = tmpFile();
    const old = new Database(file);
    for (const m of MIGRATIONS.slice(0, 2)) old.exec(m as string);
    old.pragma('user_version = 2');
    old.prepare(
      `INSERT INTO documents(id, title, search_title, issuer, attachments_json, warnings_json, updated_at) VALUES ('d', 't', 't', '重慶市武隆區人民政府辦公室', '[]', '[]', '')`,
    ).run();
    old.close();
    const s = await openSqliteStore(file);
    assert.deepEqual((await s.listDocuments({ issuer: '重庆市武隆区人民政府办公室' })).items.map((d) => [d.id, d.issuer]), [['d', '重慶市武隆區人民政府辦公室']]);
    await s.close();
    const newer = new Database(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    await assert.rejects(openSqliteStore(file), /newer than this gongbao/);
  });

  test('upgrading a version-3 database builds the registers from the documents already stored', async () => {
    const file = tmpFile();
    const s = await openSqliteStore(file);
    await ingestSamples(s);
    const tasks = await s.listTasks();
    const units = await s.listUnits();
    const normative = (await s.listDocuments({ normative: true, limit: 1000 })).items.map((d) => d.id);
    const targets = await s.listTargets();
    await s.close();
    // What a database from before migration 4 looks like: the same documents, no register tables.
    const old = new Database(file);
    old.exec('DROP TABLE task_units; DROP TABLE unit_mentions; DROP TABLE tasks; DROP TABLE targets; DROP TABLE doc_normative; DROP TABLE register_state;');
    old.pragma('user_version = 3');
    old.close();
    const upgraded = await openSqliteStore(file);
    assert.ok(tasks.total >= 20);
    assert.deepEqual(await upgraded.listTasks(), tasks);
    assert.deepEqual(await upgraded.listUnits(), units);
    assert.deepEqual(await upgraded.listTargets(), targets);
    assert.deepEqual((await upgraded.listDocuments({ normative: true, limit: 1000 })).items.map((d) => d.id), normative);
    await upgraded.close();
    // Registers made by an older extractor version are rebuilt on open, once.
    const stale = new Database(file);
    stale.exec('DELETE FROM tasks; DELETE FROM doc_normative; UPDATE register_state SET version = 0;');
    stale.close();
    const rebuilt = await openSqliteStore(file);
    assert.deepEqual(await rebuilt.listTasks(), tasks);
    await rebuilt.close();
    assert.deepEqual(rowCounts(file).register_state, 1);
  });

  test('the factory: --db over GONGBAO_DB over ./data/gongbao.db', async () => {
    assert.equal(resolveDbLocation({}, {}), './data/gongbao.db');
    assert.equal(resolveDbLocation({}, { GONGBAO_DB: '/x.db' }), '/x.db');
    assert.equal(resolveDbLocation({ db: '/y.db' }, { GONGBAO_DB: '/x.db' }), '/y.db');
    const s = await openStore({ db: tmpFile() });
    assert.equal((await s.counts()).documents, 0);
    await s.close();
  });
});

test('a store open in one process sees the words another process learned', async () => {
  const file = tmpFile();
  const reader = await openSqliteStore(file);
  await reader.search({ q: '没有的长查询词语' }); // not found whole: split by the segmenter, built on the empty lexicon
  const writer = await openSqliteStore(file);
  await ingestSamples(writer);
  await writer.close();
  const hits = (await reader.search({ q: '放管服' })).hits;
  assert.ok(hits.length >= 2 && hits.every((h) => h.score > 0));
  assert.ok(hits[0]!.title.includes('放管服'));
  await reader.close();
});

test('a corrected edition that drops a document printed elsewhere too: its listing moves to the other issue, the rest as a plain ingest', async () => {
  // 2023年第1期 prints TRADITIONAL as well; the corrected 2024年第2期 no longer does.
  const both = { ...ISSUE_2023, source: { ...ISSUE_2023.source, sha256: 'both-2023' }, documents: [OLD_DECISION, TRADITIONAL] };
  const replaced = await openSqliteStore(tmpFile());
  for (const r of [both, ISSUE_2024]) await replaced.ingest(r);
  const before = (await replaced.listDocuments()).items.find((d) => d.id === TRADITIONAL.id);
  assert.equal((await replaced.ingest(ISSUE_2024_CORRECTED)).action, 'replaced');
  const plain = await openSqliteStore(':memory:');
  for (const r of [both, ISSUE_2024_CORRECTED]) await plain.ingest(r);
  const listing = (await replaced.listDocuments()).items;
  assert.deepEqual(listing, (await plain.listDocuments()).items);
  const after = listing.find((d) => d.id === TRADITIONAL.id);
  assert.ok(before && after && before.issueId !== after.issueId, `${before?.issueId} → ${after?.issueId}`);
  await plain.close();
  await replaced.close();
});
