/**
 * `npm run bench -- scale`: Gongbao at a province's scale beside the engines a team would otherwise
 * pick, built in the same run over the same texts (the folded documents Gongbao indexes) and asked
 * the same 65 bench queries, interleaved: SQLite FTS5 trigram + bm25, FlexSearch over jieba words,
 * a linear scan; then Gongbao on PostgreSQL, and HTTP search under 50 connections with autocannon.
 * BENCH_DOCS (10000), BENCH_REPEATS (5), BENCH_HTTP_SECONDS (10), BENCH_PG_DOCS (BENCH_DOCS; 0: no PostgreSQL).
 * Each corpus size writes its own section of BENCHMARKS.md ("At scale: N documents").
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import FlexSearch from 'flexsearch';
import { collectInputs } from '../src/cli/commands/ingest.js';
import { ingestFiles } from '../src/cli/ingest-files.js';
import { foldDocument, type FoldedDoc } from '../src/search/document.js';
import { ftsQuote, parseQuery } from '../src/search/query.js';
import { Segmenter } from '../src/search/segment.js';
import { recomputeIfOwed } from '../src/status/recompute.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { SearchQuery, Store } from '../src/store/store.js';
import { startTestPostgres } from '../test/helpers/pg.js';
import { generateCorpus } from './corpus.js';
import { BENCH_QUERIES, percentile, WARM_QUERIES } from './search.js';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const rssMB = () => process.memoryUsage().rss / 1e6;
const MB = (b: number) => (b / 1e6).toFixed(b < 1e7 ? 1 : 0);

interface Build {
  readonly name: string;
  readonly ms: number;
  readonly cpu: number;
  readonly bytes: number;
  readonly rss: number;
  readonly note?: string;
}

export const GONGBAO_SQLITE = 'Gongbao (SQLite)';
export const GONGBAO_PG = 'Gongbao (PostgreSQL)';

export interface Engine {
  readonly name: string;
  search(q: SearchQuery): Promise<unknown> | unknown;
}

/** CPU ms of the calling thread (Linux: utime + stime of /proc/thread-self/stat, in clock ticks of 10 ms). */
export function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Gongbao's own ingest path (workers, batches, recompute), with ms per document along the way. */
export async function ingestGongbao(store: Store, files: string[]) {
  const t0 = performance.now();
  const c0 = cpuMs();
  const main0 = threadCpuMs();
  const marks: Array<{ documents: number; ms: number; cpu: number; main: number }> = [];
  let documents = 0;
  let recomputeMs = 0;
  // As `gongbao ingest` runs it: relations and statuses recomputed once the files are stored, beside
  // the store's index upkeep (SQLite: the whole-index merge in a worker thread).
  await ingestFiles(store, files, {
    outcome: () => {},
    failure: (f, e) => console.error(`${f}: ${e.message}`),
    progress: (p) => {
      documents = p.documents;
      marks.push({ documents: p.documents, ms: performance.now() - t0, cpu: cpuMs() - c0, main: threadCpuMs() - main0 });
    },
    after: async () => {
      const r0 = performance.now();
      await recomputeIfOwed(store);
      recomputeMs = performance.now() - r0;
    },
  });
  const storedMs = marks[marks.length - 1]?.ms ?? 0;
  // Per-document cost over the first and the last tenth of the documents: flat means no growth.
  const at = (frac: number) => marks.find((m) => m.documents >= documents * frac) ?? marks[marks.length - 1]!;
  // CPU time (this process and its parse workers): wall time on a shared machine measures the load.
  // The process's slope mixes the workers running ahead with the storing thread catching up; the
  // storing thread's own (the only one whose work touches the growing file) tells growth apart.
  const slope = (a: number, b: number, of: 'cpu' | 'main' = 'cpu') => (at(b)[of] - at(a)[of]) / Math.max(1, at(b).documents - at(a).documents);
  // After the last batch: the index upkeep and, beside it, the recompute (this process's CPU, the merge's thread too).
  const tailCpu = cpuMs() - c0 - (marks[marks.length - 1]?.cpu ?? 0);
  return { ms: performance.now() - t0, cpu: cpuMs() - c0, storedMs, recomputeMs, tailCpu, documents, first: slope(0, 0.1), last: slope(0.9, 1),
    storingFirst: slope(0, 0.1, 'main'), storingLast: slope(0.9, 1, 'main') };
}

