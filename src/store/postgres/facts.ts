/** Relations, computed statuses and editors' corrections: small tables written by other stages. */
import type pg from 'pg';
import type { LegalStatus } from '../../domain/types.js';
import type { Relation, RelationVerb, StatusCorrection, StoredStatus } from '../store.js';
import { citedAsSql, quoteToStore } from '../registers.js';
import { EFFECTIVE_STATUS } from './read.js';
import { noteChange } from './derived.js';
import { withTransaction } from './tx.js';
import { textList } from './params.js';

const RELATION_COLUMNS = 'subject_id, verb, object_id, object_doc_number, object_title, date, quote, reason, block';
/** A quote that is just 《title》（文号） is stored as NULL (citedAs in ../registers.ts). */
const RELATION_SELECT = RELATION_COLUMNS.replace('quote', `coalesce(quote, ${citedAsSql('object_doc_number', 'object_title')}) AS quote`);

const toRelation = (r: Record<string, unknown>): Relation => ({
  subjectId: r.subject_id as string,
  verb: r.verb as RelationVerb,
  objectId: r.object_id as string,
  objectDocNumber: r.object_doc_number as string | null,
  objectTitle: r.object_title as string | null,
  date: r.date as string | null,
  quote: r.quote as string,
  reason: r.reason as string | null,
  block: r.block as number | null,
});

export async function relationsOf(db: pg.Pool, id: string): Promise<{ outgoing: Relation[]; incoming: Relation[] }> {
  const r = await db.query(`SELECT ${RELATION_SELECT} FROM relations WHERE subject_id = $1 OR object_id = $1 ORDER BY seq`, [id]);
  const all = r.rows.map(toRelation);
  return { outgoing: all.filter((x) => x.subjectId === id), incoming: all.filter((x) => x.objectId === id) };
}

export async function allRelations(db: pg.Pool): Promise<Relation[]> {
  return (await db.query(`SELECT ${RELATION_SELECT} FROM relations ORDER BY seq`)).rows.map(toRelation);
}

/** Relations are derived facts: the extractor hands over the whole set and it replaces the old one. */
export function replaceRelations(db: pg.Pool, relations: Relation[]): Promise<void> {
  return withTransaction(db, (c) => writeRelations(c, relations));
}

/** replaceRelations inside the caller's transaction. */
export async function writeRelations(c: pg.PoolClient, relations: Relation[]): Promise<void> {
  await c.query('DELETE FROM relations');
  // 500 rows a statement through unnest: parameterised, and seq keeps the given order.
  for (let i = 0; i < relations.length; i += 500) {
    const b = relations.slice(i, i + 500);
    await c.query(
      `INSERT INTO relations (${RELATION_COLUMNS})
       SELECT a, b, c, d, e, f, g, h, i
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])
         WITH ORDINALITY AS x(a, b, c, d, e, f, g, h, i, n) ORDER BY n`,
      [
        b.map((x) => x.subjectId), b.map((x) => x.verb), b.map((x) => x.objectId), b.map((x) => x.objectDocNumber),
        b.map((x) => x.objectTitle), b.map((x) => x.date), b.map((x) => quoteToStore(x.quote, x.objectDocNumber, x.objectTitle)), b.map((x) => x.reason), b.map((x) => x.block),
      ],
    );
  }
}

export function saveStatuses(db: pg.Pool, statuses: StoredStatus[]): Promise<void> {
  return withTransaction(db, (c) => writeStatuses(c, statuses));
}

/** saveStatuses inside the caller's transaction. */
export async function writeStatuses(c: pg.PoolClient, statuses: StoredStatus[]): Promise<void> {
  // 1,000 rows a statement (a statement a row was 100,000 round trips in a recompute at 100k); a
  // document given twice keeps its last, as row by row (one statement may not touch a row twice).
  const last = [...new Map(statuses.map((s) => [s.documentId, s])).values()];
  for (let i = 0; i < last.length; i += 1000) {
    const b = last.slice(i, i + 1000);
    const evidence = textList(b.map((s) => JSON.stringify(s.evidence)));
    await c.query(
      `INSERT INTO statuses (document_id, status, since, evidence)
       SELECT id, st, si, ev::jsonb FROM unnest($1::text[], $2::text[], $3::text[], ${evidence.sql('$4')}) AS x(id, st, si, ev)
       ON CONFLICT (document_id) DO UPDATE SET status = excluded.status, since = excluded.since, evidence = excluded.evidence`,
      [b.map((s) => s.documentId), b.map((s) => s.status), b.map((s) => s.since), evidence.value],
    );
  }
}

export async function getStatus(db: pg.Pool, id: string): Promise<StoredStatus | null> {
  const r = (await db.query('SELECT document_id, status, since, evidence FROM statuses WHERE document_id = $1', [id])).rows[0];
  return r ? { documentId: r.document_id, status: r.status as LegalStatus, since: r.since, evidence: r.evidence } : null;
}

export function addCorrection(db: pg.Pool, c: StatusCorrection): Promise<void> {
  return withTransaction(db, async (t) => {
    await t.query(
      'INSERT INTO corrections (document_id, status, effective_from, author, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [c.documentId, c.status, c.effectiveFrom, c.author, c.reason, c.createdAt],
    );
    await noteChange(t);
  });
}

export async function corrections(db: pg.Pool, id?: string): Promise<StatusCorrection[]> {
  const cols = 'document_id, status, effective_from, author, reason, created_at';
  const r = id === undefined
    ? await db.query(`SELECT ${cols} FROM corrections ORDER BY created_at, seq`)
    : await db.query(`SELECT ${cols} FROM corrections WHERE document_id = $1 ORDER BY created_at, seq`, [id]);
  return r.rows.map((x) => ({
    documentId: x.document_id,
    status: x.status as LegalStatus,
    effectiveFrom: x.effective_from,
    author: x.author,
    reason: x.reason,
    createdAt: x.created_at,
  }));
}

export async function counts(db: pg.Pool) {
  // A document without a kind counts under '' (as in the SQLite store).
  const group = (expr: string) => `(SELECT coalesce(json_object_agg(k, n), '{}') FROM
    (SELECT coalesce(${expr}, '') AS k, count(*)::int AS n FROM documents d GROUP BY 1) g)`;
  const r = await db.query<{ issues: number; documents: number; by_status: Record<string, number>; by_kind: Record<string, number> }>(
    `SELECT (SELECT count(*)::int FROM issues) AS issues, (SELECT count(*)::int FROM documents) AS documents,
       ${group(EFFECTIVE_STATUS)} AS by_status, ${group('d.kind')} AS by_kind`,
  );
  const row = r.rows[0]!;
  return { issues: row.issues, documents: row.documents, byStatus: row.by_status, byKind: row.by_kind };
}
