/**
 * Page and API models of the editorial records: the public sees published 解读 and 问答 only, each
 * with links to the documents (and paragraphs) they rest on; the draft 解读 of a document links
 * every item to its paragraph.
 */
import type { Interpretation } from '../../extract/interpret.js';
import { draftInterpretation } from '../../status/drafts.js';
import type { EditorialFilter, InterpretationRecord, QaEntry } from '../../store/editorial.js';
import type { Store } from '../../store/store.js';
import { docUrl } from './urls.js';

export const interpretationUrl = (id: string): string => `/interpretations#${encodeURIComponent(id)}`;
export const qaUrl = (id: string): string => `/qa#${encodeURIComponent(id)}`;

export interface DocLinkV {
  id: string;
  docNumber: string | null;
  title: string | null;
  url: string;
}

async function docLinks(store: Store, ids: readonly string[]): Promise<DocLinkV[]> {
  const out: DocLinkV[] = [];
  for (const id of ids) {
    const d = (await store.listDocuments({ ids: [id], limit: 1 })).items[0];
    out.push({ id, docNumber: d?.docNumber ?? null, title: d?.title ?? null, url: docUrl(id) });
  }
  return out;
}

export interface InterpretationV {
  id: string;
  title: string;
  body: string;
  form: InterpretationRecord['form'];
  media: string[];
  author: string;
  date: string | null;
  status: InterpretationRecord['status'];
  documents: DocLinkV[];
  url: string;
}

export async function interpretationView(store: Store, r: InterpretationRecord): Promise<InterpretationV> {
  return { id: r.id, title: r.title, body: r.body, form: r.form, media: r.media, author: r.author, date: r.date, status: r.status, documents: await docLinks(store, r.documentIds), url: interpretationUrl(r.id) };
}

export interface QaV {
  id: string;
  question: string;
  answer: string;
  unit: string | null;
  status: QaEntry['status'];
  reviewer: string | null;
  reviewedAt: string | null;
  clauses: Array<{ docNumber: string | null; quote: string; paragraph: number; url: string }>;
  url: string;
}

export function qaView(e: QaEntry): QaV {
  return {
    id: e.id, question: e.question, answer: e.answer, unit: e.unit, status: e.status, reviewer: e.reviewer, reviewedAt: e.reviewedAt,
    clauses: e.clauses.map((c) => ({ docNumber: c.docNumber, quote: c.quote, paragraph: c.paragraph, url: `${docUrl(c.documentId)}#b${c.paragraph}` })),
    url: qaUrl(e.id),
  };
}

const page = <T>(all: T[], limit: number, offset: number) => ({ total: all.length, limit, offset, items: all.slice(offset, offset + limit) });

/** Published 解读, newest first. */
export async function interpretationPage(store: Store, f: Omit<EditorialFilter, 'status'>, limit: number, offset: number) {
  const p = page(await store.listInterpretations({ ...f, status: 'published' }), limit, offset);
  return { ...p, items: await Promise.all(p.items.map((r) => interpretationView(store, r))) };
}

/** Published 问答, newest first. */
export async function qaPage(store: Store, f: Omit<EditorialFilter, 'status'>, limit: number, offset: number) {
  const p = page(await store.listQa({ ...f, status: 'published' }), limit, offset);
  return { ...p, items: p.items.map(qaView) };
}

type Section = Interpretation['sections'][number];
export interface DraftInterpretationV extends Omit<Interpretation, 'sections'> {
  url: string;
  sections: Array<Omit<Section, 'items'> & { items: Array<Section['items'][number] & { url: string }> }>;
}

/** The draft 解读 of a held document, every item linked to its paragraph (a removed clause: to the old document). */
export async function draftView(store: Store, key: string): Promise<DraftInterpretationV | null> {
  const r = await draftInterpretation(store, key);
  if (!r) return null;
  const base = docUrl(r.documentId);
  return {
    ...r,
    url: `${base}/interpret`,
    sections: r.sections.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, url: `${i.docNumber ? docUrl(i.docNumber) : base}#b${i.paragraph}` })) })),
  };
}
