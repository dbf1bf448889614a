/** The PostgreSQL store as a benchmark target, on the tests' throwaway cluster (null without binaries). */
import { openPostgresStore } from '../src/store/postgres/index.js';
import { startTestPostgres } from '../test/helpers/pg.js';
import type { BenchTarget } from './search.js';

export async function postgresTarget(): Promise<{ target: BenchTarget; stop: () => Promise<void> } | null> {
  const pg = await startTestPostgres();
  if ('skip' in pg) {
    console.error(`PostgreSQL benchmark skipped: ${pg.skip}`);
    return null;
  }
  return { target: { location: () => pg.freshDatabase(), open: openPostgresStore }, stop: () => pg.stop() };
}
