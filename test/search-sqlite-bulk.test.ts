/**
 * A bulk ingest on SQLite (Store.inBulk) puts off the merging of the search index's segments until
 * its last batch, merges them then — also when the work fails — and answers as a file built batch
 * by batch does. The recompute given as `alongside` runs while a file's index is merged in a worker
 * thread: it reads the file as it was, its writes wait for the merge, and a kill in between leaves a
 * store that recovers.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { recomputeAll, recomputeIfOwed } from '../src/status/recompute.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';
import { ingestSamples, sampleResults } from './store-samples.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-bulk-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const TODAY = '2025-06-01';

/**
 * Segments of doc_bg (its %_idx table keys leaves by segment), the stored automerge setting, whether
 * a bulk ingest is marked as running, and whether relations and statuses are owed a recompute.
 */
function layout(file: string): { segments: number; automerge: number | null; marked: number; owed: boolean } {
  const db = new Database(file, { readonly: true });
  try {
    const segments = db.prepare('SELECT count(DISTINCT segid) FROM doc_bg_idx').pluck().get() as number;
    const automerge = db.prepare("SELECT v FROM doc_bg_config WHERE k = 'automerge'").pluck().get() as number | undefined;
    const marked = db.prepare('SELECT count(*) FROM bulk_ingest').pluck().get() as number;
    const owed = db.prepare('SELECT changes > derived FROM register_state').pluck().get() === 1;
    return { segments, automerge: automerge ?? null, marked, owed };
  } finally {
    db.close();
  }
}

/** Statuses and relations as a reader sees them (relations in any order: an incremental recompute appends). */
async function derivedOf(s: SqliteStore): Promise<unknown> {
  const docs = (await s.listDocuments({ limit: 1000 })).items.map((d) => d.id).sort();
  return { statuses: await Promise.all(docs.map((id) => s.getStatus(id))), relations: (await s.allRelations()).map((r) => JSON.stringify(r)).sort() };
}

/** The samples ingested into a store that was never bulk-ingested nor killed, recomputed. */
async function plainDerived(): Promise<unknown> {
  const plain = await openSqliteStore(':memory:');
  await ingestSamples(plain);
  await recomputeAll(plain, TODAY);
  const out = await derivedOf(plain);
  await plain.close();
  return out;
}

test('segments wait for the end of a bulk ingest, then are merged; answers as batch by batch', async () => {
  const file = join(dir, 'bulk.db');
  const bulk = await openSqliteStore(file);
  const results = await sampleResults();
  // A batch a file: five segments, more than FTS5's automerge lets a level hold (four).
  let during = 0;
  await bulk.inBulk!(async () => {
    for (const r of results) await bulk.ingestMany([r]);
    during = layout(file).segments;
  });
  const merged = layout(file);
  assert.ok(during >= results.length && results.length > 4, `${during} segments during the bulk ingest`);
  // All of the index was written by this ingest: merged into one segment.
  assert.equal(merged.segments, 1);
  assert.equal(merged.automerge, 4);

  const plain = await openSqliteStore(':memory:');
  await ingestSamples(plain);
  for (const q of ['禁火令', '森林防火', '通知', '〔2023〕', '武隆区 消防']) assert.deepEqual(await bulk.search({ q }), await plain.search({ q }), q);
  await plain.close();
  await bulk.close();
});

test('a bulk ingest that fails still merges and turns merging back on', async () => {
  const file = join(dir, 'failed.db');
  const s = await openSqliteStore(file);
  const results = await sampleResults();
  await assert.rejects(s.inBulk!(async () => {
    for (const r of results) await s.ingestMany([r]);
    throw new Error('the disk is full');
  }), /the disk is full/);
  assert.equal(layout(file).automerge, 4);
  assert.equal((await s.search({ q: '禁火令' })).total > 0, true);
  await s.close();
});

test('a small bulk ingest into a larger index merges level by level, not the whole index', async () => {
  const file = join(dir, 'small.db');
  const s = await openSqliteStore(file);
  const [first, ...rest] = await sampleResults();
  await s.inBulk!(async () => {
    for (const r of rest) await s.ingestMany([r]);
  });
  assert.equal(layout(file).segments, 1);
  // The first sample is well under a quarter of the documents: its segment stays beside the merged one.
  await s.inBulk!(() => s.ingestMany([first!]));
  assert.equal(layout(file).segments, 2);
  assert.ok((await s.search({ q: '禁火令' })).total > 0);
  await s.close();
});

test('the recompute beside the merge: it reads the file as before the merge, its writes wait for it', async () => {
  const file = join(dir, 'alongside.db');
  const s = await openSqliteStore(file);
  const results = await sampleResults();
  const seen: Array<ReturnType<typeof layout>> = [];
  await s.inBulk(async () => {
    for (const r of results) await s.ingestMany([r]);
  }, async () => {
    // The worker thread is only starting: the index is as the batches left it.
    seen.push(layout(file));
    assert.equal(await recomputeIfOwed(s, TODAY), true);
    // Saved after the merge, not before: it was committed by the time the save could write.
    seen.push(layout(file));
  });
  assert.ok(seen[0]!.segments >= results.length && seen[0]!.marked === 1, `during: ${JSON.stringify(seen[0])}`);
  assert.deepEqual(seen[1], { segments: 1, automerge: 4, marked: 0, owed: false });
  assert.deepEqual(layout(file), seen[1]);
  assert.deepEqual(await derivedOf(s), await plainDerived());
  await s.close();

  // In memory there is no second connection: merged first, then the recompute, the same facts.
  const memory = await openSqliteStore(':memory:');
  await memory.inBulk(async () => {
    for (const r of results) await memory.ingestMany([r]);
  }, () => recomputeIfOwed(memory, TODAY));
  assert.deepEqual(await derivedOf(memory), await plainDerived());
  await memory.close();
});

test('a small bulk ingest merged level by level beside the recompute', async () => {
  const file = join(dir, 'small-alongside.db');
  const s = await openSqliteStore(file);
  const [first, ...rest] = await sampleResults();
  await s.inBulk(async () => {
    for (const r of rest) await s.ingestMany([r]);
  }, () => recomputeIfOwed(s, TODAY));
  await s.inBulk(() => s.ingestMany([first!]), () => recomputeIfOwed(s, TODAY));
  assert.deepEqual(layout(file), { segments: 2, automerge: 4, marked: 0, owed: false });
  assert.deepEqual(await derivedOf(s), await plainDerived());
  await s.close();
});

test('killed while the merge and the recompute run: the next open merges, the next recompute completes', async () => {
  const file = join(dir, 'killed-tail.db');
  const code = `import { openSqliteStore } from ${JSON.stringify(new URL('../src/store/sqlite/index.ts', import.meta.url).href)};
import { sampleResults } from ${JSON.stringify(new URL('./store-samples.ts', import.meta.url).href)};
const s = await openSqliteStore(process.argv[1]);
const results = await sampleResults();
await s.inBulk(async () => { for (const r of results) await s.ingestMany([r]); }, async () => process.kill(process.pid, 'SIGKILL'));`;
  const killed = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, file], { encoding: 'utf8' });
  assert.equal(killed.signal, 'SIGKILL', killed.stderr);
  const left = layout(file);
  assert.ok(left.segments > 1 && left.marked === 1 && left.owed, `left: ${JSON.stringify(left)}`);
  const s = await openSqliteStore(file);
  assert.deepEqual(layout(file), { segments: 1, automerge: 4, marked: 0, owed: true });
  assert.equal(await recomputeIfOwed(s, TODAY), true);
  assert.deepEqual(await derivedOf(s), await plainDerived());
  await s.close();
});
