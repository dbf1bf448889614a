/** The large-match-set suite (search-large.ts) on the PostgreSQL store, on a throwaway cluster. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { startTestPostgres } from './helpers/pg.js';
import { runLargeSearchSuite } from './search-large.js';
import { ingestSamples } from './store-samples.js';

const server = await startTestPostgres();
if ('skip' in server) {
  test('PostgreSQL large search', { skip: server.skip }, () => {});
} else {
  after(() => server.stop());
  runLargeSearchSuite('postgres', async (searchLimits) => openPostgresStore(await server.freshDatabase(), searchLimits ? { searchLimits } : {}));

  test('a query holding a mostly numeric term is ordered by its bonuses alone, as on SQLite (no ts_rank)', async () => {
    const store = await openPostgresStore(await server.freshDatabase());
    try {
      await ingestSamples(store);
      for (const q of ['2024', '〔2023〕', '武隆 2024']) {
        const r = await store.search({ q });
        assert.ok(r.hits.length > 1, q);
        assert.ok(r.hits.every((h) => h.score % 10 === 0), `${q}: ${r.hits.map((h) => h.score).join(' ')}`);
      }
      // A word query is still ranked by its words.
      assert.ok((await store.search({ q: '消防' })).hits.some((h) => h.score % 10 !== 0));
    } finally {
      await store.close();
    }
  });
}
