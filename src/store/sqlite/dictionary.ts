/**
 * Repeated values stored once: a table of (id INTEGER PRIMARY KEY, the columns) and rows that hold
 * the id. Entries are never removed (they are few: names, 文号 and titles, judgement texts).
 */
import type Database from 'better-sqlite3';
import { stmt } from './statements.js';

/** Ids looked up inside a batch's transaction (withInternCache), by table and values. */
const caches = new WeakMap<Database.Database, Map<string, number>>();

/** The id of these column values in `table`, added on first use (NULLs match NULLs). */
export function internId(db: Database.Database, table: string, values: Record<string, string | null>): number {
  const args = Object.values(values);
  const cache = caches.get(db);
  const key = cache ? JSON.stringify([table, args]) : '';
  const cached = cache?.get(key);
  if (cached !== undefined) return cached;
  const cols = Object.keys(values);
  const found = stmt(db, `SELECT id FROM ${table} WHERE ${cols.map((c) => `${c} IS ?`).join(' AND ')}`, true).get(...args) as number | undefined;
  const id = found ?? Number(stmt(db, `INSERT INTO ${table}(${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...args).lastInsertRowid);
  cache?.set(key, id);
  return id;
}

/**
 * Run `fn` (one transaction) remembering the ids it looks up: a batch names the same units and
 * judgements hundreds of times. Only for its duration — an id added by a transaction that rolls
 * back must not outlive it.
 */
export function withInternCache<T>(db: Database.Database, fn: () => T): T {
  if (caches.has(db)) return fn();
  caches.set(db, new Map());
  try {
    return fn();
  } finally {
    caches.delete(db);
  }
}
