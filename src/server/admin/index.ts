/**
 * The editors' side of the server: write endpoints under /api/v1 (Bearer token) and the /admin
 * portal (session cookie + CSRF token). Nothing here is reachable for writing without
 * GONGBAO_ADMIN_TOKEN: with it unset every write answers 403.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import { HttpError } from '../http.js';
import { adminAuth, bearer, type AdminAuth } from './auth.js';
import { registerAdminPortal } from './portal.js';
import { CorrectionBody, InterpretationBody, parseBody, QaCreateBody, QaReviewBody, writes } from './writes.js';

function requireToken(auth: AdminAuth, req: FastifyRequest, reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
  if (!auth.enabled) throw new HttpError(403, 'writes-disabled', 'editing is not enabled on this server (GONGBAO_ADMIN_TOKEN is not set)');
  if (!auth.checkToken(bearer(req.headers.authorization))) {
    reply.header('www-authenticate', 'Bearer');
    throw new HttpError(401, 'unauthorized', 'a valid editor token is required (Authorization: Bearer <GONGBAO_ADMIN_TOKEN>)');
  }
}

export function registerAdmin(app: FastifyInstance, store: Store, auth: AdminAuth = adminAuth()): void {
  const json = (reply: FastifyReply, status: number, body: unknown) => reply.code(status).type('application/json; charset=utf-8').send(body);
  app.post<{ Params: { id: string } }>('/api/v1/qa/:id/review', async (req, reply) => {
    requireToken(auth, req, reply);
    return json(reply, 200, await writes.reviewQa(store, req.params.id, parseBody(QaReviewBody, req.body)));
  });
  app.post('/api/v1/qa', async (req, reply) => {
    requireToken(auth, req, reply);
    return json(reply, 201, await writes.createQa(store, parseBody(QaCreateBody, req.body)));
  });
  app.post('/api/v1/interpretations', async (req, reply) => {
    requireToken(auth, req, reply);
    return json(reply, 201, await writes.saveInterpretation(store, parseBody(InterpretationBody, req.body)));
  });
  app.post<{ Params: { key: string } }>('/api/v1/documents/:key/corrections', async (req, reply) => {
    requireToken(auth, req, reply);
    return json(reply, 201, await writes.correct(store, req.params.key, parseBody(CorrectionBody, req.body)));
  });
  registerAdminPortal(app, store, auth);
}