function fts5Anchor(texts: FoldedDoc[], file: string): Build {
  const t0 = performance.now();
  const c0 = cpuMs();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(title, docnum, body, tokenize = 'trigram')");
  const ins = db.prepare('INSERT INTO t(rowid, title, docnum, body) VALUES (?, ?, ?, ?)');
  db.transaction(() => texts.forEach((d, i) => ins.run(i + 1, d.title, d.docnum, d.body)))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { name: 'SQLite FTS5 trigram + bm25', ms: performance.now() - t0, cpu: cpuMs() - c0, bytes: statSync(file).size, rss: rssMB() };
}

/** Searching an FTS5 trigram table `t` built as fts5Anchor builds it (also for bench/scale-search.ts). */
export function fts5Engine(db: Database.Database, name = 'SQLite FTS5 trigram + bm25'): Engine {
  const cache = new Map<string, Database.Statement>();
  return {
    name,
    search(q) {
      // Terms of 3+ characters are MATCH phrases; shorter ones (trigrams cannot match them) LIKE.
      const parsed = parseQuery(q.q);
      const args: string[] = [];
      const match: string[] = [];
      const like: string[] = [];
      for (const g of parsed.groups) {
        const long = g.terms.every((t) => [...t.text].length >= 3);
        if (long) match.push(`${g.negated ? 'NOT ' : ''}(${g.terms.map((t) => ftsQuote(t.text)).join(' OR ')})`);
        else {
          like.push(`${g.negated ? 'NOT ' : ''}(${g.terms.map((t) => (args.push(`%${t.text}%`), "(title || docnum || body) LIKE ?")).join(' OR ')})`);
        }
      }
      const m = match.filter((x) => !x.startsWith('NOT ')).length > 0 ? match.join(' AND ').replace(/^NOT /, '') : null;
      const where = [m ? 't MATCH ?' : null, ...like].filter(Boolean).join(' AND ') || '1';
      const sql = `SELECT rowid FROM t WHERE ${where} ${m ? 'ORDER BY rank' : ''} LIMIT ? OFFSET ?`;
      let s = cache.get(sql);
      if (!s) cache.set(sql, (s = db.prepare(sql)));
      return s.all(...(m ? [m] : []), ...args, q.limit ?? 20, q.offset ?? 0);
    },
  };
}

/** A full garbage collection, so heap growth measures what is kept (--expose-gc set at run time). */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function flexAnchor(texts: FoldedDoc[], seg: Segmenter): { build: Build; engine: Engine } {
  collect();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const c0 = cpuMs();
  const index = new FlexSearch.Index({ tokenize: 'strict', encode: (s: string) => s.split(' ').filter(Boolean) });
  texts.forEach((d, i) => index.add(i + 1, seg.indexText(`${d.title} ${d.docnum} ${d.body}`)));
  const ms = performance.now() - t0;
  collect();
  const bytes = Math.max(0, process.memoryUsage().heapUsed - heap0);
  const build = { name: 'FlexSearch 0.8 (jieba words)', ms, cpu: cpuMs() - c0, bytes, rss: rssMB(), note: 'size: JS heap growth' };
  return {
    build,
    engine: { name: build.name, search: (q) => index.search(seg.queryWords(q.q).join(' '), { limit: q.limit ?? 20, offset: q.offset ?? 0 }) },
  };
}

function linearScan(texts: FoldedDoc[]): { build: Build; engine: Engine } {
  const t0 = performance.now();
  const hay = texts.map((d) => `${d.title}\n${d.docnum}\n${d.body}`.toLowerCase());
  const build = { name: 'linear scan', ms: performance.now() - t0, cpu: 0, bytes: hay.reduce((n, h) => n + Buffer.byteLength(h), 0), rss: rssMB() };
  return {
    build,
    engine: {
      name: build.name,
      search(q) {
        const parsed = parseQuery(q.q);
        const hits: number[] = [];
        hay.forEach((h, i) => {
          if (parsed.groups.every((g) => g.terms.some((t) => h.includes(t.text.toLowerCase())) !== g.negated)) hits.push(i);
        });
        return { total: hits.length, hits: hits.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 20)) };
      },
    },
  };
}

