/**
 * A bulk ingest on SQLite (Store.inBulk) puts off the merging of the search index's segments until
 * its last batch, merges them then — also when the work fails — and answers as a file built batch
 * by batch does.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { ingestSamples, sampleResults } from './store-samples.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-bulk-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Segments of doc_bg (its %_idx table keys leaves by segment) and the stored automerge setting. */
function layout(file: string): { segments: number; automerge: number | null } {
  const db = new Database(file, { readonly: true });
  try {
    const segments = db.prepare('SELECT count(DISTINCT segid) FROM doc_bg_idx').pluck().get() as number;
    const automerge = db.prepare("SELECT v FROM doc_bg_config WHERE k = 'automerge'").pluck().get() as number | undefined;
    return { segments, automerge: automerge ?? null };
  } finally {
    db.close();
  }
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
