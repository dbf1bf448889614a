/**
 * One table of API routes drives both the Fastify registration and the OpenAPI document, so an
 * endpoint cannot exist without a described response (and the contract test checks every one).
 * Reads are GETs with a query; the editors' writes are POSTs with a JSON body and a bearer token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { notFound, parseBody, parseQuery } from '../http.js';

interface RouteBase {
  /** Fastify path under /api/v1, e.g. /documents/:key */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: Record<string, string>;
  /** The success body (200, or 201 for a write that creates). */
  readonly response: z.ZodType;
  /** Null from a GET handler means 404 for the named thing. */
  readonly notFound?: string;
}

export interface GetRoute<Q extends z.ZodObject = z.ZodObject> extends RouteBase {
  readonly method?: 'GET';
  readonly query?: Q;
  /** How long clients and shared caches may keep the answer. */
  readonly maxAge?: number;
  readonly handler: (store: Store, query: z.output<Q>, params: Record<string, string>) => Promise<unknown>;
}

export interface PostRoute<B extends z.ZodType = z.ZodType> extends RouteBase {
  readonly method: 'POST';
  /** The JSON body, checked with this schema (400 naming the first bad field). */
  readonly body: B;
  /** 201 when the write creates a record. */
  readonly created?: boolean;
  /**
   * Only with `Authorization: Bearer <token>`: checked by the `authorize` the table is registered
   * with, before the body is read (401 without a valid token, 403 when writes are disabled).
   */
  readonly auth: 'bearer';
  readonly handler: (store: Store, body: z.output<B>, params: Record<string, string>) => Promise<unknown>;
}

export type ApiRoute = GetRoute | PostRoute;

export const API_PREFIX = '/api/v1';

export function defineRoute<Q extends z.ZodObject>(r: GetRoute<Q>): ApiRoute;
export function defineRoute<B extends z.ZodType>(r: PostRoute<B>): ApiRoute;
export function defineRoute(r: ApiRoute): ApiRoute {
  return r;
}

export const limitOffset = (max = 100, dflt = 20) => ({
  limit: z.coerce.number().int().min(1).max(max).default(dflt).describe(`page size (1–${max})`),
  offset: z.coerce.number().int().min(0).default(0).describe('items to skip'),
});

/** Throws an HttpError (401/403) unless the request may write. */
export type Authorize = (req: FastifyRequest, reply: FastifyReply) => void;

export function registerApiRoutes(app: FastifyInstance, store: Store, routes: readonly ApiRoute[], authorize?: Authorize): void {
  const json = (reply: FastifyReply, status: number, body: unknown) => reply.code(status).type('application/json; charset=utf-8').send(body);
  for (const r of routes) {
    const url = API_PREFIX + r.path;
    if (r.method === 'POST') {
      if (!authorize) throw new Error(`${url} needs an authorize check to be registered`);
      app.post(url, async (req, reply) => {
        reply.header('cache-control', 'no-store');
        authorize(req, reply);
        const body = await r.handler(store, parseBody(r.body, req.body), req.params as Record<string, string>);
        return json(reply, r.created ? 201 : 200, body);
      });
      continue;
    }
    app.get(url, async (req, reply) => {
      const query = r.query ? parseQuery(r.query, req.query) : {};
      const body = await r.handler(store, query, req.params as Record<string, string>);
      if (body === null) throw notFound(r.notFound ?? 'resource');
      reply.header('cache-control', `public, max-age=${r.maxAge ?? 60}`);
      return json(reply, 200, body);
    });
  }
}