export type Latency = Awaited<ReturnType<typeof measure>> extends Map<string, infer L> ? L : never;

/**
 * The engines that live in files (Gongbao on SQLite or PostgreSQL, FTS5) searched by a fresh
 * process, bench/scale-search.ts: this one's heap holds the in-memory anchors, and collecting it
 * made every engine measured here about 3× slower (FTS5's CPU p50 21.8 ms here, 7.8 alone).
 */
async function searchInChild(args: string[], repeats: number): Promise<Map<string, Latency>> {
  const script = new URL('./scale-search.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args, '--repeats', String(repeats), '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bench/scale-search.ts ${args.join(' ')} exited ${code}`);
  return new Map(JSON.parse(out) as Array<[string, Latency]>);
}

/** Every engine asked every query in turn, `repeats` times: each sees the same machine load. */
export async function measure(engines: Engine[], repeats: number) {
  const times = new Map<string, number[]>(engines.map((e) => [e.name, []]));
  const cpu = new Map<string, number[]>(engines.map((e) => [e.name, []]));
  // The first round apart: each query asked for the first time (no cache of this process warm for it).
  const first = new Map<string, number[]>(engines.map((e) => [e.name, []]));
  for (let r = 0; r < repeats; r++) {
    for (const q of BENCH_QUERIES) {
      for (const e of engines) {
        const c0 = cpuMs();
        const t0 = performance.now();
        await e.search(q);
        times.get(e.name)!.push(performance.now() - t0);
        cpu.get(e.name)!.push(cpuMs() - c0);
        if (r === 0) first.get(e.name)!.push(cpuMs() - c0);
      }
    }
  }
  return new Map([...times].map(([n, t]) => {
    const s = t.sort((a, b) => a - b);
    const c = cpu.get(n)!.sort((a, b) => a - b);
    const f = first.get(n)!.sort((a, b) => a - b);
    return [n, { p50: percentile(s, 50), p99: percentile(s, 99), cpu50: percentile(c, 50), cpu99: percentile(c, 99), first50: percentile(f, 50), first99: percentile(f, 99) }];
  }));
}

export async function startServers(db: string, ports: number[]): Promise<ChildProcess[]> {
  const main = new URL('../src/cli/main.ts', import.meta.url).pathname;
  const procs = ports.map((port) => spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--db', db, '--port', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, GONGBAO_RATE_LIMIT: '0' },
  }));
  for (const port of ports) {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/v1/search?q=%E6%B6%88%E9%98%B2`)).ok) break;
      } catch { /* not up yet */ }
      if (i > 600) throw new Error(`gongbao serve on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return procs;
}

export async function stopServers(procs: ChildProcess[]): Promise<void> {
  await Promise.all(procs.map((p) => new Promise<void>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill();
  })));
}

/** 50 connections spread over the servers, each request one of the bench queries in turn. */
export async function httpLoad(ports: number[], seconds: number) {
  const paths = BENCH_QUERIES.map((q) => `/api/v1/search?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString()}`);
  const results = await Promise.all(ports.map((port) => autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: Math.round(50 / ports.length),
    duration: seconds,
    // A loaded 2-core machine answers slowly: count only real failures, not autocannon's 10 s default.
    timeout: 30,
    requests: paths.map((path) => ({ method: 'GET', path })),
  })));
  return {
    requests: results.reduce((n, r) => n + r.requests.total, 0),
    perSecond: results.reduce((n, r) => n + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
  };
}

/**
 * The anchors built over the texts Gongbao indexes (its folded title, 文号 and body) and every
 * engine searched. In a function of its own: the in-memory anchors (2–3 GB at 100,000 documents)
 * are garbage when it returns, before the PostgreSQL part. (Sessions 6 and 7 saw that part run out
 * of heap; the cause was the PostgreSQL recompute holding every document, fixed in recompute.ts.)
 */
async function anchorsBeside(dbFile: string, ftsFile: string, repeats: number, load: number[]) {
  const reader = await openSqliteStore(dbFile);
  const texts: FoldedDoc[] = [];
  for await (const d of reader.allDocuments()) texts.push(foldDocument(d));
  await reader.close();
  const fts = fts5Anchor(texts, ftsFile);
  const flex = flexAnchor(texts, new Segmenter());
  const scan = linearScan(texts);
  load.push(loadavg()[0]!);
  // Gongbao and FTS5 interleaved in a process of their own; the in-memory anchors interleaved here, where their heaps are.
  const lat = await searchInChild([dbFile, ftsFile], repeats);
  for (const q of WARM_QUERIES) for (const e of [flex.engine, scan.engine]) await e.search(q);
  for (const [name, l] of await measure([flex.engine, scan.engine], repeats)) lat.set(name, l);
  load.push(loadavg()[0]!);
  return { anchors: [fts, flex.build, scan.build], lat };
}

/** What a scale run measured, kept in bench/results/ (committed) so the next size's run can show growth. */
interface ScaleRecord {
  readonly documents: number;
  readonly textBytes: number;
  readonly commit: string;
  readonly date: string;
  readonly engines: ReadonlyArray<{ name: string; ms: number; cpu: number; bytes: number; rss: number; p50: number; p99: number; cpu50: number; cpu99: number }>;
  /** The storing thread's CPU ms a document over the first and the last tenth. */
  readonly storingPerDoc: readonly [number, number];
  readonly postgres?: { documents: number; textBytes: number; ms: number; p50: number; p99: number };
}

const RESULTS = new URL('./results/', import.meta.url).pathname;
const recordFile = (docs: number) => join(RESULTS, `scale-${docs}.json`);

function saveRecord(r: ScaleRecord): void {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(recordFile(r.documents), `${JSON.stringify(r, null, 2)}\n`);
}

function commitOf(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * How each engine grows from the smaller scale run to the larger one (the latest run of each size
 * in bench/results/); null until both have run.
 */
export function scaleGrowthMarkdown(small = 10000, large = 100000): string | null {
  const read = (docs: number): ScaleRecord | null => (existsSync(recordFile(docs)) ? (JSON.parse(readFileSync(recordFile(docs), 'utf8')) as ScaleRecord) : null);
  const a = read(small);
  const b = read(large);
  if (!a || !b) return null;
  const x = (from: number, to: number, unit: string, digits = 1) => `${from.toFixed(digits)} → ${to.toFixed(digits)} ${unit} (${(to / from).toFixed(1)}×)`;
  const rows = a.engines.flatMap((e) => {
    const f = b.engines.find((o) => o.name === e.name);
    return f ? [`| ${e.name} | ${x(e.ms / 1000, f.ms / 1000, 's')} | ${x(e.bytes / 1e6, f.bytes / 1e6, 'MB', 0)} | ${x(e.p50, f.p50, 'ms', 2)} | ${x(e.p99, f.p99, 'ms', 2)} | ${x(e.rss, f.rss, 'MB', 0)} |`] : [];
  });
  const pg = a.postgres && b.postgres
    ? [`| ${GONGBAO_PG} (${a.postgres.documents} → ${b.postgres.documents} documents) | ${x(a.postgres.ms / 1000, b.postgres.ms / 1000, 's', 0)} | | ${x(a.postgres.p50, b.postgres.p50, 'ms')} | ${x(a.postgres.p99, b.postgres.p99, 'ms')} | |`]
    : [];
  return [
    `From ${a.documents.toLocaleString('en')} documents (${MB(a.textBytes)} MB of text; commit ${a.commit}, ${a.date}) to ${b.documents.toLocaleString('en')} ` +
      `(${MB(b.textBytes)} MB; commit ${b.commit}, ${b.date}): ${(b.textBytes / a.textBytes).toFixed(1)}× the text. Written by \`npm run bench -- scale\` from the ` +
      'latest run of each size (bench/results/). Linear growth is the text\'s factor for build time and size; search grows less where an engine reads a bounded part of its matches.',
    '',
    '| engine | build | size | search p50 | search p99 | RSS after build |',
    '|---|---|---|---|---|---|',
    ...rows,
    ...pg,
    '',
    `Gongbao's storing thread, CPU a document over the first and the last tenth of the ingest: ${a.storingPerDoc.map((v) => v.toFixed(2)).join(' → ')} ms at ` +
      `${a.documents.toLocaleString('en')}, ${b.storingPerDoc.map((v) => v.toFixed(2)).join(' → ')} ms at ${b.documents.toLocaleString('en')} (flat, the two figures equal, would mean no growth with the file).`,
  ].join('\n');
}

