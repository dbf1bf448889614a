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
 * Insert many rows with one statement: the rows as one JSON array that json_each reads (a
 * statement per row costs more than the row). Values arrive as SQL text, integer, real or null.
 */
export function insertRows(db: Database.Database, table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): void {
  if (rows.length === 0) return;
  const values = columns.map((_, i) => `value ->> ${i}`).join(', ');
  stmt(db, `INSERT INTO ${table}(${columns.join(', ')}) SELECT ${values} FROM json_each(?)`).run(JSON.stringify(rows));
}
