/**
 * What a public server owes its readers beyond content: absolute URLs from configuration (a
 * client's Host header must not end up in publicly cached feeds), a rate limit on the expensive
 * endpoints (search, the API), and HSTS once a reader has reached us over https.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { UserError } from '../domain/errors.js';
import { HttpError } from './http.js';

/**
 * The site's public address (GONGBAO_BASE_URL, e.g. https://gb.wulong.gov.cn) without a trailing
 * slash, or '' when none is configured — then links are relative and nothing comes from Host.
 */
export function baseUrlOf(value: string | undefined): string {
  const v = (value ?? '').trim();
  if (v === '') return '';
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new UserError(`GONGBAO_BASE_URL must be an http(s) URL such as https://gb.example.gov.cn, got "${v}"`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UserError(`GONGBAO_BASE_URL must be an http(s) URL, got "${v}"`);
  return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
}

export interface RateLimit {
  /** Requests per client address per window. */
  readonly max: number;
  readonly timeWindowMs: number;
}

/** `serve`'s limit: GONGBAO_RATE_LIMIT requests per minute per client (default 600; 0 turns it off). */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimit | null {
  const raw = env.GONGBAO_RATE_LIMIT?.trim() || '600';
  const max = Number(raw);
  if (!Number.isInteger(max) || max < 0) throw new UserError(`GONGBAO_RATE_LIMIT must be a whole number of requests per minute (0: no limit), got "${raw}"`);
  return max === 0 ? null : { max, timeWindowMs: 60_000 };
}

/** Search (page and API) and the whole API: what costs a query per request. */
const limited = (url: string): boolean => url.startsWith('/api/') || url === '/search' || url.startsWith('/search?');

export function installRateLimit(app: FastifyInstance, limit: RateLimit): void {
  app.register(rateLimit, {
    global: false,
    // Thrown, so the error handler answers in the API's JSON shape, or as a page for browsers.
    errorResponseBuilder: (_req, ctx) => new HttpError(429, 'rate-limited', `too many requests: at most ${ctx.max} in ${ctx.after}; try again later`),
  });
  let check: onRequestHookHandler | null = null;
  app.addHook('onRequest', function (req, reply, done) {
    if (!limited(req.url)) return done();
    // The plugin's decorator exists once the app is ready, which it is by the first request.
    check ??= (app as FastifyInstance & { rateLimit(o: object): onRequestHookHandler }).rateLimit({ max: limit.max, timeWindow: limit.timeWindowMs });
    return check.call(this, req, reply, done);
  });
}

/**
 * HSTS only where the reader came over https (directly, or via a trusted proxy's
 * X-Forwarded-Proto): sent over plain http it would be ignored, and sent from a test or intranet
 * http server it would be wrong. No includeSubDomains: a county's other hosts are not ours to pin.
 */
export function hsts(req: FastifyRequest, reply: FastifyReply): void {
  if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
}
