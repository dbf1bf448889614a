/**
 * The batch ingest path of `gongbao ingest`: files parsed in worker threads come back in file order,
 * a bad file is reported and skipped, and the store ends up as a one-by-one ingest leaves it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { generateCorpus } from '../bench/corpus.js';
import { collectInputs } from '../src/cli/commands/ingest.js';
import { ingestFiles } from '../src/cli/ingest-files.js';
import { parseAll, parseWorkers } from '../src/cli/parse-pool.js';
import { parseFile } from '../src/ingest/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { IngestOutcome } from '../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-batch-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const corpus = join(dir, 'corpus');
for (const issue of generateCorpus(120, 5)) {
  mkdirSync(join(corpus, issue.file, '..'), { recursive: true });
  writeFileSync(join(corpus, issue.file), issue.text);
}
const corpusFiles = collectInputs([corpus]).files;
// An empty file named among the others (a directory would list it as skipped): read, reported, skipped.
const empty = join(dir, 'empty.txt');
writeFileSync(empty, '');
const files = [...corpusFiles.slice(0, 7), empty, ...corpusFiles.slice(7)];

test('worker threads parse files into the results a parse in the main thread gives, in file order', async () => {
  const inWorkers = [];
  for await (const p of parseAll(files, 2)) inWorkers.push(p);
  assert.deepEqual(inWorkers.map((p) => p.file), files);
  const bad = inWorkers.filter((p) => 'error' in p);
  assert.equal(bad.length, 1);
  assert.match(String('error' in bad[0]! && bad[0].error.message), /empty\.txt/);
  for (const p of inWorkers.filter((x) => 'result' in x).slice(0, 3)) {
    assert.deepEqual('result' in p && p.result, await parseFile(p.file));
  }
  assert.equal(parseWorkers(2, {}), 0, 'a couple of files are parsed inline');
  assert.equal(parseWorkers(100, { GONGBAO_PARSE_WORKERS: '0' }), 0);
  // Two cores: two workers beside the storing thread (it waits for one a third of the time).
  assert.deepEqual([1, 2, 4, 8].map((cores) => parseWorkers(100, {}, cores)), [1, 2, 3, 7]);
  assert.equal(parseWorkers(5, {}, 8), 5, 'no more workers than files');
});

test('batches stored through ingestMany leave the store a one-by-one ingest leaves', async () => {
  const batched = await openSqliteStore(join(dir, 'batched.db'));
  const single = await openSqliteStore(join(dir, 'single.db'));
  try {
    const outcomes: IngestOutcome[] = [];
    const failed: string[] = [];
    let progress = 0;
    await ingestFiles(batched, files, { outcome: (o) => outcomes.push(o), failure: (f) => failed.push(f), progress: (p) => (progress = p.documents) }, undefined, 1);
    assert.equal(failed.length, 1);
    assert.equal(outcomes.length, files.length - 1);
    assert.equal(progress, 120);
    for (const f of files.filter((x) => !x.endsWith('empty.txt'))) await single.ingest(await parseFile(f));
    assert.deepEqual(await batched.counts(), await single.counts());
    // The same matches, totals, facets and snippets. Scores may differ: FTS5 counts a re-cut
    // document again in a contentless table's row count (a DELETE does not decrement it), and a
    // one-by-one ingest re-cuts far more documents than a batch, so its BM25 IDF drifts more.
    for (const q of ['财政', '安全生产', '区发展改革委', '废止', '火']) {
      const [a, b] = [await batched.search({ q, limit: 200 }), await single.search({ q, limit: 200 })];
      assert.equal(a.total, b.total, q);
      assert.deepEqual(a.facets, b.facets, q);
      const byId = (r: typeof a) => r.hits.map((h) => [h.id, h.snippet]).sort(([x], [y]) => (x! < y! ? -1 : 1));
      assert.deepEqual(byId(a), byId(b), q);
    }
  } finally {
    await batched.close();
    await single.close();
  }
});
