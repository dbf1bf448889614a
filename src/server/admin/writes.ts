/**
 * The editors' writes, shared by the API (JSON) and the portal forms: review a 问答, create one,
 * save a 解读, correct a status. Input is checked with zod; the store functions append the audit
 * entry (author and time) of each write.
 */
import { z } from 'zod';
import { UserError } from '../../domain/errors.js';
import { LEGAL_STATUSES } from '../../domain/types.js';
import { correctStatus } from '../../status/corrections.js';
import { reviewQa, saveInterpretation } from '../../status/editorial.js';
import { EDITORIAL_STATUSES, INTERPRETATION_FORMS, type QaEntry } from '../../store/editorial.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../http.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const author = text(60).describe('the editor acting (recorded in the audit log)');

export const QaReviewBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), author }),
  z.object({ action: z.literal('reject'), author, reason: z.string().trim().max(500).optional() }),
  z.object({ action: z.literal('edit'), author, question: text(500), answer: text(5000), unit: z.string().trim().max(60).nullable().optional() }),
]);

export const QaCreateBody = z.object({
  author,
  question: text(500),
  answer: text(5000),
  unit: z.string().trim().max(60).nullable().default(null),
  document: text(100).describe('the document the answer rests on: id or 文号'),
  quote: z.string().trim().max(2000).default(''),
  paragraph: z.coerce.number().int().min(0).default(0),
});

export const InterpretationBody = z.object({
  author,
  id: z.string().trim().min(1).max(80).optional(),
  title: text(200),
  body: text(50_000),
  form: z.enum(INTERPRETATION_FORMS).default('文字'),
  media: z.array(z.string().trim().url().max(500)).max(20).default([]),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  documents: z.array(text(100)).max(20).default([]).describe('ids or 文号 of the documents it explains'),
  status: z.enum(EDITORIAL_STATUSES).default('published'),
});

export const CorrectionBody = z.object({
  author,
  status: z.enum(LEGAL_STATUSES),
  reason: text(500),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
});

/** UserError from the status code is the client's mistake: 404 for a missing record, else 400. */
async function asHttp<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UserError) throw new HttpError(/^no /.test(err.message) ? 404 : 400, /^no /.test(err.message) ? 'not-found' : 'bad-request', err.message);
    throw err;
  }
}

async function documentId(store: Store, key: string): Promise<string> {
  const d = await store.getDocument(key);
  if (!d) throw new HttpError(400, 'bad-request', `no stored document has the 文号 or id ${key}`);
  return d.id;
}

export const writes = {
  reviewQa: (store: Store, id: string, b: z.output<typeof QaReviewBody>) =>
    asHttp(() => reviewQa(store, id, b.action === 'edit' ? { action: 'edit', question: b.question, answer: b.answer, ...(b.unit !== undefined ? { unit: b.unit } : {}) } : b.action === 'reject' ? { action: 'reject', ...(b.reason ? { reason: b.reason } : {}) } : { action: 'approve' }, b.author)),

  createQa: async (store: Store, b: z.output<typeof QaCreateBody>, now = new Date().toISOString()) => {
    const doc = await store.getDocument(b.document);
    if (!doc) throw new HttpError(400, 'bad-request', `no stored document has the 文号 or id ${b.document}`);
    const e: QaEntry = {
      id: `qa-m${Date.parse(now).toString(36)}${Math.random().toString(36).slice(2, 6)}`, question: b.question, answer: b.answer, unit: b.unit, status: 'draft',
      reviewer: null, reviewedAt: null, clauses: [{ documentId: doc.id, docNumber: doc.docNumber, quote: b.quote, paragraph: b.paragraph }],
      documentIds: [doc.id], stale: null, acknowledged: {}, createdAt: now, updatedAt: now,
    };
    await store.saveQa(e);
    await store.appendAudit({ at: now, author: b.author, action: 'qa.create', target: e.id, detail: { question: e.question, document: doc.id } });
    return e;
  },

  saveInterpretation: async (store: Store, b: z.output<typeof InterpretationBody>) => {
    const documentIds: string[] = [];
    for (const d of b.documents) documentIds.push(await documentId(store, d));
    return asHttp(() => saveInterpretation(store, { ...(b.id ? { id: b.id } : {}), title: b.title, body: b.body, form: b.form, media: b.media, date: b.date, documentIds, status: b.status }, b.author));
  },

  correct: (store: Store, key: string, b: z.output<typeof CorrectionBody>) =>
    asHttp(async () => {
      const id = await correctStatus(store, key, { status: b.status, reason: b.reason, from: b.from ?? null }, b.author);
      return { documentId: id, status: (await store.getStatus(id))?.status ?? null };
    }),
};
