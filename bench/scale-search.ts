/**
 * `node --import tsx bench/scale-search.ts <gongbao.db> <fts5.db> [--read N] [--ranked N] [--repeats N]`:
 * search alone, on databases a scale run built (keep them with a hard link: the run deletes its
 * directory), Gongbao beside the same FTS5 trigram file, the bench queries interleaved in one
 * process — to try SearchLimits without building an hour's corpus again.
 */
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { SEARCH_LIMITS } from '../src/store/sqlite/search.js';
import { fts5Engine, measure, type Engine } from './scale.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { read: { type: 'string' }, ranked: { type: 'string' }, repeats: { type: 'string', default: '5' } },
});
const [gongbaoFile, fts5File] = positionals;
if (!gongbaoFile || !fts5File) {
  process.stderr.write('usage: node --import tsx bench/scale-search.ts <gongbao.db> <fts5.db> [--read N] [--ranked N] [--repeats N]\n');
  process.exit(2);
}
const limits = { read: Number(values.read ?? SEARCH_LIMITS.read), ranked: Number(values.ranked ?? SEARCH_LIMITS.ranked) };
const store = await openSqliteStore(gongbaoFile, { searchLimits: limits });
const fts = fts5Engine(new Database(fts5File, { readonly: true }));
const engines: Engine[] = [{ name: `Gongbao (read ${limits.read}, ranked ${limits.ranked})`, search: (q) => store.search(q) }, fts];
for (const e of engines) await e.search({ q: '预热检索引擎' });
const lat = await measure(engines, Number(values.repeats));
for (const [name, l] of lat) {
  console.log(`${name}: CPU p50 ${l.cpu50.toFixed(2)} / p99 ${l.cpu99.toFixed(2)} ms; first round ${l.first50.toFixed(2)} / ${l.first99.toFixed(2)} ms; wall ${l.p50.toFixed(2)} / ${l.p99.toFixed(2)} ms`);
}
await store.close();
