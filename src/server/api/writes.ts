/**
 * The editors' writes under /api/v1: POST with a JSON body and `Authorization: Bearer
 * <GONGBAO_ADMIN_TOKEN>`. The bodies are the zod schemas that check them (admin/writes.ts, shared
 * with the /admin forms); the answers are the stored records as written.
 */
import { z } from 'zod';
import { EDITORIAL_STATUSES, INTERPRETATION_FORMS } from '../../store/editorial.js';
import { CorrectionBody, InterpretationBody, QaCreateBody, QaReviewBody, writes } from '../admin/writes.js';
import { defineRoute } from './route.js';
import { bodyRegistry, named, Status } from './schemas.js';

const nullableString = z.string().nullable();

const StaleMark = z
  .object({
    documentId: z.string(),
    status: Status,
    since: nullableString,
    evidence: z.array(z.object({ docNumber: nullableString, quote: z.string(), date: nullableString })),
    previous: z.enum(EDITORIAL_STATUSES),
    markedAt: z.string(),
  })
  .describe('why the record is 待更新: a document it rests on changed status');

const editorialRecord = {
  id: z.string(),
  status: z.enum(EDITORIAL_STATUSES),
  documentIds: z.array(z.string()).describe('stored documents the record rests on'),
  stale: StaleMark.nullable(),
  acknowledged: z.record(z.string(), Status).describe('document statuses an editor has seen (documentId → status)'),
  createdAt: z.string(),
  updatedAt: z.string(),
};

const QaRecord = named(
  'QaRecord',
  z.object({
    ...editorialRecord,
    question: z.string(),
    answer: z.string(),
    unit: nullableString,
    clauses: z.array(z.object({ documentId: z.string(), docNumber: nullableString, quote: z.string(), paragraph: z.number().int() })),
    reviewer: nullableString,
    reviewedAt: nullableString,
  }),
  'A 问答 entry as stored (any editorial status), the answer to a write.',
);

const InterpretationRecord = named(
  'InterpretationRecord',
  z.object({
    ...editorialRecord,
    title: z.string(),
    body: z.string(),
    form: z.enum(INTERPRETATION_FORMS),
    media: z.array(z.string()),
    author: z.string(),
    date: nullableString,
  }),
  'A 政策解读 as stored (any editorial status), the answer to a write.',
);

const CorrectionResult = named(
  'CorrectionResult',
  z.object({ documentId: z.string(), status: Status.nullable().describe('the status recomputed with the correction') }),
);

named('QaReview', QaReviewBody, 'approve, reject or edit (an edit goes back to draft)', bodyRegistry);
named('QaCreate', QaCreateBody, 'a new 问答 entry (a draft) resting on one clause of a stored document', bodyRegistry);
named('InterpretationSave', InterpretationBody, 'create a 解读, or replace the one with this id', bodyRegistry);
named('StatusCorrection', CorrectionBody, "an editor's correction of a document's legal status", bodyRegistry);

export const writeRoutes = [
  defineRoute({
    method: 'POST',
    auth: 'bearer',
    path: '/qa/:id/review',
    tag: 'editing',
    summary: 'Review a 问答 entry: approve (publish), reject, or edit it',
    params: { id: '问答 entry id' },
    body: QaReviewBody,
    response: QaRecord,
    notFound: '问答 entry',
    handler: (store, b, p) => writes.reviewQa(store, p.id!, b),
  }),
  defineRoute({
    method: 'POST',
    auth: 'bearer',
    path: '/qa',
    tag: 'editing',
    summary: 'Create a 问答 entry (a draft for review) resting on a clause of a stored document',
    body: QaCreateBody,
    response: QaRecord,
    created: true,
    handler: (store, b) => writes.createQa(store, b),
  }),
  defineRoute({
    method: 'POST',
    auth: 'bearer',
    path: '/interpretations',
    tag: 'editing',
    summary: 'Save a 政策解读 (text, images, video) for the documents it explains',
    body: InterpretationBody,
    response: InterpretationRecord,
    created: true,
    handler: (store, b) => writes.saveInterpretation(store, b),
  }),
  defineRoute({
    method: 'POST',
    auth: 'bearer',
    path: '/documents/:key/corrections',
    tag: 'editing',
    summary: "Correct a document's legal status (statuses are recomputed; 解读 and 问答 resting on it may become 待更新)",
    params: { key: 'document id or 文号, held or known by reference (URL-encoded)' },
    body: CorrectionBody,
    response: CorrectionResult,
    created: true,
    notFound: 'document',
    handler: (store, b, p) => writes.correct(store, p.key!, b),
  }),
];
