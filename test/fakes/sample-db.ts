/**
 * The real sample database the portal tests run on: every file under samples/wulong/ parsed,
 * ingested into a throwaway SQLite file, relations and statuses computed — what `gongbao start`
 * builds on first run.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/factory.js';
import type { Store } from '../../src/store/store.js';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import { recomputeAll } from '../../src/status/recompute.js';

export const SAMPLES_DIR = new URL('../../samples/wulong/', import.meta.url);

/** A Store over a fresh copy of the sample database; close() also deletes the file. */
export async function openSampleStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-portal-'));
  const store = await openStore({ db: join(dir, 'samples.db') });
  // The gazettes only, as `gongbao start` seeds them: a .meta.json sidecar is read beside its file, not as one.
  for (const f of readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    await store.ingest(await parseFile(new URL(f, SAMPLES_DIR).pathname));
  }
  await recomputeAll(store);
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return store;
}

/** A test file's before/after: the sample store and a server over it, both closed at the end. */
export function withSampleServer(use: (store: Store, app: FastifyInstance) => void): void {
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  before(async () => {
    store = await openSampleStore();
    app = buildServer(store);
    use(store, app);
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });
}
