/**
 * An editor's status correction from the portal or the API: the same event `gongbao correct`
 * stores, then statuses recomputed (which may turn 解读 and 问答 待更新), and an audit entry.
 */
import { UserError } from '../domain/errors.js';
import { LEGAL_STATUSES, type LegalStatus } from '../domain/types.js';
import type { Store } from '../store/store.js';
import { checkDate, findSubject } from './lookup.js';
import { loadWorld, recomputeAll } from './recompute.js';

export interface CorrectionInput {
  readonly status: string;
  readonly reason: string;
  readonly from?: string | null;
}

export async function correctStatus(store: Store, key: string, c: CorrectionInput, author: string, now = new Date().toISOString()): Promise<string> {
  if (!(LEGAL_STATUSES as readonly string[]).includes(c.status)) throw new UserError(`status: expected one of ${LEGAL_STATUSES.join('、')}, got ${c.status}`);
  if (author.trim() === '' || c.reason.trim() === '') throw new UserError('author and reason must not be empty');
  const from = c.from ? checkDate(c.from, 'from') : null;
  const id = await findSubject(store, await loadWorld(store), key);
  await store.addCorrection({ documentId: id, status: c.status as LegalStatus, effectiveFrom: from, author: author.trim(), reason: c.reason.trim(), createdAt: now });
  await store.appendAudit({ at: now, author: author.trim(), action: 'status.correct', target: id, detail: { status: c.status, from, reason: c.reason.trim() } });
  await recomputeAll(store);
  return id;
}
