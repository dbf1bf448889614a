/** Prepared statements cached per connection: compiling SQL costs more than running these queries. */
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement for this SQL on this connection; `pluck` ones return the first column. */
export function stmt(db: Database.Database, sql: string, pluck = false): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${pluck ? 'p' : 'r'}:${sql}`;
  let s = cache.get(key);
  if (!s) {
    s = pluck ? db.prepare(sql).pluck() : db.prepare(sql);
    if (cache.size > 200) cache.clear(); // the SQL varies only with the number of needles; stay bounded
    cache.set(key, s);
  }
  return s;
}

/**
 * Insert rows into a table, one cached prepared statement run per row. Not one json_each
 * statement per table, as for FTS5 (which flushes a segment at every statement): on these B-tree
 * tables json_each measured 45% slower (SQLite parsing the JSON costs more than better-sqlite3's
 * ~2 µs run per row; bench on the registers and citations of 711 scale-corpus documents).
 */
export function insertRows(db: Database.Database, table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): void {
  if (rows.length === 0) return;
  const ins = stmt(db, `INSERT INTO ${table}(${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const r of rows) ins.run(...r);
}
