/** HTTP plumbing shared by API and pages: JSON errors, ETag / conditional GET, cache headers. */
import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** An error with an HTTP status and a stable machine code, rendered as {error:{code,message}}. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, 'not-found', `${what} not found`);

/** Parse a query string with a zod schema; a bad value is the client's mistake (400), not ours. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.output<T> {
  const r = schema.safeParse(query ?? {});
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first?.path.join('.') || 'query';
    throw new HttpError(400, 'bad-request', `${where}: ${first?.message ?? 'invalid'}`);
  }
  return r.data;
}

const wantsHtml = (req: FastifyRequest): boolean => !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');

export type SendError = (req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) => FastifyReply;

/** Error rendering: JSON for the API and non-browser clients, an HTML page for browsers. */
export function errorSender(htmlError: (status: number, message: string) => string): SendError {
  return (req, reply, status, code, message) => {
    reply.code(status).header('cache-control', 'no-store');
    // HTML or JSON by the Accept header: a cache must key on it.
    if (!req.url.startsWith('/api/')) reply.header('vary', 'Accept');
    if (wantsHtml(req)) return reply.type('text/html; charset=utf-8').send(htmlError(status, message));
    return reply.type('application/json; charset=utf-8').send({ error: { code, message } });
  };
}

export function installErrorHandling(app: FastifyInstance, send: SendError): void {
  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) return send(req, reply, err.statusCode, err.code, err.message);
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error(err);
    return send(req, reply, status, status === 500 ? 'internal' : 'bad-request', status === 500 ? 'internal server error' : err.message);
  });
  app.setNotFoundHandler((req, reply) => send(req, reply, 404, 'not-found', `no route for ${req.method} ${req.url.split('?')[0]}`));
}

/**
 * A weak ETag from the body of every successful GET, and 304 when the client already has it.
 * Routes set their own Cache-Control; the default lets shared caches keep pages for a minute.
 */
export function installConditionalGet(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `W/"${createHash('sha1').update(payload).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'public, max-age=60');
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
