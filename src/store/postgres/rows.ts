/** Rows ↔ domain objects. The column lists live here so each query selects the same shape. */
import type { DocKind, LegalStatus, OfficialDocument, Publicity } from '../../domain/types.js';
import type { DocumentSummary, Relation, RelationVerb, StatusCorrection, StoredIssue, StoredStatus } from '../store.js';

/** The effective status: the computed one, else 未知 (a document nobody has judged yet). */
export const STATUS_SQL = `coalesce(s.status, '未知')`;

export const SUMMARY_COLUMNS = `d.id, d.doc_number, d.title, d.issuer, d.kind, d.signed_on, d.issue_id, ${STATUS_SQL} AS status`;

export interface SummaryRow {
  id: string;
  doc_number: string | null;
  title: string;
  issuer: string | null;
  kind: string | null;
  signed_on: string | null;
  issue_id: string | null;
  status: string;
}

export function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    docNumber: r.doc_number,
    title: r.title,
    issuer: r.issuer,
    kind: r.kind,
    signedOn: r.signed_on,
    issueId: r.issue_id,
    status: r.status as LegalStatus,
  };
}

export const DOCUMENT_COLUMNS = `d.id, d.doc_number, d.title, d.issuer, d.kind, d.addressees, d.signed_on, d.publicity,
  d.pages, d.attachments, d.cites, d.warnings, c.body, c.tables, c.text, c.simplified_text, c.original_text`;

export function toDocument(r: Record<string, unknown>): OfficialDocument {
  const doc: OfficialDocument = {
    id: r.id as string,
    docNumber: r.doc_number as string | null,
    title: r.title as string,
    issuer: r.issuer as string | null,
    kind: r.kind as DocKind | null,
    addressees: r.addressees as string | null,
    signedOn: r.signed_on as string | null,
    publicity: r.publicity as Publicity | null,
    attachments: r.attachments as OfficialDocument['attachments'],
    body: r.body as OfficialDocument['body'],
    tables: r.tables as OfficialDocument['tables'],
    cites: r.cites as OfficialDocument['cites'],
    warnings: r.warnings as OfficialDocument['warnings'],
    text: r.text as string,
    originalText: r.original_text as string,
  };
  // Optional fields stay absent rather than undefined/null, as the parser emits them.
  const extra: { simplifiedText?: string; pages?: OfficialDocument['pages'] } = {};
  if (r.simplified_text != null) extra.simplifiedText = r.simplified_text as string;
  if (r.pages != null) extra.pages = r.pages as OfficialDocument['pages'];
  return { ...doc, ...extra };
}

export const ISSUE_COLUMNS = `i.id, i.title, i.year, i.number, i.total_number, i.published_on, i.contents, i.index_entries,
  e.source_file, e.sha256, e.ingested_at, e.document_ids, e.warnings`;

export function toIssue(r: Record<string, unknown>): StoredIssue {
  return {
    id: r.id as string,
    title: r.title as string,
    year: r.year as number | null,
    number: r.number as number | null,
    totalNumber: r.total_number as number | null,
    publishedOn: r.published_on as string | null,
    contents: r.contents as StoredIssue['contents'],
    index: r.index_entries as StoredIssue['index'],
    sourceFile: r.source_file as string,
    sha256: r.sha256 as string,
    ingestedAt: (r.ingested_at as Date).toISOString(),
    documentIds: r.document_ids as string[],
    warnings: r.warnings as StoredIssue['warnings'],
  };
}

export const RELATION_COLUMNS = `subject_id, verb, object_id, object_doc_number, object_title, date, quote, reason, block`;

export function toRelation(r: Record<string, unknown>): Relation {
  return {
    subjectId: r.subject_id as string,
    verb: r.verb as RelationVerb,
    objectId: r.object_id as string,
    objectDocNumber: r.object_doc_number as string | null,
    objectTitle: r.object_title as string | null,
    date: r.date as string | null,
    quote: r.quote as string,
    reason: r.reason as string | null,
    block: r.block as number | null,
  };
}

export function toStatus(r: Record<string, unknown>): StoredStatus {
  return {
    documentId: r.document_id as string,
    status: r.status as LegalStatus,
    since: r.since as string | null,
    evidence: r.evidence as StoredStatus['evidence'],
  };
}

export function toCorrection(r: Record<string, unknown>): StatusCorrection {
  return {
    documentId: r.document_id as string,
    status: r.status as LegalStatus,
    effectiveFrom: r.effective_from as string | null,
    author: r.author as string,
    reason: r.reason as string,
    createdAt: r.created_at as string,
  };
}
