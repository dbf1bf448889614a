/** Relations, computed statuses and editors' corrections: small tables written by other stages. */
import type Database from 'better-sqlite3';
import type { LegalStatus } from '../../domain/types.js';
import type { Relation, RelationVerb, StatusCorrection, StoredStatus } from '../store.js';
import { citedAsSql, quoteToStore } from '../registers.js';
import { noteChange } from './derived.js';
import { refreshListing } from './read.js';

interface RelationRow {
  subject_id: string;
  verb: string;
  object_id: string;
  object_doc_number: string | null;
  object_title: string | null;
  date: string | null;
  quote: string;
  reason: string | null;
  block: number | null;
}

const toRelation = (r: RelationRow): Relation => ({
  subjectId: r.subject_id,
  verb: r.verb as RelationVerb,
  objectId: r.object_id,
  objectDocNumber: r.object_doc_number,
  objectTitle: r.object_title,
  date: r.date,
  quote: r.quote,
  reason: r.reason,
  block: r.block,
});

/** A quote that is just 《title》（文号） is stored as NULL (registers.ts, citedAs). */
const COLUMNS = `subject_id, verb, object_id, object_doc_number, object_title, date,
  coalesce(quote, ${citedAsSql('object_doc_number', 'object_title')}) AS quote, reason, block`;

export function relationsOf(db: Database.Database, id: string): { outgoing: Relation[]; incoming: Relation[] } {
  const q = (col: string) => (db.prepare(`SELECT ${COLUMNS} FROM relations WHERE ${col} = ? ORDER BY rowid`).all(id) as RelationRow[]).map(toRelation);
  return { outgoing: q('subject_id'), incoming: q('object_id') };
}

export function allRelations(db: Database.Database): Relation[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM relations ORDER BY rowid`).all() as RelationRow[]).map(toRelation);
}

/** Relations are derived facts: the extractor hands over the whole set and it replaces the old one. */
export function replaceRelations(db: Database.Database, relations: Relation[]): void {
  const ins = db.prepare('INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM relations').run();
    for (const r of relations) {
      ins.run(r.subjectId, r.verb, r.objectId, r.objectDocNumber, r.objectTitle, r.date, quoteToStore(r.quote, r.objectDocNumber, r.objectTitle), r.reason, r.block);
    }
  })();
}

export function saveStatuses(db: Database.Database, statuses: StoredStatus[]): void {
  const up = db.prepare(
    `INSERT INTO statuses VALUES (?, ?, ?, ?) ON CONFLICT(document_id) DO UPDATE SET
       status = excluded.status, since = excluded.since, evidence_json = excluded.evidence_json`,
  );
  db.transaction(() => {
    for (const s of statuses) up.run(s.documentId, s.status, s.since, JSON.stringify(s.evidence));
    refreshListing(db, statuses.length > 200 ? undefined : statuses.map((s) => s.documentId));
  })();
}

export function getStatus(db: Database.Database, id: string): StoredStatus | null {
  const r = db.prepare('SELECT * FROM statuses WHERE document_id = ?').get(id) as
    | { document_id: string; status: string; since: string | null; evidence_json: string }
    | undefined;
  return r ? { documentId: r.document_id, status: r.status as LegalStatus, since: r.since, evidence: JSON.parse(r.evidence_json) } : null;
}

export function addCorrection(db: Database.Database, c: StatusCorrection): void {
  db.transaction(() => {
    addCorrectionRow(db, c);
    noteChange(db);
    refreshListing(db, [c.documentId]);
  })();
}

function addCorrectionRow(db: Database.Database, c: StatusCorrection): void {
  db.prepare('INSERT INTO corrections(document_id, status, effective_from, author, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    c.documentId, c.status, c.effectiveFrom, c.author, c.reason, c.createdAt,
  );
}

export function corrections(db: Database.Database, id?: string): StatusCorrection[] {
  const rows = (
    id === undefined
      ? db.prepare('SELECT * FROM corrections ORDER BY created_at, seq').all()
      : db.prepare('SELECT * FROM corrections WHERE document_id = ? ORDER BY created_at, seq').all(id)
  ) as Array<{ document_id: string; status: string; effective_from: string | null; author: string; reason: string; created_at: string }>;
  return rows.map((r) => ({
    documentId: r.document_id,
    status: r.status as LegalStatus,
    effectiveFrom: r.effective_from,
    author: r.author,
    reason: r.reason,
    createdAt: r.created_at,
  }));
}

export function counts(db: Database.Database) {
  const group = (expr: string) =>
    Object.fromEntries(
      (db.prepare(`SELECT ${expr} AS k, count(*) AS n FROM documents d GROUP BY k ORDER BY k`).all() as Array<{ k: string | null; n: number }>).map(
        (r) => [r.k ?? '', r.n],
      ),
    );
  return {
    issues: db.prepare('SELECT count(*) FROM issues').pluck().get() as number,
    documents: db.prepare('SELECT count(*) FROM documents').pluck().get() as number,
    byStatus: group('d.status') as Record<string, number>,
    byKind: group('d.kind') as Record<string, number>,
  };
}
