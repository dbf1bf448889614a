/**
 * Incremental status recomputation (recomputeOwed) gives exactly what a full recomputation from
 * the documents' text gives: batches ingested in an order that makes references resolve anew
 * (a citing document stored before the document it cites, a repeal before its target), corrected
 * editions that drop documents, and editors' corrections — compared after every batch.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { generateCorpus } from '../bench/corpus.js';
import type { OfficialDocument, ParseResult } from '../src/domain/types.js';
import { parseFile, parseText } from '../src/ingest/index.js';
import { recomputeIfOwed, recomputeOwed, statusesOf } from '../src/status/recompute.js';
import { buildWorld } from '../src/status/world.js';
import { prepareResult } from '../src/store/prepared.js';
import { packDocument } from '../src/store/packed-content.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';
import type { Relation } from '../src/store/store.js';
import { ALL_SAMPLES } from './helpers/samples.js';

const TODAY = '2025-06-01';

function parsed(file: string, text: string): ParseResult {
  const sha256 = createHash('sha256').update(text).digest('hex');
  return parseText(text, { file, sha256, encoding: 'utf-8', bytes: Buffer.byteLength(text) });
}

/** What a full recomputation from the stored documents' text gives. */
async function truth(store: SqliteStore) {
  const documents: OfficialDocument[] = [];
  for await (const d of store.allDocuments()) documents.push(d);
  const world = buildWorld({ documents, corrections: await store.corrections() });
  return { relations: world.relations, statuses: statusesOf(world, TODAY) };
}

const key = (r: Relation) => JSON.stringify(r);
const bySubject = (rs: readonly Relation[]) => {
  const m = new Map<string, string[]>();
  for (const r of rs) m.set(r.subjectId, [...(m.get(r.subjectId) ?? []), key(r)]);
  return new Map([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
};

async function assertEqualToFull(store: SqliteStore, step: string): Promise<void> {
  const want = await truth(store);
  const got = await store.allRelations();
  assert.deepEqual([...got.map(key)].sort(), [...want.relations.map(key)].sort(), `${step}: relations`);
  // Each document's own relations keep the order a full recompute gives them.
  assert.deepEqual(bySubject(got), bySubject(want.relations), `${step}: relations in order`);
  for (const s of want.statuses) assert.deepEqual(await store.getStatus(s.documentId), s, `${step}: status of ${s.documentId}`);
}

/** Ingest batch by batch; the first recompute is full, every later one incremental. */
async function ingestInBatches(store: SqliteStore, batches: ParseResult[][], between?: (i: number) => Promise<void>): Promise<number> {
  let incremental = 0;
  for (const [i, batch] of batches.entries()) {
    // Half of the batches come prepared, as the parse workers send them.
    await store.ingestMany(i % 2 ? batch : batch.map((r) => prepareResult(r, { pack: packDocument })));
    await between?.(i);
    if (i === 0) assert.equal(await recomputeIfOwed(store, TODAY), true);
    else if (await recomputeOwed(store, TODAY)) incremental++;
    else assert.fail(`batch ${i}: the incremental recompute declined`);
    await assertEqualToFull(store, `batch ${i}`);
  }
  return incremental;
}

test('the samples one file at a time, newest first: each incremental recompute equals a full one', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const results = await Promise.all([...ALL_SAMPLES].reverse().map((f) => parseFile(f)));
    assert.equal(await ingestInBatches(store, results.map((r) => [r])), results.length - 1);
    assert.ok((await store.allRelations()).length > 10, 'the samples relate to each other');
    // Nothing owed is left, and nothing is recomputed again.
    assert.equal(await recomputeIfOwed(store, TODAY), false);
  } finally {
    await store.close();
  }
});

test('a generated corpus in shuffled batches, corrected editions and a correction: equal to a full recompute', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const texts = [...generateCorpus(240, 11)];
    const issues = texts.map((i) => parsed(i.file, i.text));
    // Later issues first, in interleaved batches: repeals and citations meet their targets late.
    const order = issues.map((_, i) => i).sort((a, b) => (b % 3) - (a % 3) || b - a);
    const batches: ParseResult[][] = [];
    for (let i = 0; i < order.length; i += 5) batches.push(order.slice(i, i + 5).map((k) => issues[k]!));
    const repealed = () => store.listDocuments({ status: '已废止', limit: 1000 });
    assert.equal(await ingestInBatches(store, batches), batches.length - 1);
    assert.ok((await repealed()).total > 0, 'the corpus repeals earlier documents');

    // Corrected editions: an issue printed again without its first document (which goes), another
    // with a repealed document's 文号 changed (its repealer now points elsewhere).
    const first = issues[0]!.documents[0]!;
    const dropFirst = parsed(texts[0]!.file, texts[0]!.text.replace(first.title, '').replaceAll(first.docNumber ?? '', ''));
    const target = (await repealed()).items[0]!;
    const held = (await store.getDocument(target.id))!;
    const k = issues.findIndex((r) => r.documents.some((d) => d.id === held.id));
    const renumbered = parsed(texts[k]!.file, texts[k]!.text.replaceAll(held.docNumber!, held.docNumber!.replace(/(\d+)号$/, '9$1号')));
    const outcomes = await store.ingestMany([prepareResult(dropFirst, { pack: packDocument }), renumbered]);
    assert.deepEqual(outcomes.map((o) => o.action), ['replaced', 'replaced']);
    assert.equal(await recomputeOwed(store, TODAY), true);
    await assertEqualToFull(store, 'corrected editions');
    // The renumbered document is another document now (documents are keyed by 文号): the old one went.
    assert.equal(await store.getDocument(target.id), null);

    // An editor's correction owes that document's status.
    const live = (await store.listDocuments({ limit: 1 })).items[0]!;
    await store.addCorrection({ documentId: live.id, status: '已失效', effectiveFrom: '2024-01-01', author: '测试', reason: '核对', createdAt: TODAY });
    assert.equal(await recomputeOwed(store, TODAY), true);
    await assertEqualToFull(store, 'correction');
    assert.equal((await store.getStatus(live.id))?.status, '已失效');

    // A document newly citing a repealed one: that one is judged again, and keeps the repeal made
    // by a document this batch did not touch.
    const still = (await repealed()).items[0]!;
    const cited = (await store.getDocument(still.id))!;
    const citing = texts[1]!.text.replace('公报', '公报（增刊）').replace('已经区政府同意，', `已经区政府同意，根据《${cited.title}》（${cited.docNumber}），`);
    assert.notEqual(citing.indexOf(cited.docNumber!), -1);
    await store.ingestMany([parsed('citing.txt', citing)]);
    assert.equal(await recomputeOwed(store, TODAY), true);
    await assertEqualToFull(store, 'a new citation');
    assert.equal((await store.getStatus(cited.id))?.status, '已废止');
    assert.ok((await store.relations(cited.id)).incoming.some((r) => r.verb === 'cites'), 'the new citation is related');

    // Another day: statuses move with the date, so the recompute is full.
    await store.ingestMany([parsed('extra.txt', texts[2]!.text.replace('公报', '公报（增刊）'))]);
    assert.equal(await recomputeOwed(store, '2025-06-02'), false);
  } finally {
    await store.close();
  }
});