export async function runScaleBench(): Promise<string> {
  const docs = env('BENCH_DOCS', 10000);
  const repeats = env('BENCH_REPEATS', 5);
  const httpSeconds = env('BENCH_HTTP_SECONDS', 10);
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-scale-'));
  const load: number[] = [loadavg()[0]!];
  const lines: string[] = [];
  try {
    // The corpus: written once, ingested by both stores.
    let textBytes = 0;
    for (const issue of generateCorpus(docs)) {
      const path = join(dir, 'corpus', issue.file);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, issue.text);
      textBytes += Buffer.byteLength(issue.text);
    }
    const files = collectInputs([join(dir, 'corpus')]).files;
    const dbFile = join(dir, 'gongbao.db');
    const store = await openSqliteStore(dbFile);
    const g = await ingestGongbao(store, files);
    await store.close();
    load.push(loadavg()[0]!);
    const gongbao: Build = { name: GONGBAO_SQLITE, ms: g.ms, cpu: g.cpu, bytes: statSync(dbFile).size, rss: rssMB() };
    console.error(`gongbao sqlite: ${(g.ms / 1000).toFixed(0)} s for ${g.documents} documents`);

    const { anchors, lat } = await anchorsBeside(dbFile, join(dir, 'fts5.db'), repeats, load);
    const builds = [gongbao, ...anchors];
    lines.push(
      `${g.documents} documents in ${files.length} generated gazette issues (\`npm run corpus\`), ${MB(textBytes)} MB of gazette text; node ${process.version}, ` +
        `${cpus().length} CPUs shared with other work: load average ${load.map((l) => l.toFixed(1)).join(' → ')} during the run. ` +
        `${BENCH_QUERIES.length} bench queries × ${repeats}, interleaved: Gongbao and FTS5 in a fresh process (bench/scale-search.ts), FlexSearch and the linear scan in the build's, where their heaps are.`,
      '',
      '| engine | build | MB/s | CPU time | index size | × text | search p50 | search p99 | CPU p50 / p99 | first round CPU p50 / p99 | RSS after build |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...builds.map((b) => {
        const l = lat.get(b.name)!;
        return `| ${b.name} | ${(b.ms / 1000).toFixed(1)} s | ${(textBytes / 1e3 / b.ms).toFixed(2)} | ${(b.cpu / 1000).toFixed(1)} s | ${MB(b.bytes)} MB${b.note ? ` (${b.note})` : ''} | ${(b.bytes / textBytes).toFixed(2)} | ${l.p50.toFixed(2)} ms | ${l.p99.toFixed(2)} ms | ${l.cpu50.toFixed(2)} / ${l.cpu99.toFixed(2)} ms | ${l.first50.toFixed(2)} / ${l.first99.toFixed(2)} ms | ${b.rss.toFixed(0)} MB |`;
      }),
      '',
      `Gongbao's build is the whole \`gongbao ingest\` path: parse in worker threads, store in batches, then the index merged (a worker thread) ` +
        `beside relations and statuses: ${((g.ms - g.storedMs) / 1000).toFixed(1)} s of the ${(g.ms / 1000).toFixed(1)} s after the last batch (the recompute ${(g.recomputeMs / 1000).toFixed(1)} s of it; CPU ${(g.tailCpu / 1000).toFixed(1)} s). CPU time per document (parse + store): ${g.first.toFixed(1)} ms over the first tenth, ` +
        `${g.last.toFixed(1)} ms over the last; the storing thread's alone ${g.storingFirst.toFixed(2)} → ${g.storingLast.toFixed(2)} ms; by CPU time the whole build is ${(textBytes / 1e3 / g.cpu).toFixed(2)} MB/s. Its answers carry exact totals, four facets and snippets; the anchors return ids only ` +
        '(FTS5: terms under 3 characters through LIKE; no filters for the anchors).',
    );

    const ports = [4711, 4712];
    const servers = await startServers(dbFile, ports);
    try {
      const h = await httpLoad(ports, httpSeconds);
      lines.push('', `HTTP (\`gongbao serve\` × ${ports.length} on the SQLite file, 50 connections, ${httpSeconds} s, the bench queries in turn): ` +
        `${h.requests} requests, ${h.perSecond.toFixed(0)}/s, latency p50 ${h.p50} ms, p99 ${h.p99} ms, ${h.errors} errors.`);
    } finally {
      await stopServers(servers);
    }

    // Shown now: an hour's SQLite figures must not depend on the PostgreSQL part ending well.
    console.error(lines.join('\n'));
    const record: ScaleRecord = {
      documents: g.documents, textBytes, commit: commitOf(), date: new Date().toISOString().slice(0, 10),
      engines: builds.map((b) => {
        const l = lat.get(b.name)!;
        return { name: b.name, ms: b.ms, cpu: b.cpu, bytes: b.bytes, rss: b.rss, p50: l.p50, p99: l.p99, cpu50: l.cpu50, cpu99: l.cpu99 };
      }),
      storingPerDoc: [g.storingFirst, g.storingLast],
    };
    saveRecord(record);
    const pgDocs = env('BENCH_PG_DOCS', docs);
    // shared_buffers sized for the data: at the default 128 MB a 10k database misses the cache (S2's measurement).
    const pg = pgDocs > 0 ? await startTestPostgres(['shared_buffers=1GB']) : { skip: 'BENCH_PG_DOCS=0' };
    if ('skip' in pg) lines.push('', `PostgreSQL: not measured in this run (${pg.skip}).`);
    else {
      try {
        const pgFiles = pgDocs >= docs ? files : files.slice(0, Math.ceil((files.length * pgDocs) / docs));
        const url = await pg.freshDatabase();
        const pstore = await openPostgresStore(url);
        const pgBytes = pgFiles.reduce((n, f) => n + statSync(f).size, 0);
        const p = await ingestGongbao(pstore, pgFiles);
        await pstore.close();
        const l = (await searchInChild([url], repeats)).get(GONGBAO_PG)!;
        saveRecord({ ...record, postgres: { documents: p.documents, textBytes: pgBytes, ms: p.ms, p50: l.p50, p99: l.p99 } });
        lines.push('', `PostgreSQL (throwaway local cluster, fsync off): ${p.documents} documents, ${MB(pgBytes)} MB, build ${(p.ms / 1000).toFixed(0)} s ` +
          `(${(pgBytes / 1e3 / p.ms).toFixed(2)} MB/s; CPU here ${(p.cpu / 1000).toFixed(0)} s, ${p.first.toFixed(1)} → ${p.last.toFixed(1)} ms per document, the server's own CPU not counted), search p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms (client CPU ${l.cpu50.toFixed(1)} / ${l.cpu99.toFixed(1)} ms, searched by a fresh process); load average ${loadavg()[0]!.toFixed(1)}.`);
        const pgServers = await startServers(url, ports);
        try {
          const h = await httpLoad(ports, httpSeconds);
          lines.push(`HTTP on PostgreSQL (\`gongbao serve\` × ${ports.length}, one database, 50 connections, ${httpSeconds} s): ${h.requests} requests, ` +
            `${h.perSecond.toFixed(0)}/s, p50 ${h.p50} ms, p99 ${h.p99} ms, ${h.errors} errors.`);
        } finally {
          // Before the cluster stops: a server still running then logs its pool's lost connections.
          await stopServers(pgServers);
        }
      } finally {
        await pg.stop();
      }
    }
    return lines.join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
