/**
 * Crash safety of the derived facts (relations, statuses): every committed change that can move
 * them (an ingested edition, a correction) bumps `register_state.changes` in its own transaction;
 * relations and statuses are saved with the change count they were computed from (`derived`).
 * A kill between the two leaves `changes > derived`, and the next ingest completes the recompute.
 */
import type Database from 'better-sqlite3';
import type { DerivedState, Relation, StoredStatus } from '../store.js';
import { replaceRelations, saveStatuses } from './facts.js';
import { stmt } from './statements.js';

/** Record a change the derived facts do not reflect yet (the caller holds the transaction); its number. */
export function noteChange(db: Database.Database): number {
  return stmt(db, 'UPDATE register_state SET changes = changes + 1 WHERE id = 1 RETURNING changes', true).get() as number;
}

export function derivedState(db: Database.Database): DerivedState {
  return stmt(db, 'SELECT changes, derived FROM register_state WHERE id = 1').get() as DerivedState;
}

/** Save a recompute made from `changes`, unless one made from later changes was saved meanwhile. */
export function saveDerived(db: Database.Database, changes: number, relations: Relation[], statuses: StoredStatus[], at?: string): boolean {
  return db.transaction((): boolean => {
    if (derivedState(db).derived > changes) return false;
    replaceRelations(db, relations);
    saveStatuses(db, statuses);
    // Everything owed up to here is done; the date lets the next recompute be incremental.
    stmt(db, 'DELETE FROM derive_owed WHERE change <= ?').run(changes);
    stmt(db, 'UPDATE register_state SET derived = ?, derived_on = ? WHERE id = 1').run(changes, at ?? null);
    return true;
  }).immediate();
}
