/** /documents, /documents/:key, its original text and relations; /references/:key */
import { z } from 'zod';
import { LEGAL_STATUSES } from '../../domain/types.js';
import { toSummary, documentDetail, originalText, referenceDetail } from '../views/documents.js';
import { withoutUndefined } from '../views/search.js';
import { defineRoute, limitOffset } from './route.js';
import { DocumentDetail, DocumentPage, OriginalText, ReferenceDetail, Relations } from './schemas.js';

const KEY = { key: 'document id or 文号 in any spelling (URL-encoded), e.g. 武隆府办发〔2024〕17号' };

export const documentRoutes = [
  defineRoute({
    path: '/documents',
    tag: 'documents',
    summary: 'Documents (metadata only), filtered and sorted',
    query: z.object({
      year: z.coerce.number().int().min(1949).max(2100).optional().describe('year of 成文日期'),
      issuer: z.string().min(1).optional().describe('发文机关'),
      kind: z.string().min(1).optional().describe('文种'),
      status: z.enum(LEGAL_STATUSES).optional().describe('legal status'),
      issueId: z.string().min(1).optional().describe('issue id'),
      sort: z.enum(['signedOn', '-signedOn', 'docNumber', 'title']).default('-signedOn'),
      ...limitOffset(),
    }),
    response: DocumentPage,
    handler: async (store, q) => {
      const { total, items } = await store.listDocuments(withoutUndefined(q));
      return { total, limit: q.limit, offset: q.offset, items: items.map(toSummary) };
    },
  }),
  defineRoute({
    path: '/documents/:key',
    tag: 'documents',
    summary: 'One document: GB/T 9704 elements, body, tables, attachments, status with evidence, relations',
    params: KEY,
    response: DocumentDetail,
    notFound: 'document',
    maxAge: 300,
    handler: (store, _q, p) => documentDetail(store, p.key!),
  }),
  defineRoute({
    path: '/documents/:key/original',
    tag: 'documents',
    summary: 'The extracted text as it stood, artefacts included',
    params: KEY,
    response: OriginalText,
    notFound: 'document',
    maxAge: 3600,
    handler: (store, _q, p) => originalText(store, p.key!),
  }),
  defineRoute({
    path: '/documents/:key/relations',
    tag: 'documents',
    summary: 'Cites, cited-by, repeals, repealed-by… of one document',
    params: KEY,
    response: Relations,
    notFound: 'document',
    handler: async (store, _q, p) => (await documentDetail(store, p.key!))?.relations ?? null,
  }),
  defineRoute({
    path: '/references/:key',
    tag: 'documents',
    summary: 'A document known only by citation or repeal (not held): its status and who points at it',
    params: { key: '文号 or ref: key' },
    response: ReferenceDetail,
    notFound: 'reference',
    handler: (store, _q, p) => referenceDetail(store, p.key!),
  }),
];
