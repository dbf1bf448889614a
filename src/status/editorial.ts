/**
 * Keeping 解读 and 问答 true, and the editors' writes on them. After every status recomputation a
 * record resting on a document now 已废止/已失效/已修改/部分失效 becomes 待更新 with the evidence (and
 * leaves the public lists) unless an editor has already seen that status for it. Every write
 * here appends to the audit log with its author and time.
 */
import { UserError } from '../domain/errors.js';
import type { LegalStatus } from '../domain/types.js';
import type { EditorialStatus, InterpretationRecord, QaEntry, StaleMark } from '../store/editorial.js';
import type { Store, StoredStatus } from '../store/store.js';

const STALE_WHEN: ReadonlySet<LegalStatus> = new Set(['已废止', '已失效', '已修改', '部分失效']);
/** What the public sees. */
export const PUBLIC: EditorialStatus = 'published';

export type EditorialStore = Pick<Store, 'saveInterpretation' | 'getInterpretation' | 'listInterpretations' | 'saveQa' | 'getQa' | 'listQa' | 'appendAudit' | 'getStatus'>;

function staleMark<T extends InterpretationRecord | QaEntry>(r: T, statuses: ReadonlyMap<string, StoredStatus>, now: string): StaleMark | null {
  if (r.status === '待更新' || r.status === 'rejected') return null;
  for (const id of r.documentIds) {
    const s = statuses.get(id);
    if (!s || !STALE_WHEN.has(s.status) || r.acknowledged[id] === s.status) continue;
    return { documentId: id, status: s.status, since: s.since, evidence: s.evidence, previous: r.status, markedAt: now };
  }
  return null;
}

/** Mark every record resting on a repealed or amended document 待更新; returns how many changed. */
export async function markStale(store: Omit<EditorialStore, 'getStatus'>, statuses: readonly StoredStatus[], now = new Date().toISOString()): Promise<number> {
  const byId = new Map(statuses.map((s) => [s.documentId, s]));
  let n = 0;
  for (const r of await store.listInterpretations({ status: ['draft', 'published'] })) {
    const stale = staleMark(r, byId, now);
    if (!stale) continue;
    await store.saveInterpretation({ ...r, status: '待更新', stale, updatedAt: now });
    await store.appendAudit({ at: now, author: 'system', action: 'interpretation.stale', target: r.id, detail: { ...stale } });
    n++;
  }
  for (const e of await store.listQa({ status: ['draft', 'published'] })) {
    const stale = staleMark(e, byId, now);
    if (!stale) continue;
    await store.saveQa({ ...e, status: '待更新', stale, updatedAt: now });
    await store.appendAudit({ at: now, author: 'system', action: 'qa.stale', target: e.id, detail: { ...stale } });
    n++;
  }
  return n;
}

/** The document statuses an editor acting now has seen: acknowledged so they do not mark the record again. */
async function seen(store: Pick<Store, 'getStatus'>, documentIds: readonly string[]): Promise<Record<string, LegalStatus>> {
  const out: Record<string, LegalStatus> = {};
  for (const id of documentIds) {
    const s = await store.getStatus(id);
    if (s) out[id] = s.status;
  }
  return out;
}

export type QaReview = { action: 'approve' } | { action: 'reject'; reason?: string } | { action: 'edit'; question: string; answer: string; unit?: string | null };

/** An editor approves, edits or rejects a 问答 entry. An edit goes back to draft for approval. */
export async function reviewQa(store: EditorialStore, id: string, review: QaReview, author: string, now = new Date().toISOString()): Promise<QaEntry> {
  const e = await store.getQa(id);
  if (!e) throw new UserError(`no 问答 entry ${id}`);
  if (author.trim() === '') throw new UserError('the reviewer must be named');
  const acknowledged = { ...e.acknowledged, ...(await seen(store, e.documentIds)) };
  const base = { ...e, acknowledged, stale: null, reviewer: author.trim(), reviewedAt: now, updatedAt: now };
  const next: QaEntry =
    review.action === 'approve' ? { ...base, status: 'published' }
    : review.action === 'reject' ? { ...base, status: 'rejected' }
    : { ...base, status: 'draft', question: review.question.trim(), answer: review.answer.trim(), unit: review.unit === undefined ? e.unit : review.unit };
  if (next.question === '' || next.answer === '') throw new UserError('question and answer must not be empty');
  await store.saveQa(next);
  await store.appendAudit({ at: now, author: author.trim(), action: `qa.${review.action}`, target: id, detail: review.action === 'edit' ? { before: { question: e.question, answer: e.answer }, after: { question: next.question, answer: next.answer } } : { ...('reason' in review && review.reason ? { reason: review.reason } : {}), from: e.status } });
  return next;
}

export interface InterpretationInput {
  readonly id?: string;
  readonly title: string;
  readonly body: string;
  readonly form: InterpretationRecord['form'];
  readonly media: string[];
  readonly date: string | null;
  readonly documentIds: string[];
  readonly status: EditorialStatus;
}

/** Save (create or replace) a 解读; the editor acting is its author of record in the audit log. */
export async function saveInterpretation(store: EditorialStore, input: InterpretationInput, author: string, now = new Date().toISOString()): Promise<InterpretationRecord> {
  if (author.trim() === '') throw new UserError('the author must be named');
  if (input.title.trim() === '' || input.body.trim() === '') throw new UserError('a 解读 needs a title and a text');
  const old = input.id ? await store.getInterpretation(input.id) : null;
  const id = input.id ?? `jd-${Date.parse(now).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const r: InterpretationRecord = {
    id, title: input.title.trim(), body: input.body.trim(), form: input.form, media: input.media, author: old?.author ?? author.trim(), date: input.date,
    documentIds: input.documentIds, status: input.status, stale: null,
    acknowledged: { ...(old?.acknowledged ?? {}), ...(await seen(store, input.documentIds)) },
    createdAt: old?.createdAt ?? now, updatedAt: now,
  };
  await store.saveInterpretation(r);
  await store.appendAudit({ at: now, author: author.trim(), action: old ? 'interpretation.edit' : 'interpretation.create', target: id, detail: { title: r.title, status: r.status, documentIds: r.documentIds } });
  return r;
}
