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
