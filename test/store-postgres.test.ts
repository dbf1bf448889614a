/**
 * The PostgreSQL store against the shared conformance suite, on one throwaway cluster per run
 * (or on GONGBAO_PG_URL). Each store gets a fresh database.
 */
import { after, test } from 'node:test';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { startTestPostgres } from './helpers/pg.js';
import { runStoreConformance } from './store-conformance.js';

const pg = await startTestPostgres();
if ('skip' in pg) {
  test('PostgreSQL store', { skip: pg.skip }, () => {});
} else {
  runStoreConformance('postgres', async () => openPostgresStore(await pg.freshDatabase()));
  // Registered last so it runs after the suite has closed its stores.
  after(() => pg.stop());
}
