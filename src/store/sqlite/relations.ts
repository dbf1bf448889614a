/**
 * Relations stored small: each end (a document id, or a `ref:` key with the 文号 and title the
 * relation names it by) once in relation_ends, a relation as two numbers and what is its own; a
 * quote that is just 《title》（文号） is not stored (registers.ts, citedAs). 62,067 relations name
 * 7,863 distinct objects on 10k documents: 21.7 MB as text rows, a sixth of it this way.
 */
import type Database from 'better-sqlite3';
import { citedAsSql, quoteToStore } from '../registers.js';
import { RELATION_VERBS, type Relation, type RelationVerb } from '../store.js';
import { internId, withInternCache } from './dictionary.js';
import { stmt } from './statements.js';

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

/** The verb stored as its place in RELATION_VERBS (0 and 1 take no bytes in a SQLite record). */
export const VERB_SQL = (col: string) => `CASE ${col} ${RELATION_VERBS.map((v, i) => `WHEN ${i} THEN '${v}'`).join(' ')} END`;

/** Relations as the Store returns them, in the order they were saved (`where` over r, s and o). */
export const RELATIONS_SQL = (where = '') => `SELECT s.key AS subject_id, ${VERB_SQL('r.verb')} AS verb, o.key AS object_id, o.doc_number AS object_doc_number,
  o.title AS object_title, r.date, coalesce(r.quote, ${citedAsSql('o.doc_number', 'o.title')}) AS quote, r.reason, r.block
  FROM relations r JOIN relation_ends s ON s.id = r.subject JOIN relation_ends o ON o.id = r.object ${where} ORDER BY r.rowid`;

export function relationsOf(db: Database.Database, id: string): { outgoing: Relation[]; incoming: Relation[] } {
  const q = (end: string) =>
    (stmt(db, RELATIONS_SQL(`WHERE r.${end} IN (SELECT id FROM relation_ends WHERE key = ?)`)).all(id) as RelationRow[]).map(toRelation);
  return { outgoing: q('subject'), incoming: q('object') };
}

export function allRelations(db: Database.Database): Relation[] {
  return (stmt(db, RELATIONS_SQL()).all() as RelationRow[]).map(toRelation);
}

/** Relations whose subject or object is one of these documents, in the order they were derived. */
export function relationsAround(db: Database.Database, ids: readonly string[]): Relation[] {
  const ends = 'IN (SELECT id FROM relation_ends WHERE key IN (SELECT value FROM json_each(?)))';
  return (stmt(db, RELATIONS_SQL(`WHERE r.subject ${ends} OR r.object ${ends}`)).all(JSON.stringify(ids), JSON.stringify(ids)) as RelationRow[]).map(toRelation);
}

/** Append relations, in order (the caller holds the transaction and prunes the ends after deleting). */
export function insertRelations(db: Database.Database, relations: readonly Relation[]): void {
  const end = (key: string, docNumber: string | null, title: string | null) => internId(db, 'relation_ends', { key, doc_number: docNumber, title });
  const ins = stmt(db, 'INSERT INTO relations(subject, verb, object, date, quote, reason, block) VALUES (?, ?, ?, ?, ?, ?, ?)');
  // Ends remembered for the call (a document is the subject of six relations on average, and an
  // object is named by many): 1.25 million lookups at 100,000 documents were 2.2 s of the save.
  withInternCache(db, () => {
    for (const r of relations) {
      const quote = quoteToStore(r.quote, r.objectDocNumber, r.objectTitle);
      ins.run(end(r.subjectId, null, null), RELATION_VERBS.indexOf(r.verb), end(r.objectId, r.objectDocNumber, r.objectTitle), r.date, quote, r.reason, r.block);
    }
  });
}

/** Delete the relations of these subjects (all, when none are given). */
export function deleteRelations(db: Database.Database, subjects?: readonly string[]): void {
  if (subjects === undefined) stmt(db, 'DELETE FROM relations').run();
  else stmt(db, 'DELETE FROM relations WHERE subject IN (SELECT id FROM relation_ends WHERE key IN (SELECT value FROM json_each(?)))').run(JSON.stringify(subjects));
}

/** Ends no relation names any more go (after deleting and inserting). */
export function pruneRelationEnds(db: Database.Database): void {
  stmt(db, 'DELETE FROM relation_ends WHERE id NOT IN (SELECT subject FROM relations) AND id NOT IN (SELECT object FROM relations)').run();
}

/**
 * Relations are derived facts: the extractor hands over the whole set and it replaces the old one.
 * The table's indexes are built again after it is filled, not kept up row by row: the objects come
 * in no order (627,606 relations at 100,000 documents: 3.3 → 2.4 s).
 */
export function replaceRelations(db: Database.Database, relations: Relation[]): void {
  db.transaction(() => {
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'relations' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
    deleteRelations(db);
    for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
    insertRelations(db, relations);
    for (const i of indexes) db.exec(i.sql);
    pruneRelationEnds(db);
  })();
}
