/**
 * The whole `gongbao ingest` path over a corpus directory into a fresh SQLite file (parse workers,
 * batches, relations and statuses): wall time, MB/s, and CPU per document of the whole process and
 * of the storing (main) thread alone, so a shared machine's load shows as the gap between them.
 *   node --import tsx bench/ingest-e2e.ts <corpus dir> [db file]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { collectInputs } from '../src/cli/commands/ingest.js';
import { parseWorkers } from '../src/cli/parse-pool.js';
import { ingestGongbao, threadCpuMs } from './scale.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

/** Every thread's name and CPU ms so far (/proc/self/task), to tell parse workers from GC and libuv threads. */
function threadsCpu(): Map<string, { name: string; ms: number }> {
  const out = new Map<string, { name: string; ms: number }>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, { name, ms: (Number(f[11]) + Number(f[12])) * 10 });
    }
  } catch {
    // not Linux: no breakdown
  }
  return out;
}

async function main(): Promise<void> {
  const [dir, out] = process.argv.slice(2);
  if (!dir) throw new Error('usage: bench/ingest-e2e.ts <corpus dir> [db file]');
  const files = collectInputs([dir]).files;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const tmp = out ? null : mkdtempSync(join(tmpdir(), 'gongbao-e2e-'));
  const file = out ?? join(tmp!, 'gongbao.db');
  const load0 = loadavg()[0]!;
  const store = await openSqliteStore(file);
  const main0 = threadCpuMs();
  const t0 = performance.now();
  const elu0 = performance.eventLoopUtilization();
  // Threads end with the ingest (the parse workers): sample them while they run.
  const seen = new Map<string, { name: string; ms: number }>();
  const sample = () => threadsCpu().forEach((v, k) => seen.set(k, v));
  const timer = setInterval(sample, 100);
  const g = await ingestGongbao(store, files);
  clearInterval(timer);
  sample();
  const wall = performance.now() - t0;
  const elu = performance.eventLoopUtilization(elu0);
  const mainCpu = threadCpuMs() - main0;
  await store.close();
  const per = (ms: number) => (ms / g.documents).toFixed(2);
  const mb = bytes / 1e6;
  process.stdout.write(
    `${files.length} files, ${g.documents} documents, ${mb.toFixed(1)} MB; load ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}\n` +
      `wall ${(wall / 1000).toFixed(1)} s = ${(mb / (wall / 1000)).toFixed(2)} MB/s (${per(wall)} ms/doc; stored ${(g.storedMs / 1000).toFixed(1)} s, recompute ${(g.recomputeMs / 1000).toFixed(1)} s)\n` +
      `CPU all threads ${(g.cpu / 1000).toFixed(1)} s = ${per(g.cpu)} ms/doc (${(mb / (g.cpu / 2000)).toFixed(2)} MB/s on 2 cores if evenly spread)\n` +
      `CPU main thread ${(mainCpu / 1000).toFixed(1)} s = ${per(mainCpu)} ms/doc; workers ${per(g.cpu - mainCpu)} ms/doc\n` +
      // Idle = waiting for the parse workers: the storing thread is not the limit while this is large.
      `main thread waiting for parse workers (event loop idle) ${(elu.idle / 1000).toFixed(1)} s of ${(wall / 1000).toFixed(1)}\n` +
      `per document over the first tenth ${g.first.toFixed(2)} ms CPU, the last ${g.last.toFixed(2)} (storing thread ${g.storingFirst.toFixed(2)} → ${g.storingLast.toFixed(2)}); db ${(statSync(file).size / 1e6).toFixed(0)} MB\n`,
  );
  // Node names every thread "node": the main thread is the one whose id is the process's; of the
  // others, the busiest are the parse workers, the rest V8's GC helpers, libuv and the tsx loader.
  const others = [...seen].filter(([tid]) => tid !== String(process.pid)).map(([, t]) => t.ms).sort((a, b) => b - a);
  const workers = others.slice(0, parseWorkers(files.length));
  const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);
  process.stdout.write(
    `threads, CPU ms/doc (sampled every 100 ms): main ${per(seen.get(String(process.pid))?.ms ?? NaN)}, parse workers ${workers.map(per).join(' + ')}, ` +
      `the other ${others.length - workers.length} (GC helpers, libuv, loader) ${per(sum(others.slice(workers.length)))}\n`,
  );
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

await main();
