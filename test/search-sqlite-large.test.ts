/** The large-match-set suite (search-large.ts) on the SQLite store, in memory; and what only SQLite does. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';
import { runLargeSearchSuite } from './search-large.js';
import { ingestSamples } from './store-samples.js';

runLargeSearchSuite('sqlite', (searchLimits) => openSqliteStore(':memory:', searchLimits ? { searchLimits } : {}));

let exact: SqliteStore;
before(async () => {
  exact = await openSqliteStore(':memory:');
  await ingestSamples(exact);
});
after(() => exact.close());

test('a mostly numeric term is ranked without BM25: 文号 hits first, then newest', async () => {
  const a = await exact.search({ q: '〔2023〕', limit: 200 });
  assert.ok(a.total > 10 && a.hits.length === a.total, String(a.total));
  // Scores are the bonuses alone (10 for a 文号 hit), not BM25's fractions.
  assert.ok(a.hits.every((h) => h.score === 0 || h.score === 10), a.hits.map((h) => h.score).join(' '));
  const cited = a.hits.findIndex((h) => !h.docNumber?.includes('〔2023〕'));
  assert.ok(cited > 0, 'some 文号 hits');
  assert.ok(a.hits.slice(cited).every((h) => !h.docNumber?.includes('〔2023〕')), '文号 hits first');
  const dates = a.hits.slice(cited).map((h) => h.signedOn ?? '');
  assert.deepEqual(dates, [...dates].sort().reverse(), 'the rest newest first');
  // A word is still ranked by BM25.
  assert.ok((await exact.search({ q: '森林防火' })).hits.some((h) => !Number.isInteger(h.score)));
});
