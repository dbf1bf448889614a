/**
 * Repeated values stored once: a table of (id INTEGER PRIMARY KEY, the columns) and rows that hold
 * the id. Entries are never removed (they are few: names, 文号 and titles, judgement texts).
 */
import type Database from 'better-sqlite3';
import { stmt } from './statements.js';

/** The id of these column values in `table`, added on first use (NULLs match NULLs). */
export function internId(db: Database.Database, table: string, values: Record<string, string | null>): number {
  const cols = Object.keys(values);
  const args = Object.values(values);
  const id = stmt(db, `SELECT id FROM ${table} WHERE ${cols.map((c) => `${c} IS ?`).join(' AND ')}`, true).get(...args) as number | undefined;
  return id ?? Number(stmt(db, `INSERT INTO ${table}(${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...args).lastInsertRowid);
}
