/**
 * `gongbao start` (what `npm start` runs): on first run, fill the empty database with the bundled
 * Wulong samples and compute relations and statuses; then serve on $PORT or 3000.
 */
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { parseFile } from '../../ingest/index.js';
import { recomputeAll } from '../../status/recompute.js';
import { collectInputs } from './ingest.js';
import { openStore } from '../../store/factory.js';
import type { Store } from '../../store/store.js';
import { parsePort, serveStore } from './serve.js';

/** samples/wulong/ at the package root (same depth from src/cli/commands and dist/cli/commands). */
export const BUNDLED_SAMPLES = fileURLToPath(new URL('../../../samples/wulong/', import.meta.url));

/** Ingest every sample (the gazette files, as `ingest` takes them from a directory) when the store holds no document. Returns files ingested. */
export async function seedIfEmpty(store: Store, dir = BUNDLED_SAMPLES): Promise<number> {
  if ((await store.counts()).documents > 0) return 0;
  const { files } = collectInputs([dir]);
  let documents = 0;
  for (const f of files) documents += (await store.ingest(await parseFile(f))).documents;
  const { relations, statuses } = await recomputeAll(store);
  process.stderr.write(`gongbao: empty database seeded from ${dir}: ${files.length} files, ${documents} documents, ${relations} relations, ${statuses} statuses\n`);
  return files.length;
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('seed an empty database with the bundled samples, then serve on $PORT or 3000')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (opts: { db?: string }) => {
      const store = await openStore({ db: opts.db });
      await seedIfEmpty(store);
      await serveStore(store, { port: parsePort(process.env.PORT), host: process.env.HOST ?? '0.0.0.0' });
    });
}
