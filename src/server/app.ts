/** The HTTP server: REST API under /api/v1 and the server-rendered portal, over one Store. */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { publishedStore } from '../store/published.js';
import type { Store } from '../store/store.js';
import { registerAdmin } from './admin/index.js';
import { adminAuth } from './admin/auth.js';
import { registerApi } from './api/index.js';
import { registerAssets } from './assets.js';
import { clientErrorHandler, errorSender, installConditionalGet, installErrorHandling } from './http.js';
import { errorPage } from './pages/layout.js';
import { registerPages } from './pages/index.js';

export interface ServerOptions {
  /** Fastify's pino logger options; off unless asked (tests stay quiet). */
  logger?: FastifyServerOptions['logger'];
  /** Believe X-Forwarded-Proto/Host (only behind a reverse proxy): they set the feed's absolute URLs. */
  trustProxy?: boolean;
  /** The editors' token; default $GONGBAO_ADMIN_TOKEN. Empty: every write is refused. */
  adminToken?: string;
}

export function buildServer(stored: Store, opts: ServerOptions = {}): FastifyInstance {
  // Everything served is the published (de-identified) text.
  const store = publishedStore(stored);
  const sendError = errorSender(errorPage);
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.trustProxy ?? false,
    // A pasted 2,000-character query is ~18 KB of URL: Node's 16 KB default would answer a bare 431.
    http: { maxHeaderSize: 64 * 1024 },
    clientErrorHandler: clientErrorHandler(errorPage),
    // Malformed URLs and the like: the same {error:{code,message}} (or HTML page) as our own errors.
    frameworkErrors: (err, req, reply) => sendError(req, reply, 400, 'bad-request', err.message),
  });
  installErrorHandling(app, sendError);
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
  // Editors write to the stored data (a correction recomputes relations from the text as printed);
  // what they read back there (问答 drafts) never names a private person (src/extract/qa-privacy.ts).
  registerAdmin(app, stored, adminAuth(opts.adminToken ?? process.env.GONGBAO_ADMIN_TOKEN));
  return app;
}
