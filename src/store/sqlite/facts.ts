/** Relations, computed statuses and editors' corrections: small tables written by other stages. */
import type Database from 'better-sqlite3';
import type { LegalStatus } from '../../domain/types.js';
import type { StatusCorrection, StoredStatus } from '../store.js';
import { noteChange } from './derived.js';
import { refreshListing } from './read.js';
import { oweDocument } from './status-inputs.js';

export { allRelations, relationsOf, replaceRelations } from './relations.js';

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
    oweDocument(db, c.documentId, noteChange(db));
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
