/** Reading rows back into domain objects. Listing queries never touch document_content. */
import type Database from 'better-sqlite3';
import { normaliseDocNumber } from '../../domain/doc-number.js';
import type { OfficialDocument } from '../../domain/types.js';
import { fold } from '../../search/fold.js';
import { clampInt, declaredYearField, documentHeader } from '../keys.js';
import type { DocumentFilter, DocumentSummary, IssueEdition, StoredIssue } from '../store.js';
import { unpackedFields } from '../packed-content.js';
import { readCitations } from './citations.js';

/** The status a reader sees: the latest editor correction, else the computed one, else 未知. */
const EFFECTIVE_STATUS = `COALESCE(
  (SELECT c.status FROM corrections c WHERE c.document_id = documents.id ORDER BY c.created_at DESC, c.seq DESC LIMIT 1),
  (SELECT s.status FROM statuses s WHERE s.document_id = documents.id), '未知')`;
const LATEST_ISSUE = `(SELECT o.issue_id FROM occurrences o JOIN issue_editions e ON e.id = o.edition_id
  WHERE o.document_id = documents.id ORDER BY e.ingested_at DESC, e.rowid DESC LIMIT 1)`;

/**
 * Recompute the denormalised listing columns (status, issue_id) of some documents, or of all.
 * Called whenever statuses, corrections or occurrences change.
 */
export function refreshListing(db: Database.Database, ids?: readonly string[]): void {
  const sql = `UPDATE documents SET status = ${EFFECTIVE_STATUS}, issue_id = ${LATEST_ISSUE}`;
  if (ids === undefined) db.prepare(sql).run();
  else {
    const one = db.prepare(`${sql} WHERE id = ?`);
    for (const id of ids) one.run(id);
  }
}

export const SUMMARY_COLUMNS = `d.seq, d.id, d.doc_number AS docNumber, d.title, d.issuer, d.kind, d.signed_on AS signedOn,
  d.year, d.issue_id AS issueId, d.status`;

export interface SummaryRow extends DocumentSummary {
  readonly seq: number;
  readonly year: number | null;
}

export function toSummary(r: SummaryRow): DocumentSummary {
  // Exactly the listing fields: rows carry search-only columns that must not leak to callers.
  return {
    id: r.id, docNumber: r.docNumber, title: r.title, issuer: r.issuer, kind: r.kind, signedOn: r.signedOn, issueId: r.issueId, status: r.status,
  };
}

interface EditionRow {
  id: string;
  issue_id: string;
  sha256: string;
  source_file: string;
  ingested_at: string;
  title: string;
  year: number | null;
  number: number | null;
  total_number: number | null;
  published_on: string | null;
  contents_json: string;
  index_json: string;
  warnings_json: string;
}

export function editionToIssue(db: Database.Database, e: EditionRow, asIssueId: string): StoredIssue {
  const ids = db.prepare('SELECT document_id FROM occurrences WHERE edition_id = ? ORDER BY position').pluck().all(e.id) as string[];
  return {
    id: asIssueId,
    title: e.title,
    year: e.year,
    number: e.number,
    totalNumber: e.total_number,
    publishedOn: e.published_on,
    contents: JSON.parse(e.contents_json),
    index: JSON.parse(e.index_json),
    sourceFile: e.source_file,
    sha256: e.sha256,
    ingestedAt: e.ingested_at,
    documentIds: ids,
    warnings: JSON.parse(e.warnings_json),
    editions: editions(db, e.issue_id),
  };
}

/** The current edition of an issue, or a specific edition by its edition id. */
export function readIssue(db: Database.Database, id: string): StoredIssue | null {
  const current = db
    .prepare('SELECT e.* FROM issues i JOIN issue_editions e ON e.id = i.current_edition WHERE i.id = ?')
    .get(id) as EditionRow | undefined;
  if (current) return editionToIssue(db, current, id);
  const edition = db.prepare('SELECT * FROM issue_editions WHERE id = ?').get(id) as EditionRow | undefined;
  return edition ? editionToIssue(db, edition, edition.id) : null;
}

