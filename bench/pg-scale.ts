/**
 * PostgreSQL at scale on a given corpus: ingest MB/s (the whole `gongbao ingest` path) and search
 * p50/p99 over the bench queries, wall and CPU time — this process's and, on a local server, the
 * server's (its backends' CPU from /proc), since on a shared 2-core machine wall time measures the queue.
 *
 *   node --import tsx bench/pg-scale.ts <corpus dir> [--url postgres://…] [--repeats 5] [--search-only] [--read n --ranked n] [--http seconds]
 *
 * Without --url a throwaway cluster is started (test/helpers/pg.ts; --shared-buffers, default 1GB)
 * and removed at the end. With
 * --url the store lives there (an empty database or schema for a build); --search-only skips the
 * ingest and measures search on what that database holds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { collectInputs } from '../src/cli/commands/ingest.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { PG_SEARCH_LIMITS } from '../src/store/postgres/search.js';
import type { Store } from '../src/store/store.js';
import { startTestPostgres } from '../test/helpers/pg.js';
import { httpLoad, ingestGongbao, measure, startServers, stopServers } from './scale.js';
import { BENCH_QUERIES, percentile, WARM_QUERIES } from './search.js';

const TICK_MS = 10; // /proc times are in clock ticks of 1/100 s on Linux

/** CPU time the local server has spent so far (postmaster, live backends, and backends that have exited). */
export async function serverCpuMs(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const stat = (p: number | string) => {
      const s = readFileSync(`/proc/${p}/stat`, 'utf8');
      return s.slice(s.lastIndexOf(')') + 2).split(' ');
    };
    const postmaster = Number(stat(pid)[1]);
    const own = stat(postmaster);
    // Fields after the name: state ppid … utime(12) stime(13) cutime(14) cstime(15).
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
      try {
        const s = stat(p);
        if (Number(s[1]) === postmaster) ticks += Number(s[11]) + Number(s[12]);
      } catch { /* gone meanwhile */ }
    }
    return ticks * TICK_MS;
  } catch {
    return Number.NaN; // not a local server, or /proc unreadable
  } finally {
    await c.end();
  }
}

/** Bytes of the store's tables with their indexes and TOAST (its schema: the database may hold others). */
async function storeBytes(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ b: string }>(
      `SELECT sum(pg_total_relation_size(c.oid)) AS b FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'`,
    );
    return Number(r.rows[0]!.b);
  } finally {
    await c.end();
  }
}

