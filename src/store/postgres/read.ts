/** Reading rows back into domain objects. Listing queries never touch document_content. */
import type pg from 'pg';
import { normaliseDocNumber } from '../../domain/doc-number.js';
import type { LegalStatus, OfficialDocument } from '../../domain/types.js';
import { fold } from '../../search/fold.js';
import { clampInt, declaredYearField, documentHeader } from '../keys.js';
import type { DocumentFilter, DocumentSummary, IssueEdition, StoredIssue } from '../store.js';
import type { Params } from './params.js';
import { citedAsSql } from '../registers.js';
import { unpackedFields } from '../packed-content.js';

/** The status a reader sees: the latest editor correction, else the computed one, else 未知. */
export const EFFECTIVE_STATUS = `coalesce(
  (SELECT k.status FROM corrections k WHERE k.document_id = d.id ORDER BY k.created_at DESC, k.seq DESC LIMIT 1),
  (SELECT s.status FROM statuses s WHERE s.document_id = d.id), '未知')`;
/** The issue that printed the document most recently. */
export const LATEST_ISSUE = `(SELECT o.issue_id FROM occurrences o JOIN issue_editions e ON e.id = o.edition_id
  WHERE o.document_id = d.id ORDER BY e.ingested_at DESC, e.seq DESC LIMIT 1)`;
export const SUMMARY_COLUMNS = `d.id, d.doc_number, d.title, d.issuer, d.kind, d.signed_on, ${LATEST_ISSUE} AS issue_id,
  ${EFFECTIVE_STATUS} AS status`;

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

export const toSummary = (r: SummaryRow): DocumentSummary => ({
  id: r.id,
  docNumber: r.doc_number,
  title: r.title,
  issuer: r.issuer,
  kind: r.kind,
  signedOn: r.signed_on,
  issueId: r.issue_id,
  status: r.status as LegalStatus,
});

const EDITION_COLUMNS = `e.id, e.issue_id, e.sha256, e.source_file, e.ingested_at, e.title, e.year, e.number, e.total_number,
  e.published_on, e.contents, e.index_entries, e.warnings,
  coalesce((SELECT json_agg(o.document_id ORDER BY o.position) FROM occurrences o WHERE o.edition_id = e.id), '[]') AS document_ids,
  (SELECT json_agg(json_build_object('id', h.id, 'sha256', h.sha256, 'sourceFile', h.source_file, 'ingestedAt', h.ingested_at,
     'supersededAt', h.superseded_at) ORDER BY h.ingested_at DESC, h.seq DESC)
   FROM issue_editions h WHERE h.issue_id = e.issue_id) AS editions`;

function toIssue(r: Record<string, unknown>, asId: string): StoredIssue {
  return {
    id: asId,
    title: r.title as string,
    year: r.year as number | null,
    number: r.number as number | null,
    totalNumber: r.total_number as number | null,
    publishedOn: r.published_on as string | null,
    contents: r.contents as StoredIssue['contents'],
    index: r.index_entries as StoredIssue['index'],
    sourceFile: r.source_file as string,
    sha256: r.sha256 as string,
    ingestedAt: r.ingested_at as string,
    documentIds: r.document_ids as string[],
    warnings: r.warnings as StoredIssue['warnings'],
    editions: r.editions as IssueEdition[],
  };
}

export async function listIssues(db: pg.Pool): Promise<StoredIssue[]> {
  const r = await db.query(
    `SELECT ${EDITION_COLUMNS} FROM issues i JOIN issue_editions e ON e.id = i.current_edition
     ORDER BY i.year DESC NULLS LAST, i.number DESC NULLS LAST, i.id`,
  );
  return r.rows.map((row) => toIssue(row, row.issue_id as string));
}

/** The current edition of an issue, or one specific edition by its edition id. */
export async function readIssue(db: pg.Pool, id: string): Promise<StoredIssue | null> {
  const r = await db.query(
    `SELECT ${EDITION_COLUMNS}, (i.id = $1) AS by_issue FROM issue_editions e JOIN issues i ON i.id = e.issue_id
     WHERE (i.id = $1 AND e.id = i.current_edition) OR e.id = $1 ORDER BY by_issue DESC LIMIT 1`,
    [id],
  );
  const row = r.rows[0];
  return row ? toIssue(row, row.by_issue ? (row.issue_id as string) : (row.id as string)) : null;
}

