/** /documents/:key/interpretation (the draft 解读), /interpretations and /qa (published records only). */
import { z } from 'zod';
import { SECTION_NAMES } from '../../extract/interpret.js';
import { EDITORIAL_STATUSES, INTERPRETATION_FORMS } from '../../store/editorial.js';
import { draftView, interpretationPage, qaPage } from '../views/editorial.js';
import { defineRoute, limitOffset } from './route.js';
import { named } from './schemas.js';

const Item = z.object({
  text: z.string(),
  quote: z.string().describe('the clause, verbatim'),
  paragraph: z.number().int().min(0).describe('body block index: the document page anchor #b<N>'),
  url: z.string(),
  docNumber: z.string().optional().describe('set when the quote is from the predecessor (a removed clause)'),
  figure: z.object({ value: z.string(), unit: z.string(), kind: z.string() }).optional(),
  change: z.enum(['added', 'removed', 'changed']).optional(),
});
export const DraftInterpretationSchema = named('DraftInterpretation', z.object({
  docNumber: z.string().nullable(),
  documentId: z.string(),
  title: z.string(),
  url: z.string(),
  sections: z.array(z.object({ name: z.enum(SECTION_NAMES), items: z.array(Item) })),
}));
const DocLink = z.object({ id: z.string(), docNumber: z.string().nullable(), title: z.string().nullable(), url: z.string() });
export const InterpretationSchema = named('Interpretation', z.object({
  id: z.string(), title: z.string(), body: z.string(), form: z.enum(INTERPRETATION_FORMS), media: z.array(z.string()), author: z.string(),
  date: z.string().nullable(), status: z.enum(EDITORIAL_STATUSES), documents: z.array(DocLink), url: z.string(),
}));
export const QaSchema = named('QaEntry', z.object({
  id: z.string(), question: z.string(), answer: z.string(), unit: z.string().nullable(), status: z.enum(EDITORIAL_STATUSES),
  reviewer: z.string().nullable(), reviewedAt: z.string().nullable(),
  clauses: z.array(z.object({ docNumber: z.string().nullable(), quote: z.string(), paragraph: z.number().int(), url: z.string() })), url: z.string(),
}));
const pageOf = (id: string, item: z.ZodType) => named(id, z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(item) }));
const InterpretationPage = pageOf('InterpretationPage', InterpretationSchema);
const QaPage = pageOf('QaPage', QaSchema);

/** The published-records lists (解读, 问答) take the same query: by document, by text, a page. */
const recordQuery = (textIn: string) =>
  z.object({ document: z.string().min(1).optional().describe('document id'), q: z.string().min(1).max(100).optional().describe(textIn), ...limitOffset(100, 20) });
const recordFilter = (q: { document?: string | undefined; q?: string | undefined }) => ({ ...(q.document ? { documentId: q.document } : {}), ...(q.q ? { q: q.q } : {}) });

export const editorialRoutes = [
  defineRoute({
    path: '/documents/:key/interpretation',
    tag: 'interpretation',
    summary: 'Draft 政策解读 of a document: 出台背景, 出台目的, 核心举措, 适用对象和范围, 执行标准, 关键词, 专业名词, 新旧文件差异对比 — each item with its verbatim clause and paragraph',
    params: { key: 'document id or 文号 in any spelling (URL-encoded)' },
    response: DraftInterpretationSchema,
    maxAge: 300,
    notFound: 'document',
    handler: (store, _q, p) => draftView(store, p.key!),
  }),
  defineRoute({
    path: '/interpretations',
    tag: 'interpretation',
    summary: 'Published 政策解读 (text, images, video) with the documents they explain; newest first',
    query: recordQuery('text in the title or body'),
    response: InterpretationPage,
    handler: (store, q) => interpretationPage(store, recordFilter(q), q.limit, q.offset),
  }),
  defineRoute({
    path: '/qa',
    tag: 'interpretation',
    summary: 'The 政策咨询问答库: published questions and answers, each with the clauses it rests on; newest first',
    query: recordQuery('text in the question or answer'),
    response: QaPage,
    handler: (store, q) => qaPage(store, recordFilter(q), q.limit, q.offset),
  }),
];