function editions(db: Database.Database, issueId: string): IssueEdition[] {
  const rows = db
    .prepare('SELECT id, sha256, source_file, ingested_at, superseded_at FROM issue_editions WHERE issue_id = ? ORDER BY ingested_at DESC, rowid DESC')
    .all(issueId) as Array<{ id: string; sha256: string; source_file: string; ingested_at: string; superseded_at: string | null }>;
  return rows.map((r) => ({ id: r.id, sha256: r.sha256, sourceFile: r.source_file, ingestedAt: r.ingested_at, supersededAt: r.superseded_at }));
}

export function resolveDocumentId(db: Database.Database, idOrDocNumber: string): string | null {
  const key = idOrDocNumber.trim();
  const direct = db.prepare('SELECT id FROM documents WHERE id = ?').pluck().get(key) as string | undefined;
  if (direct) return direct;
  const canonical = normaliseDocNumber(key);
  if (!canonical) return null;
  return (
    (db.prepare('SELECT document_id FROM doc_numbers WHERE doc_number = ?').pluck().get(canonical) as string | undefined) ??
    (db.prepare('SELECT id FROM documents WHERE id = ?').pluck().get(canonical) as string | undefined) ??
    null
  );
}

export function readDocument(db: Database.Database, id: string): OfficialDocument | null {
  const d = db
    .prepare(
      `SELECT d.*, c.packed FROM documents d JOIN document_content c ON c.document_id = d.id WHERE d.id = ?`,
    )
    .get(id) as Record<string, unknown> | undefined;
  if (!d) return null;
  const tables = db.prepare('SELECT * FROM doc_tables WHERE document_id = ? ORDER BY idx').all(id) as Array<Record<string, unknown>>;
  const doc: OfficialDocument = {
    ...documentHeader(d),
    attachments: JSON.parse(d.attachments_json as string),
    ...unpackedFields(d.packed as Buffer),
    tables: tables.map((t) => ({
      ...(t.title !== null ? { title: t.title as string } : {}),
      header: JSON.parse(t.header_json as string),
      rows: JSON.parse(t.rows_json as string),
      source: t.source as 'tab',
      afterBlock: t.after_block as number,
    })),
    cites: readCitations(db, d.seq as number),
    warnings: JSON.parse(d.warnings_json as string),
    ...(d.pages_json ? { pages: JSON.parse(d.pages_json as string) } : {}),
    ...declaredYearField(d.year, d.signed_on as string | null, d.doc_number as string | null),
  };
  return doc;
}

const SORTS: Record<NonNullable<DocumentFilter['sort']>, string> = {
  signedOn: 'd.signed_on IS NULL, d.signed_on, d.id',
  '-signedOn': 'd.signed_on IS NULL, d.signed_on DESC, d.id',
  docNumber: 'd.doc_number IS NULL, d.doc_number, d.id',
  title: 'd.title, d.id',
};

export function listDocuments(db: Database.Database, f: DocumentFilter = {}): { total: number; items: DocumentSummary[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.year !== undefined) (where.push('d.year = ?'), args.push(f.year));
  if (f.issuer !== undefined) (where.push('d.issuer_key = ?'), args.push(fold(f.issuer)));
  if (f.kind !== undefined) (where.push('d.kind = ?'), args.push(f.kind));
  if (f.issueId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM occurrences o WHERE o.document_id = d.id AND (o.issue_id = ? OR o.edition_id = ?))');
    args.push(f.issueId, f.issueId);
  }
  if (f.ids !== undefined) (where.push('d.id IN (SELECT value FROM json_each(?))'), args.push(JSON.stringify(f.ids)));
  if (f.normative !== undefined) {
    where.push('coalesce((SELECT n.normative FROM doc_normative n WHERE n.document_id = d.id), 0) = ?');
    args.push(f.normative ? 1 : 0);
  }
  const statuses = f.status === undefined ? [] : Array.isArray(f.status) ? f.status : [f.status];
  if (statuses.length > 0) (where.push(`d.status IN (${statuses.map(() => '?').join(',')})`), args.push(...statuses));
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM documents d ${clause}`).pluck().get(...args) as number;
  const limit = clampInt(f.limit, 50, 10_000);
  const offset = clampInt(f.offset, 0, Number.MAX_SAFE_INTEGER);
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d ${clause} ORDER BY ${SORTS[f.sort ?? '-signedOn']} LIMIT ? OFFSET ?`)
    .all(...args, limit, offset) as SummaryRow[];
  return { total, items: rows.map(toSummary) };
}
