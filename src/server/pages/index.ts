/** Server-rendered portal routes; every page works without JavaScript. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LEGAL_STATUSES } from '../../domain/types.js';
import type { Store } from '../../store/store.js';
import { LibraryQuery } from '../api/library.js';
import { limitOffset } from '../api/route.js';
import { SearchQuerySchema } from '../api/search.js';
import { notFound, parseQuery } from '../http.js';
import { canonicalDocUrl, originalText, sha256 } from '../views/documents.js';
import { libraryCsv, libraryRows } from '../views/library.js';
import { canonicalUnit } from '../views/units.js';
import { unitUrl } from '../views/urls.js';
import { docNotFoundPage, documentPage } from './document.js';
import { lookupDocNumber } from '../views/lookup.js';
import { documentsPage } from './documents.js';
import { interpretationsPage, interpretTabPage, qaListPage } from './editorial.js';
import { atomFeed } from './feed.js';
import { homePage } from './home.js';
import { indicatorsPage } from './indicators.js';
import { issuePage, issuesPage } from './issues.js';
import { libraryPageHtml } from './library.js';
import { reviewPage } from './review.js';
import { searchPage } from './search.js';
import { unitPage, unitsPage } from './units.js';

const sendHtml = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);

/** Absolute URLs for the feed and the CSV, from the Host the client used. */
const origin = (req: FastifyRequest): string => `${req.protocol}://${req.host}`;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const IndicatorsQuery = z.object({
  indicator: z.string().min(1).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  ...limitOffset(100, 20),
});

const DocumentsQuery = z.object({
  kind: z.string().min(1).optional(),
  status: z.enum(LEGAL_STATUSES).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  issuer: z.string().min(1).optional(),
  ...limitOffset(100, 20),
});

export function registerPages(app: FastifyInstance, store: Store): void {
  app.get('/', async (_req, reply) => sendHtml(reply, await homePage(store)));
  app.get('/issues', async (_req, reply) => sendHtml(reply, await issuesPage(store)));
  app.get('/review', async (_req, reply) => sendHtml(reply, await reviewPage(store)));
  app.get<{ Params: { id: string } }>('/issues/:id', async (req, reply) => sendHtml(reply, await issuePage(store, req.params.id)));
  app.get('/documents', async (req, reply) => sendHtml(reply, await documentsPage(store, parseQuery(DocumentsQuery, req.query))));
  app.get<{ Params: { key: string }; Querystring: { view?: string } }>('/doc/:key', async (req, reply) => {
    // One address per document: other spellings of its 文号 (or its id) redirect to the canonical one.
    const [path, qs] = req.url.split('?', 2) as [string, string | undefined];
    const canonical = await canonicalDocUrl(store, req.params.key);
    if (canonical && safeDecode(canonical) !== safeDecode(path)) return reply.redirect(canonical + (qs ? `?${qs}` : ''), 301);
    if (canonical) return sendHtml(reply, await documentPage(store, req.params.key, req.query.view));
    // Not a spelling of anything known: a variant (the 目录's 文号) shows its document and says why.
    const found = await lookupDocNumber(store, req.params.key);
    if (found) return sendHtml(reply, await documentPage(store, found.id, req.query.view, found.note));
    reply.code(404).header('cache-control', 'no-store');
    return sendHtml(reply, await docNotFoundPage(store, req.params.key));
  });
  app.get<{ Params: { key: string } }>('/doc/:key/original.txt', async (req, reply) => {
    // The text exactly as extracted from the received file; its SHA-256 is printed on the document page.
    const doc = await originalText(store, req.params.key);
    if (!doc) throw notFound('document');
    const name = `${(doc.id).replace(/[\\/:*?"<>|\s]/g, '_')}.txt`;
    reply.header('content-disposition', `attachment; filename="original.txt"; filename*=UTF-8''${encodeURIComponent(name)}`);
    reply.header('x-content-sha256', sha256(doc.originalText));
    return reply.type('text/plain; charset=utf-8').send(doc.originalText);
  });
  app.get('/search', async (req, reply) => {
    reply.header('cache-control', 'public, max-age=30');
    return sendHtml(reply, await searchPage(store, parseQuery(SearchQuerySchema, req.query)));
  });
  app.get('/library', async (req, reply) => {
    const q = parseQuery(LibraryQuery, req.query);
    return sendHtml(reply, await libraryPageHtml(store, q.tab, q.sort, q.limit, q.offset));
  });
  app.get('/library.csv', async (req, reply) => {
    const q = parseQuery(LibraryQuery, req.query);
    const rows = await libraryRows(store, q.tab, q.sort);
    reply.header('content-disposition', `attachment; filename="library-${q.tab}.csv"`);
    return reply.type('text/csv; charset=utf-8').send(libraryCsv(rows, origin(req)));
  });
  app.get('/units', async (_req, reply) => sendHtml(reply, await unitsPage(store)));
  app.get<{ Params: { name: string } }>('/units/:name', async (req, reply) => {
    // One address per unit: other spellings (区人社局, 重慶市…) redirect to the canonical name.
    const canonical = canonicalUnit(req.params.name);
    if (canonical !== req.params.name) return reply.redirect(unitUrl(canonical), 301);
    return sendHtml(reply, await unitPage(store, req.params.name));
  });
  app.get('/indicators', async (req, reply) => sendHtml(reply, await indicatorsPage(store, parseQuery(IndicatorsQuery, req.query))));
  const EditorialQuery = z.object({ q: z.string().max(100).default(''), ...limitOffset(100, 20) });
  app.get<{ Params: { key: string } }>('/doc/:key/interpret', async (req, reply) => sendHtml(reply, await interpretTabPage(store, req.params.key)));
  app.get('/interpretations', async (req, reply) => {
    const q = parseQuery(EditorialQuery, req.query);
    reply.header('cache-control', 'no-cache');
    return sendHtml(reply, await interpretationsPage(store, q.limit, q.offset));
  });
  app.get('/qa', async (req, reply) => {
    const q = parseQuery(EditorialQuery, req.query);
    reply.header('cache-control', 'no-cache');
    return sendHtml(reply, await qaListPage(store, q.q.trim(), q.limit, q.offset));
  });
  app.get('/feed.atom', async (req, reply) => reply.type('application/atom+xml; charset=utf-8').send(await atomFeed(store, origin(req))));
}
