/** `gongbao serve [--port 3000] [--host 0.0.0.0] [--db path]`: the portal and the REST API. */
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { UserError } from '../../domain/errors.js';
import { recomputeIfOwed } from '../../status/recompute.js';
import { openStore } from '../../store/factory.js';
import type { Store } from '../../store/store.js';

export interface ServeOptions {
  port: number;
  host: string;
}

export function parsePort(value: string | undefined, fallback = 3000): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`port must be a number from 0 to 65535, got "${value}"`);
  return n;
}

/**
 * Listen until SIGINT/SIGTERM, then close the server and the store. Request logs go through pino
 * (LOG_LEVEL). GONGBAO_BASE_URL is the public address absolute URLs (feed, CSV) are made from;
 * GONGBAO_RATE_LIMIT caps search and API requests per client per minute (default 600, 0: off);
 * TRUST_PROXY=true behind a reverse proxy, so its X-Forwarded-For/Proto give the client and https.
 */
export async function serveStore(store: Store, opts: ServeOptions): Promise<FastifyInstance> {
  // Loaded here, not at the top: every other command starts without the web server's modules (0.5 s).
  const { buildServer, rateLimitFromEnv } = await import('../../server/app.js');
  const app = buildServer(store, {
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: process.env.TRUST_PROXY === 'true',
    rateLimit: rateLimitFromEnv(),
  });
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await app.listen({ port: opts.port, host: opts.host });
  } catch (err) {
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new UserError(`cannot listen on ${opts.host}:${opts.port} (${code})`);
    throw err;
  }
  return app;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the public portal and the REST API (/api/v1, OpenAPI at /api/v1/openapi.json, documentation at /api/docs)')
    .option('--port <port>', 'TCP port (default $PORT or 3000)')
    .option('--host <host>', 'address to listen on (default $HOST or 0.0.0.0)')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (opts: { port?: string; host?: string; db?: string }) => {
      const port = parsePort(opts.port ?? process.env.PORT);
      const store = await openStore({ db: opts.db, mustExist: true });
      // A recompute an ingest killed after its last commit still owes (src/store/*/derived.ts).
      await recomputeIfOwed(store);
      await serveStore(store, { port, host: opts.host ?? process.env.HOST ?? '0.0.0.0' });
    });
}