export async function resolveDocumentId(db: pg.Pool, idOrDocNumber: string): Promise<string | null> {
  const key = idOrDocNumber.trim().replace(/\0/g, '');
  const canonical = normaliseDocNumber(key);
  // Order of precedence: the id as given, the 文号's holder, a document keyed by the canonical 文号.
  const r = await db.query<{ id: string }>(
    `SELECT id FROM (
       SELECT id, 1 AS rank FROM documents WHERE id = $1
       UNION ALL SELECT document_id, 2 FROM doc_numbers WHERE doc_number = $2
       UNION ALL SELECT id, 3 FROM documents WHERE id = $2) x ORDER BY rank LIMIT 1`,
    [key, canonical],
  );
  return r.rows[0]?.id ?? null;
}

/** The citations of document row d as OfficialDocument['cites'] (JSON). */
export const CITES_SQL = `coalesce((SELECT json_agg(json_build_object('docNumber', x.doc_number, 'title', x.title, 'raw', coalesce(x.raw, ${citedAsSql('x.doc_number', 'x.title')}), 'block', x.block)
    ORDER BY x.idx) FROM citations x WHERE x.document_id = d.id), '[]')`;

export const DOCUMENT_SQL = `SELECT d.id, d.doc_number, d.title, d.issuer, d.kind, d.addressees, d.signed_on, d.year, d.publicity, d.pages,
  d.attachments, d.warnings, c.packed, c.tables, ${CITES_SQL} AS cites
  FROM documents d JOIN document_content c ON c.document_id = d.id`;

export function toDocument(r: Record<string, unknown>): OfficialDocument {
  return {
    ...documentHeader(r),
    attachments: r.attachments as OfficialDocument['attachments'],
    ...unpackedFields(r.packed as Buffer),
    tables: r.tables as OfficialDocument['tables'],
    cites: r.cites as OfficialDocument['cites'],
    warnings: r.warnings as OfficialDocument['warnings'],
    // Optional fields stay absent rather than null, as the parser emits them.
    ...(r.pages != null ? { pages: r.pages as NonNullable<OfficialDocument['pages']> } : {}),
    ...declaredYearField(r.year, r.signed_on as string | null, r.doc_number as string | null),
  };
}

/** WHERE clauses for the metadata filters of listDocuments. */
export function filterClauses(p: Params, f: DocumentFilter): string[] {
  const where: string[] = [];
  if (f.year !== undefined) where.push(`d.year = ${p.add(f.year)}`);
  // Issuers compare folded: a traditional-page issuer is the same issuer.
  if (f.issuer !== undefined) where.push(`d.issuer_key = ${p.add(fold(f.issuer))}`);
  if (f.kind !== undefined) where.push(`d.kind = ${p.add(f.kind)}`);
  if (f.issueId !== undefined) {
    const id = p.add(f.issueId);
    where.push(`EXISTS (SELECT 1 FROM occurrences o WHERE o.document_id = d.id AND (o.issue_id = ${id} OR o.edition_id = ${id}))`);
  }
  if (f.ids !== undefined) where.push(`d.id = ANY(${p.add(f.ids)}::text[])`);
  if (f.normative !== undefined) {
    where.push(`coalesce((SELECT n.normative FROM doc_normative n WHERE n.document_id = d.id), false) = ${p.add(f.normative)}`);
  }
  const statuses = f.status === undefined ? [] : Array.isArray(f.status) ? f.status : [f.status];
  if (statuses.length > 0) where.push(`${EFFECTIVE_STATUS} = ANY(${p.add(statuses)}::text[])`);
  return where;
}

const SORTS: Record<NonNullable<DocumentFilter['sort']>, string> = {
  signedOn: 'd.signed_on ASC NULLS LAST, d.id',
  '-signedOn': 'd.signed_on DESC NULLS LAST, d.id',
  docNumber: 'd.doc_number ASC NULLS LAST, d.id',
  title: 'd.title, d.id',
};

export async function listDocuments(db: pg.Pool, p: Params, f: DocumentFilter): Promise<{ total: number; items: DocumentSummary[] }> {
  const where = filterClauses(p, f);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const limit = clampInt(f.limit, 50, 10_000);
  const offset = clampInt(f.offset, 0, Number.MAX_SAFE_INTEGER);
  const r = await db.query<SummaryRow & { total: number }>(
    `SELECT ${SUMMARY_COLUMNS}, count(*) OVER ()::int AS total FROM documents d ${clause}
     ORDER BY ${SORTS[f.sort ?? '-signedOn'] ?? SORTS['-signedOn']} LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
    p.values,
  );
  // An offset past the end returns no rows and so no window count: count separately then.
  const total = r.rows[0]?.total ?? (offset > 0 ? await countDocuments(db, clause, p.values.slice(0, -2)) : 0);
  return { total, items: r.rows.map(toSummary) };
}

async function countDocuments(db: pg.Pool, clause: string, values: unknown[]): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents d ${clause}`, values)).rows[0]?.n ?? 0;
}
