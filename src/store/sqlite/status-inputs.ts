/**
 * What an incremental status recompute reads and writes on SQLite (src/status/recompute.ts):
 * each document's status inputs and reference keys, written with the document, and the record of
 * what changed since relations and statuses were last derived (`derive_owed`).
 */
import type Database from 'better-sqlite3';
import { resolutionSeeds, type StatusInput } from '../../extract/status-input.js';
import type { OwedDerivation, Relation, StatusResolvable, StoredStatus } from '../store.js';
import { derivedState } from './derived.js';
import { CITES_JSON_SQL } from './citations.js';
import { saveStatuses } from './facts.js';
import { deleteRelations, insertRelations, pruneRelationEnds } from './relations.js';
import { insertRows, stmt } from './statements.js';

const owe = (db: Database.Database, items: readonly string[], change: number) =>
  items.length > 0 &&
  stmt(db, `INSERT INTO derive_owed(item, change) SELECT value, ? FROM json_each(?) WHERE true
    ON CONFLICT(item) DO UPDATE SET change = max(change, excluded.change)`).run(change, JSON.stringify(items));

/** The keys a stored document held as a resolution target: owed, since its change may move them. */
function oweOld(db: Database.Database, id: string, change: number): void {
  const old = stmt(db, 'SELECT own_keys_json FROM doc_status_inputs WHERE document_id = ?', true).get(id) as string | undefined;
  owe(db, [`d:${id}`, ...(old ? (JSON.parse(old) as string[]).map((k) => `k:${k}`) : [])], change);
}

/**
 * Replace a document's status inputs (the caller holds the transaction); `change` is the edition's;
 * `fresh`: a document stored for the first time (no old keys, no rows to delete).
 */
export function writeStatusInput(db: Database.Database, input: StatusInput, keys: { own: string[]; refs: string[] }, change: number, fresh = false): void {
  if (fresh) owe(db, [`d:${input.id}`], change);
  else oweOld(db, input.id, change);
  const { validity, normative, repeals } = input;
  const seeds = resolutionSeeds(input);
  stmt(db, 'INSERT OR REPLACE INTO doc_status_inputs(document_id, input_json, own_keys_json, seeds_json) VALUES (?, ?, ?, ?)').run(
    input.id, JSON.stringify({ validity, normative, repeals }), JSON.stringify(keys.own), seeds.length ? JSON.stringify(seeds) : null,
  );
  if (!fresh) stmt(db, 'DELETE FROM doc_ref_keys WHERE document_id = ?').run(input.id);
  insertRows(db, 'doc_ref_keys', ['key', 'document_id'], keys.refs.map((k) => [k, input.id]));
}

/** A document about to be removed: what it was owes a recompute. */
export function oweRemoval(db: Database.Database, id: string, change: number): void {
  oweOld(db, id, change);
}

/** A correction changes one document's status. */
export function oweDocument(db: Database.Database, id: string, change: number): void {
  owe(db, [`d:${id}`], change);
}

export function owedDerivation(db: Database.Database): OwedDerivation {
  const st = stmt(db, 'SELECT changes, derived, derived_on FROM register_state WHERE id = 1').get() as { changes: number; derived: number; derived_on: string | null };
  const items = stmt(db, 'SELECT item FROM derive_owed WHERE change <= ?', true).all(st.changes) as string[];
  return {
    changes: st.changes, derived: st.derived, derivedOn: st.derived_on,
    documents: items.filter((i) => i.startsWith('d:')).map((i) => i.slice(2)),
    keys: items.filter((i) => i.startsWith('k:')).map((i) => i.slice(2)),
  };
}

export function resolvables(db: Database.Database): StatusResolvable[] {
  const rows = stmt(db, 'SELECT d.id, d.doc_number, d.title, s.seeds_json FROM documents d LEFT JOIN doc_status_inputs s ON s.document_id = d.id ORDER BY d.seq').all() as
    Array<{ id: string; doc_number: string | null; title: string; seeds_json: string | null }>;
  return rows.map((r) => ({ id: r.id, docNumber: r.doc_number, title: r.title, seeds: r.seeds_json ? JSON.parse(r.seeds_json) : [] }));
}

export function referencing(db: Database.Database, keys: readonly string[]): string[] {
  return stmt(db, 'SELECT DISTINCT document_id FROM doc_ref_keys WHERE key IN (SELECT value FROM json_each(?))', true).all(JSON.stringify(keys)) as string[];
}

/** The status inputs of these documents (those held), in store order. */
export function statusInputs(db: Database.Database, ids: readonly string[]): StatusInput[] {
  const rows = stmt(
    db,
    `SELECT d.id, d.doc_number, d.title, d.signed_on, s.input_json,
       ${CITES_JSON_SQL} AS cites
     FROM documents d JOIN doc_status_inputs s ON s.document_id = d.id WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY d.seq`,
  ).all(JSON.stringify(ids)) as Array<{ id: string; doc_number: string | null; title: string; signed_on: string | null; input_json: string; cites: string }>;
  return rows.map((r) => ({
    id: r.id, docNumber: r.doc_number, title: r.title, signedOn: r.signed_on, ...JSON.parse(r.input_json),
    cites: (JSON.parse(r.cites) as Array<[string | null, string | null, string, number]>).map(([docNumber, title, raw, block]) => ({ docNumber, title, raw, block })),
  }));
}

/**
 * Save a part of a derivation: the relations of `subjects` replaced, `statuses` saved, what was owed
 * up to `changes` cleared. False (nothing written) when another derivation was saved since `derived`.
 */
export function saveDerivedPart(
  db: Database.Database, owed: Pick<OwedDerivation, 'changes' | 'derived'>, at: string, subjects: readonly string[], relations: Relation[], statuses: StoredStatus[],
): boolean {
  return db.transaction((): boolean => {
    if (derivedState(db).derived !== owed.derived) return false;
    deleteRelations(db, subjects);
    insertRelations(db, relations);
    pruneRelationEnds(db);
    saveStatuses(db, statuses);
    stmt(db, 'DELETE FROM derive_owed WHERE change <= ?').run(owed.changes);
    stmt(db, 'UPDATE register_state SET derived = ?, derived_on = ? WHERE id = 1').run(owed.changes, at);
    return true;
  }).immediate();
}

