/**
 * Editorial records beside the documents: 政策解读 (interpretations), 问答库 entries and the audit
 * log of every editor's write. Part of the Store contract (store.ts); both backends keep each
 * record as one JSON value plus the columns they filter on (status, linked documents).
 */
import type { LegalStatus } from '../domain/types.js';

/** draft → published; 待更新 when a document it rests on was repealed or amended; rejected by an editor. */
export const EDITORIAL_STATUSES = ['draft', 'published', '待更新', 'rejected'] as const;
export type EditorialStatus = (typeof EDITORIAL_STATUSES)[number];

export const INTERPRETATION_FORMS = ['文字', '图文', '视频'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];

/** Why a record became 待更新: the document's new status and the evidence the status code gave. */
export interface StaleMark {
  readonly documentId: string;
  readonly status: LegalStatus;
  readonly since: string | null;
  readonly evidence: Array<{ docNumber: string | null; quote: string; date: string | null }>;
  /** What the record's status was before (an editor restores or rejects it). */
  readonly previous: EditorialStatus;
  readonly markedAt: string;
}

interface EditorialRecord {
  readonly id: string;
  readonly status: EditorialStatus;
  /** Stored document ids the record rests on. */
  readonly documentIds: string[];
  readonly stale: StaleMark | null;
  /**
   * Document statuses an editor has seen and accepted (documentId → status): a repeal already
   * acknowledged does not mark the record 待更新 again on the next recomputation.
   */
  readonly acknowledged: Record<string, LegalStatus>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface InterpretationRecord extends EditorialRecord {
  readonly title: string;
  readonly body: string;
  readonly form: InterpretationForm;
  /** Links to images or video (图文/视频). */
  readonly media: string[];
  readonly author: string;
  /** YYYY-MM-DD */
  readonly date: string | null;
}

/** A clause an answer rests on. */
export interface QaClause {
  readonly documentId: string;
  readonly docNumber: string | null;
  readonly quote: string;
  readonly paragraph: number;
}

export interface QaEntry extends EditorialRecord {
  readonly question: string;
  readonly answer: string;
  readonly clauses: QaClause[];
  /** The unit that answers (区林业局, 区政府办公室…), never a person. */
  readonly unit: string | null;
  readonly reviewer: string | null;
  readonly reviewedAt: string | null;
}

export interface EditorialFilter {
  readonly documentId?: string;
  readonly status?: EditorialStatus | EditorialStatus[];
  /** Substring of the question/answer (Q&A) or title/body (解读). */
  readonly q?: string;
}

export interface AuditEntry {
  readonly at: string;
  readonly author: string;
  /** e.g. qa.approve, qa.edit, qa.reject, interpretation.save, status.correct, editorial.stale */
  readonly action: string;
  /** The record or document acted on. */
  readonly target: string;
  readonly detail: Record<string, unknown>;
}

/** The text a record is found by (question and answer, or title and body). */
export function editorialText(r: InterpretationRecord | QaEntry): string {
  return 'question' in r ? `${r.question}\n${r.answer}` : `${r.title}\n${r.body}`;
}
