/**
 * Hostile input to the reader: it must answer with documents or a UserError, in time that grows
 * linearly with the input. No timed assertions in absolute terms — only ratios between sizes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseText } from '../src/ingest/index.js';
import { FAMILIES, type Family } from './helpers/pathological.js';

const SOURCE = { file: 'hostile.txt', sha256: '0'.repeat(64), encoding: 'utf-8' as const, bytes: 0 };
const parse = (text: string) => parseText(text, SOURCE);

test('150,000 unpaired （上接） markers: one document, every marker cut out and accounted for, no stack overflow', () => {
  const text = FAMILIES['jump markers'](150_000 * 64);
  const markers = text.split('（上接').length - 1;
  assert.ok(markers >= 150_000, `${markers} markers`);
  const r = parse(text);
  assert.equal(r.documents.length, 1);
  // Headerless text is read as one document (the page reader), which has no pages to pair jumps
  // with: each marker is a discarded artefact rather than an unpaired-jump warning.
  assert.equal(r.discarded.filter((a) => a.kind === 'jump-marker').length, markers);
  assert.ok(!r.documents[0]!.text.includes('上接'));
});

test('a table of 150,000 rows keeps every row (no spread of the rows into Math.max)', () => {
  const text = FAMILIES['table rows'](150_000 * 80);
  const rows = text.split('\n').filter((l) => l.startsWith('| ')).length;
  assert.ok(rows >= 150_000, `${rows} rows`);
  const r = parse(text);
  assert.equal(r.documents[0]!.tables.reduce((n, t) => n + t.rows.length + 1, 0), rows);
});

/** Parse time in ms; the best of `runs` (a busy machine only ever makes a run slower). */
function parseTime(text: string, runs = 1): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    const r = parse(text);
    best = Math.min(best, performance.now() - t);
    assert.ok(r.documents.length > 0);
  }
  return Math.max(best, 1);
}

// Time must grow linearly with size: 16× the input may take a few times 16× (GC, caches), never
// the 256× of a quadratic step. Ratios only, so a slow machine does not fail the test.
const MB = 1024 * 1024;
for (const family of Object.keys(FAMILIES) as Family[]) {
  test(`linear time on ${family}: 1, 4 and 16 MB`, { timeout: 120_000 }, () => {
    const t1 = parseTime(FAMILIES[family](MB), 2);
    const t4 = parseTime(FAMILIES[family](4 * MB));
    const t16 = parseTime(FAMILIES[family](16 * MB));
    const msg = `${family}: 1 MB ${t1.toFixed(0)} ms, 4 MB ${t4.toFixed(0)} ms, 16 MB ${t16.toFixed(0)} ms`;
    assert.ok(t4 / t1 < 4 * 3, msg);
    assert.ok(t16 / t1 < 16 * 3, msg);
  });
}
