/** The HTTP server: REST API under /api/v1 and the server-rendered portal, over one Store. */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Store } from '../store/store.js';
import { registerApi } from './api/index.js';
import { registerAssets } from './assets.js';
import { installConditionalGet, installErrorHandling } from './http.js';
import { errorPage } from './pages/layout.js';
import { registerPages } from './pages/index.js';

export interface ServerOptions {
  /** Fastify's pino logger options; off unless asked (tests stay quiet). */
  logger?: FastifyServerOptions['logger'];
}

export function buildServer(store: Store, opts: ServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: true });
  installErrorHandling(app, errorPage);
  installConditionalGet(app);
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // Everything is served from here: no CDN, no inline script.
    reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    return payload;
  });
  registerAssets(app);
  registerApi(app, store);
  registerPages(app, store);
  return app;
}
