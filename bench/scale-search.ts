/**
 * `node --import tsx bench/scale-search.ts <gongbao.db | postgres://…> [fts5.db] [--read N] [--ranked N] [--repeats N] [--json]`:
 * search alone, in a process of its own, on databases a scale run built — Gongbao beside the same
 * FTS5 trigram file, the bench queries interleaved. The scale bench runs it as a child (--json) for
 * the engines that live in files: its own heap holds the in-memory anchors (2–3 GB at 100,000
 * documents), and garbage collecting that heap slowed every engine measured beside it about 3×.
 * Run by hand on files kept with a hard link (the run deletes its directory) to try SearchLimits
 * without building an hour's corpus again.
 */
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/factory.js';
import { SEARCH_LIMITS } from '../src/store/sqlite/search.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { fts5Engine, GONGBAO_SQLITE, GONGBAO_PG, measure, type Engine } from './scale.js';
import { WARM_QUERIES } from './search.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { read: { type: 'string' }, ranked: { type: 'string' }, repeats: { type: 'string', default: '5' }, json: { type: 'boolean' } },
});
const [gongbaoAt, fts5File] = positionals;
if (!gongbaoAt) {
  process.stderr.write('usage: node --import tsx bench/scale-search.ts <gongbao.db | postgres://…> [fts5.db] [--read N] [--ranked N] [--repeats N] [--json]\n');
  process.exit(2);
}
const onPg = gongbaoAt.startsWith('postgres');
const limited = values.read !== undefined || values.ranked !== undefined;
const limits = { read: Number(values.read ?? SEARCH_LIMITS.read), ranked: Number(values.ranked ?? SEARCH_LIMITS.ranked) };
const store = onPg || !limited ? await openStore({ db: gongbaoAt, mustExist: true }) : await openSqliteStore(gongbaoAt, { searchLimits: limits });
const name = onPg ? GONGBAO_PG : limited ? `${GONGBAO_SQLITE} (read ${limits.read}, ranked ${limits.ranked})` : GONGBAO_SQLITE;
const engines: Engine[] = [{ name, search: (q) => store.search(q) }];
if (fts5File) engines.push(fts5Engine(new Database(fts5File, { readonly: true })));
// As a running server would be: catalog, segmenter and statements loaded, code compiled (WARM_QUERIES).
for (const q of WARM_QUERIES) for (const e of engines) await e.search(q);
const lat = await measure(engines, Number(values.repeats));
await store.close();
if (values.json) process.stdout.write(JSON.stringify([...lat]));
else {
  for (const [n, l] of lat) {
    console.log(`${n}: CPU p50 ${l.cpu50.toFixed(2)} / p99 ${l.cpu99.toFixed(2)} ms; first round ${l.first50.toFixed(2)} / ${l.first99.toFixed(2)} ms; wall ${l.p50.toFixed(2)} / ${l.p99.toFixed(2)} ms`);
  }
}
