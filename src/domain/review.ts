/**
 * 待核对: the fields the reader is unsure of, for an editor to check. A document read off a page
 * carries a confidence per field (FieldConfidence); below REVIEW_THRESHOLD the reader adds a
 * `review-<field>` warning, which every store keeps with the document, so the review list
 * (`gongbao verify`, the portal's 待核对 page) needs no storage of its own.
 */
import type { FieldConfidence, OfficialDocument, Warning } from './types.js';

export const REVIEW_THRESHOLD = 0.7;

export type ReviewField = keyof FieldConfidence;

const LABEL: Record<ReviewField, string> = { docNumber: '文号', title: '标题', signedOn: '成文日期' };

/** The review warnings for a document's confidence: one per field below the threshold. */
export function reviewWarnings(c: FieldConfidence, values: { docNumber: string | null; title: string; signedOn: string | null }, why: Partial<Record<ReviewField, string>> = {}): Warning[] {
  return (Object.keys(LABEL) as ReviewField[])
    .filter((f) => c[f] < REVIEW_THRESHOLD)
    .map((f) => {
      const v = values[f];
      const shown = v ? `读作 ${v}` : '未找到';
      return { code: `review-${f}`, message: `待核对 ${LABEL[f]}：${shown}（把握 ${c[f].toFixed(1)}）${why[f] ? `，${why[f]}` : ''}` };
    });
}

export interface ReviewItem {
  readonly documentId: string;
  readonly title: string;
  readonly field: ReviewField;
  readonly message: string;
}

/** The 待核对 items of a document (from its stored warnings). */
export function reviewItems(doc: Pick<OfficialDocument, 'id' | 'title' | 'warnings'>): ReviewItem[] {
  return doc.warnings
    .filter((w) => w.code.startsWith('review-'))
    .map((w) => ({ documentId: doc.id, title: doc.title, field: w.code.slice('review-'.length) as ReviewField, message: w.message }));
}
