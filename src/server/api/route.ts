/**
 * One table of API routes drives both the Fastify registration and the OpenAPI document, so an
 * endpoint cannot exist without a described response (and the contract test checks every one).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { notFound, parseQuery } from '../http.js';

export interface ApiRoute<Q extends z.ZodObject = z.ZodObject> {
  /** Fastify path under /api/v1, e.g. /documents/:key */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: Record<string, string>;
  readonly query?: Q;
  readonly response: z.ZodType;
  /** How long clients and shared caches may keep the answer. */
  readonly maxAge?: number;
  /** Null means 404 for the named thing. */
  readonly handler: (store: Store, query: z.output<Q>, params: Record<string, string>) => Promise<unknown>;
  readonly notFound?: string;
}

export const API_PREFIX = '/api/v1';

export function defineRoute<Q extends z.ZodObject>(r: ApiRoute<Q>): ApiRoute {
  return r as unknown as ApiRoute;
}

export const limitOffset = (max = 100, dflt = 20) => ({
  limit: z.coerce.number().int().min(1).max(max).default(dflt).describe(`page size (1–${max})`),
  offset: z.coerce.number().int().min(0).default(0).describe('items to skip'),
});

export function registerApiRoutes(app: FastifyInstance, store: Store, routes: readonly ApiRoute[]): void {
  for (const r of routes) {
    app.get(API_PREFIX + r.path, async (req, reply) => {
      const query = r.query ? parseQuery(r.query, req.query) : {};
      const body = await r.handler(store, query, req.params as Record<string, string>);
      if (body === null) throw notFound(r.notFound ?? 'resource');
      reply.header('cache-control', `public, max-age=${r.maxAge ?? 60}`);
      return reply.type('application/json; charset=utf-8').send(body);
    });
  }
}
