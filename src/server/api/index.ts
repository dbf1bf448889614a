/**
 * Everything under /api/v1: the route table, its registration and the OpenAPI document. The
 * editors' writes (writes.ts) are registered by admin/index.ts, which holds the token check, and
 * described here with the rest.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { documentRoutes } from './documents.js';
import { editorialRoutes } from './editorial.js';
import { issueRoutes } from './issues.js';
import { libraryRoutes } from './library.js';
import { registerApiDocs } from './docs.js';
import { buildOpenApi } from './openapi.js';
import { registerRoutes } from './registers.js';
import { API_PREFIX, registerApiRoutes } from './route.js';
import { searchRoutes } from './search.js';
import { writeRoutes } from './writes.js';

export const API_ROUTES = [...issueRoutes, ...documentRoutes, ...searchRoutes, ...libraryRoutes, ...registerRoutes, ...editorialRoutes];

export function registerApi(app: FastifyInstance, store: Store): void {
  registerApiRoutes(app, store, API_ROUTES);
  const doc = buildOpenApi([...API_ROUTES, ...writeRoutes]);
  app.get(`${API_PREFIX}/openapi.json`, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return reply.type('application/json; charset=utf-8').send(doc);
  });
  registerApiDocs(app, doc);
}
