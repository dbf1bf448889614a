/**
 * The PostgreSQL store against the shared conformance suites (hand-built fixtures and the real
 * samples), on one throwaway cluster per run or on GONGBAO_PG_URL; each store gets its own schema.
 */
import { after, test } from 'node:test';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { startTestPostgres } from './helpers/pg.js';
import { runStoreConformance } from './store-conformance.js';
import { runSampleConformance } from './store-samples.js';

const pg = await startTestPostgres();
if ('skip' in pg) {
  test('PostgreSQL store', { skip: pg.skip }, () => {});
} else {
  const open = async () => openPostgresStore(await pg.freshDatabase());
  runStoreConformance('postgres', open);
  runSampleConformance('postgres', open);
  // Registered last so it runs after the suites have closed their stores.
  after(() => pg.stop());
}
