/**
 * Crash safety of the derived facts (relations, statuses), as in the SQLite store (see
 * sqlite/derived.ts): ingests and corrections bump `register_state.changes` in their own
 * transaction; relations and statuses are saved with the change count they were computed from.
 */
import type pg from 'pg';
import type { DerivedState, Relation, StoredStatus } from '../store.js';
import { writeRelations, writeStatuses } from './facts.js';
import { withTransaction } from './tx.js';

/** Record changes the derived facts do not reflect yet (inside the caller's transaction). */
export async function noteChange(c: pg.PoolClient, n = 1): Promise<void> {
  await c.query('UPDATE register_state SET changes = changes + $1', [n]);
}

export async function derivedState(db: pg.Pool | pg.PoolClient): Promise<DerivedState> {
  return (await db.query<DerivedState>('SELECT changes, derived FROM register_state')).rows[0]!;
}

/** Save a recompute made from `changes`, unless one made from later changes was saved meanwhile. */
export function saveDerived(db: pg.Pool, changes: number, relations: Relation[], statuses: StoredStatus[]): Promise<boolean> {
  return withTransaction(db, async (c) => {
    // FOR UPDATE: two recomputes saving at once take turns, and the later-made one wins.
    const derived = (await c.query<{ derived: number }>('SELECT derived FROM register_state FOR UPDATE')).rows[0]!.derived;
    if (derived > changes) return false;
    await writeRelations(c, relations);
    await writeStatuses(c, statuses);
    await c.query('UPDATE register_state SET derived = $1', [changes]);
    return true;
  });
}
