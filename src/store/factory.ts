/**
 * The one place that decides which database is behind the Store: a postgres:// URL selects
 * PostgreSQL, anything else is a SQLite file path. Default ./data/gongbao.db, overridden by the
 * GONGBAO_DB environment variable, overridden by an explicit option (the CLI's --db).
 */
import { existsSync } from 'node:fs';
import { UserError } from '../domain/errors.js';
import type { StoreOptions } from './registers.js';
import type { Store } from './store.js';

export const DEFAULT_DB = './data/gongbao.db';

export function resolveDbLocation(opts: { db?: string } = {}, env: NodeJS.ProcessEnv = process.env): string {
  return opts.db || env.GONGBAO_DB || DEFAULT_DB;
}

export interface OpenOptions extends StoreOptions {
  readonly db?: string;
  /**
   * Refuse a SQLite file that does not exist instead of creating it: commands that only read
   * (search, show, serve…) would otherwise answer a mistyped path with an empty database.
   */
  readonly mustExist?: boolean;
}

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  const url = resolveDbLocation(opts);
  const options: StoreOptions = opts.extract ? { extract: opts.extract } : {};
  if (url.startsWith('postgres')) return (await import('./postgres/index.js')).openPostgresStore(url, options);
  if (opts.mustExist && url !== ':memory:' && !existsSync(url)) {
    throw new UserError(`${url}: no such database (create it with: gongbao ingest <files> --db ${url})`);
  }
  return (await import('./sqlite/index.js')).openSqliteStore(url, options);
}
