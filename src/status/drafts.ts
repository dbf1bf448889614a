/**
 * The drafts over the store: a document's 解读 with its held predecessor (what it replaces or
 * amends, or repeals under the same title: a new edition of a 禁火令), and the 问答 candidates of
 * every 规范性文件. Segmentation is the search Segmenter's, injected into the pure extractors.
 */
import { createHash } from 'node:crypto';
import type { OfficialDocument } from '../domain/types.js';
import { interpretDocument, type Interpretation } from '../extract/interpret.js';
import { suggestQa, type QaCandidate } from '../extract/qa.js';
import { Segmenter } from '../search/segment.js';
import type { QaEntry } from '../store/editorial.js';
import type { Store } from '../store/store.js';

let segmenter: Segmenter | null = null;
const cut = (text: string): string[] => (segmenter ??= new Segmenter()).cut(text);

const core = (title: string) => title.replace(/^.*?关于(?:印发)?/, '').replace(/[（(]修订稿?[）)]|的(?:通知|通告|决定|意见)$/g, '');

/** The held document this one replaces or amends; a repealed one only when it is the same instrument. */
export async function predecessorOf(store: Pick<Store, 'relations' | 'getDocument'>, doc: OfficialDocument): Promise<OfficialDocument | null> {
  const { outgoing } = await store.relations(doc.id);
  for (const r of outgoing) {
    if (r.verb === 'cites' || r.objectId.startsWith('ref:')) continue;
    const old = await store.getDocument(r.objectId);
    if (!old || old.id === doc.id) continue;
    if (r.verb === 'replaces' || r.verb === 'amends' || core(old.title) === core(doc.title)) return old;
  }
  return null;
}

export async function draftInterpretation(store: Pick<Store, 'relations' | 'getDocument'>, key: string): Promise<Interpretation | null> {
  const doc = await store.getDocument(key);
  if (!doc) return null;
  const previous = await predecessorOf(store, doc);
  return interpretDocument(doc, { cut, ...(previous ? { previous } : {}) });
}

/** 问答 candidates from every stored 规范性文件, in store order. */
export async function draftQa(store: Pick<Store, 'allDocuments' | 'getNormative' | 'relations' | 'getDocument'>): Promise<QaCandidate[]> {
  const out: QaCandidate[] = [];
  for await (const doc of store.allDocuments()) {
    if (!(await store.getNormative(doc.id))?.normative) continue;
    const previous = await predecessorOf(store, doc);
    out.push(...suggestQa(doc, interpretDocument(doc, previous ? { previous } : {})));
  }
  return out;
}

/** Stable id of a candidate: the same question on the same clause is the same entry. */
export function candidateId(c: QaCandidate): string {
  return `qa-${createHash('sha256').update(`${c.docNumber}\n${c.question}\n${c.quote}`).digest('hex').slice(0, 12)}`;
}

async function documentIdOf(store: Pick<Store, 'getDocument'>, docNumber: string | null): Promise<string | null> {
  return docNumber ? ((await store.getDocument(docNumber))?.id ?? null) : null;
}

/** New candidates become draft entries; one already stored (any status) is left as the editors left it. */
export async function saveCandidates(store: Store, candidates: readonly QaCandidate[], now = new Date().toISOString()): Promise<number> {
  let n = 0;
  for (const c of candidates) {
    const id = candidateId(c);
    if (await store.getQa(id)) continue;
    const documentId = (await documentIdOf(store, c.docNumber)) ?? c.docNumber ?? '';
    const e: QaEntry = {
      id, question: c.question, answer: c.answer, unit: c.unit, status: 'draft', reviewer: null, reviewedAt: null,
      clauses: [{ documentId, docNumber: c.docNumber, quote: c.quote, paragraph: c.paragraph }],
      documentIds: [documentId], stale: null, acknowledged: {}, createdAt: now, updatedAt: now,
    };
    await store.saveQa(e);
    await store.appendAudit({ at: now, author: 'qa suggest', action: 'qa.draft', target: id, detail: { docNumber: c.docNumber, kind: c.kind } });
    n++;
  }
  return n;
}
