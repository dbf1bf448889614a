/**
 * The one place that decides which database is behind the Store: a postgres:// URL selects
 * PostgreSQL, anything else is a SQLite file path. Default ./data/gongbao.db, overridden by the
 * GONGBAO_DB environment variable, overridden by an explicit option (the CLI's --db).
 */
import type { StoreOptions } from './registers.js';
import type { Store } from './store.js';

export const DEFAULT_DB = './data/gongbao.db';

export function resolveDbLocation(opts: { db?: string } = {}, env: NodeJS.ProcessEnv = process.env): string {
  return opts.db || env.GONGBAO_DB || DEFAULT_DB;
}

export async function openStore(opts: { db?: string } & StoreOptions = {}): Promise<Store> {
  const url = resolveDbLocation(opts);
  const options: StoreOptions = opts.extract ? { extract: opts.extract } : {};
  if (url.startsWith('postgres')) return (await import('./postgres/index.js')).openPostgresStore(url, options);
  return (await import('./sqlite/index.js')).openSqliteStore(url, options);
}
