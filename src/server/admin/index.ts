/**
 * The editors' side of the server: write endpoints under /api/v1 (Bearer token; the route table is
 * api/writes.ts, so the OpenAPI document describes them) and the /admin portal (session cookie +
 * CSRF token). Nothing here is reachable for writing without GONGBAO_ADMIN_TOKEN: with it unset
 * every write answers 403.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { HttpError } from '../http.js';
import { registerApiRoutes, type Authorize } from '../api/route.js';
import { writeRoutes } from '../api/writes.js';
import { adminAuth, bearer, type AdminAuth } from './auth.js';
import { registerAdminPortal } from './portal.js';

const requireToken =
  (auth: AdminAuth): Authorize =>
  (req, reply) => {
    if (!auth.enabled) throw new HttpError(403, 'writes-disabled', 'editing is not enabled on this server (GONGBAO_ADMIN_TOKEN is not set)');
    if (!auth.checkToken(bearer(req.headers.authorization))) {
      reply.header('www-authenticate', 'Bearer');
      throw new HttpError(401, 'unauthorized', 'a valid editor token is required (Authorization: Bearer <GONGBAO_ADMIN_TOKEN>)');
    }
  };

export function registerAdmin(app: FastifyInstance, store: Store, auth: AdminAuth = adminAuth()): void {
  registerApiRoutes(app, store, writeRoutes, requireToken(auth));
  registerAdminPortal(app, store, auth);
}
