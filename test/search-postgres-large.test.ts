/** The large-match-set suite (search-large.ts) on the PostgreSQL store, on a throwaway cluster. */
import { after, test } from 'node:test';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { startTestPostgres } from './helpers/pg.js';
import { runLargeSearchSuite } from './search-large.js';

const server = await startTestPostgres();
if ('skip' in server) {
  test('PostgreSQL large search', { skip: server.skip }, () => {});
} else {
  after(() => server.stop());
  runLargeSearchSuite('postgres', async (searchLimits) => openPostgresStore(await server.freshDatabase(), searchLimits ? { searchLimits } : {}));
}
