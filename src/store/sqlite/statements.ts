/** Prepared statements cached per connection: compiling SQL costs more than running these queries. */
import type Database from 'better-sqlite3';

// Two maps keyed by the SQL itself: a key built per call ('p:' + sql) was a new string to hash
// every time, and these run several times per row written.
const caches = new WeakMap<Database.Database, [raw: Map<string, Database.Statement>, plucked: Map<string, Database.Statement>]>();

/** A prepared statement for this SQL on this connection; `pluck` ones return the first column. */
export function stmt(db: Database.Database, sql: string, pluck = false): Database.Statement {
  let both = caches.get(db);
  if (!both) caches.set(db, (both = [new Map(), new Map()]));
  const cache = both[pluck ? 1 : 0];
  let s = cache.get(sql);
  if (!s) {
    s = pluck ? db.prepare(sql).pluck() : db.prepare(sql);
    if (cache.size > 200) cache.clear(); // the SQL varies only with the number of needles; stay bounded
    cache.set(sql, s);
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
