/** Debian's chromium for the browser tests: where it is, how it is started, where screenshots go. */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import { openSampleStore } from '../fakes/sample-db.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SHOTS = new URL('../../test-results/', import.meta.url).pathname;

// In CI a missing browser is a failure, not a skip.
export const skipBrowser: string | false =
  !existsSync(CHROMIUM) && process.env.CI !== 'true' ? `${CHROMIUM} not installed (apt-get install chromium); browser tests skipped` : false;

export interface Portal {
  readonly store: Store;
  readonly base: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** The sample database served on a free port, and chromium launched to browse it. */
export async function launchPortal(opts: ServerOptions = {}): Promise<Portal> {
  mkdirSync(SHOTS, { recursive: true });
  const store = await openSampleStore();
  const app = buildServer(store, opts);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return {
    store, browser, base: `http://127.0.0.1:${port}`,
    close: async () => {
      await browser.close();
      await app.close();
      await store.close();
    },
  };
}
