/**
 * Repeated values stored once: a table of (id INTEGER PRIMARY KEY, the columns) and rows that hold
 * the id. Entries are never removed (they are few: names, 文号 and titles, judgement texts).
 */
import type Database from 'better-sqlite3';
import { stmt } from './statements.js';

/** Ids looked up inside a batch's transaction (withInternCache), by table, then values. */
const caches = new WeakMap<Database.Database, Map<string, Map<string, number>>>();

/**
 * The values as one Map key: a lone string as it is (unit names, judgements), else JSON behind a NUL
 * no name starts with. A batch makes ~65 lookups a document: JSON.stringify of the table and values
 * each time cost about half of a lookup that hits.
 */
const keyOf = (args: ReadonlyArray<string | null>) => (args.length === 1 && typeof args[0] === 'string' ? args[0] : `\u0000${JSON.stringify(args)}`);

/** The id of these column values in `table`, added on first use (NULLs match NULLs). */
export function internId(db: Database.Database, table: string, values: Record<string, string | null>): number {
  const args = Object.values(values);
  const all = caches.get(db);
  let cache = all?.get(table);
  if (all && !cache) all.set(table, (cache = new Map()));
  const key = cache ? keyOf(args) : '';
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