/** The statements the server spent most time on since the last call (then reset), one line each. */
async function topStatements(url: string, what: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const r = await c.query<{ ms: number; calls: string; query: string }>(
      `SELECT total_exec_time AS ms, calls, regexp_replace(left(query, 140), '\\s+', ' ', 'g') AS query FROM pg_stat_statements ORDER BY 1 DESC LIMIT 12`);
    console.log(`server time by statement (${what}):`);
    for (const x of r.rows) console.log(`  ${(x.ms / 1000).toFixed(1)} s  ${x.calls}×  ${x.query}`);
    await c.query('SELECT pg_stat_statements_reset()');
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string' }, repeats: { type: 'string', default: '5' }, 'search-only': { type: 'boolean', default: false },
      'shared-buffers': { type: 'string', default: '1GB' }, statements: { type: 'boolean', default: false }, read: { type: 'string' }, ranked: { type: 'string' },
      http: { type: 'string' } },
  });
  const dir = positionals[0];
  if (!dir && !values['search-only']) throw new Error('usage: bench/pg-scale.ts <corpus dir> [--url …] [--repeats n] [--search-only]');
  // A server's cache sized to the data, as a deployment would size it (the default is 128 MB).
  // --statements: the server's time per statement (pg_stat_statements), printed after ingest and after search.
  const cluster = values.url ? null : await startTestPostgres([`shared_buffers=${values['shared-buffers']}`,
    ...(values.statements ? ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all'] : [])]);
  if (cluster && 'skip' in cluster) throw new Error(cluster.skip);
  try {
    const url = values.url ?? (await cluster!.freshDatabase());
    // --read / --ranked: other SearchLimits than the store's own (PG_SEARCH_LIMITS).
    const limits = values.read || values.ranked
      ? { searchLimits: { read: Number(values.read ?? PG_SEARCH_LIMITS.read), ranked: Number(values.ranked ?? PG_SEARCH_LIMITS.ranked) } } : {};
    const store: Store = await openPostgresStore(url, limits);
    try {
      if (!values['search-only']) {
        const files = collectInputs([dir!]).files;
        const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
        const s0 = await serverCpuMs(url);
        const g = await ingestGongbao(store, files);
        const server = (await serverCpuMs(url)) - s0;
        if (values.statements) await topStatements(url, 'ingest');
        console.log(
          `ingest: ${g.documents} documents, ${(bytes / 1e6).toFixed(1)} MB in ${(g.ms / 1000).toFixed(1)} s = ${(bytes / 1e3 / g.ms).toFixed(2)} MB/s ` +
            `(stored ${(g.storedMs / 1000).toFixed(1)} s, recompute ${(g.recomputeMs / 1000).toFixed(1)} s); CPU here ${(g.cpu / 1000).toFixed(1)} s, ` +
            `server ${(server / 1000).toFixed(1)} s; by CPU ${(bytes / 1e3 / (g.cpu + (server || 0))).toFixed(2)} MB/s; ` +
            `per document ${g.first.toFixed(1)} → ${g.last.toFixed(1)} ms CPU here (first → last tenth); load ${loadavg()[0]!.toFixed(1)}`,
        );
        const size = await storeBytes(url);
        console.log(`database: ${(size / 1e6).toFixed(0)} MB of tables with their indexes and TOAST in the store's schema, ${(size / bytes).toFixed(2)}× the text`);
      }
      const repeats = Number(values.repeats);
      // The first query loads jieba and the learned words; the rest compile the code, as a server's would be.
      for (const q of WARM_QUERIES) await store.search(q);
      // Per query: wall and client CPU, and the server's CPU over all of them.
      const slow: Array<{ q: string; ms: number }> = [];
      const approximate = new Set<string>();
      const s0 = await serverCpuMs(url);
      const lat = await measure([{
        name: 'pg',
        search: async (q) => {
          const t0 = performance.now();
          if ((await store.search(q)).approximate) approximate.add(JSON.stringify(q));
          slow.push({ q: JSON.stringify(q), ms: performance.now() - t0 });
        },
      }], repeats);
      const server = (await serverCpuMs(url)) - s0;
      if (values.statements) await topStatements(url, 'search');
      const l = lat.get('pg')!;
      const byQuery = new Map<string, number[]>();
      for (const s of slow) byQuery.set(s.q, [...(byQuery.get(s.q) ?? []), s.ms]);
      const medians = [...byQuery].map(([q, ms]) => ({ q, ms: percentile(ms.sort((a, b) => a - b), 50) })).sort((a, b) => b.ms - a.ms);
      console.log(
        `search: ${BENCH_QUERIES.length} queries × ${repeats}: p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms wall; ` +
          `CPU here ${l.cpu50.toFixed(1)} / ${l.cpu99.toFixed(1)} ms; server CPU ${(server / slow.length).toFixed(1)} ms per query on average; load ${loadavg()[0]!.toFixed(1)}`,
      );
      console.log(`approximate (above ${JSON.stringify(limits.searchLimits ?? PG_SEARCH_LIMITS)}): ${[...approximate].join(' ') || 'none'}`);
      console.log(`slowest medians: ${medians.slice(0, 6).map((m) => `${m.q} ${m.ms.toFixed(1)} ms`).join('; ')}`);
      // --http: the bench's HTTP load (two `gongbao serve` on this database, 50 connections) for that many seconds.
      if (values.http) {
        const servers = await startServers(url, [4721, 4722]);
        try {
          const h = await httpLoad([4721, 4722], Number(values.http));
          console.log(`HTTP (serve × 2, 50 connections, ${values.http} s): ${h.requests} requests, ${h.perSecond.toFixed(0)}/s, p50 ${h.p50} ms, p99 ${h.p99} ms, ${h.errors} errors; load ${loadavg()[0]!.toFixed(1)}`);
        } finally {
          await stopServers(servers);
        }
      }
    } finally {
      await store.close();
    }
  } finally {
    if (cluster && !('skip' in cluster)) await cluster.stop();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
