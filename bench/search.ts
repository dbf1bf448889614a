/**
 * Store and search: time to ingest a corpus (parse and store apart), then search latency p50/p99
 * over realistic queries (words, 2-character fragments, 文号 in several bracket styles, phrases,
 * exclusions, OR, traditional characters, filters) on that database. The same run serves the
 * SQLite store on the five samples, the PostgreSQL store on them, and SQLite at a larger scale.
 */
import { createHash } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { parseFile, parseText } from '../src/ingest/index.js';
import type { ParseResult } from '../src/domain/types.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { SearchQuery, Store } from '../src/store/store.js';
import { sample } from '../test/helpers/samples.js';

const SAMPLES = new URL('../samples/wulong/', import.meta.url).pathname;

const WORDS = [
  '消防', '禁火令', '超充', '放管服', '三位一体', '区发展改革委', '乡村振兴', '安全生产', '应急预案', '疫情防控', '绿色建材',
  '节能减排', '政务公开', '营商环境', '高质量发展', '地方志', '统计', '防汛抗旱', '房屋征收', '补偿标准', '旅游', '仙女山',
  '芙蓉街道', '农村', '职业教育', '医疗', '养老', '就业', '财政', '新能源汽车', '充电桩', '森林火灾', '动物疫情', '排污口',
  '经济普查', '重大行政决策', '规范性文件', '废止', '有效期', '自印发之日起施行', '领导小组', '联席会议', '区林业局',
];
const STRUCTURED = [
  '武隆府办发〔2024〕17号', '武隆府办发[2024]17号', '武隆府发(2024)9号', '武隆府发（2023）1号', '武隆府办〔2023〕6号',
  '〔2024〕17', '[2023]13', '"森林防火"', '"禁火时间"', '消防 -高层', '应急 -预案', '超充 OR 充电桩', '废止 OR 失效',
  '區塊鏈', '綠色建材', '武隆区森林防火禁火令', '高层建筑 消防 安全', '"AND OR NOT * ( ) ^ NEAR" -"',
];

/** The 65 bench queries: words, fragments, 文号 spellings, phrases, exclusions, OR, traditional, filters. */
export const BENCH_QUERIES: readonly SearchQuery[] = [
  ...[...WORDS, ...STRUCTURED].map((q) => ({ q })),
  { q: '通知', year: 2023 }, { q: '武隆区', kind: '通知', limit: 50 }, { q: '', issuer: '重庆市武隆区人民政府' }, { q: '消防', offset: 10 },
];

/**
 * Asked of every engine before the measured rounds, none of them a bench query: a server that has
 * been up a while has its code compiled (V8 optimises a function after it has run a while), and
 * the first round measured 16 % slower after one warming query than after these. What the bench
 * queries read (their doclists, their hits' texts) stays cold: the first round still measures it.
 */
export const WARM_QUERIES: readonly SearchQuery[] = [
  // Found nowhere whole, so cut into words: the segmenter loaded (190 ms), as a server's soon is.
  ...['预热检索引擎', '教育', '卫生健康', '交通运输', '农业农村', '环境保护', '城市管理', '财政预算', '文化旅游', '民政', '水利', '招商引资', '社会保障',
    '医疗保险', '住房公积金', '食品安全', '工程建设', '审计', '档案', '人才', '科技创新', '公共卫生', '道路运输',
    '〔2022〕5', '[2021]8', '武隆府发〔2022〕3号', '"安全检查"', '教育 -职业', '审计 OR 档案', '環境保護'].map((q) => ({ q })),
  { q: '人才', year: 2022 }, { q: '水利', kind: '意见' }, { q: '', issuer: '重庆市人民政府' }, { q: '教育', offset: 20 },
];

export interface SearchBench {
  readonly documents: number;
  readonly parseMs: number;
  readonly storeMs: number;
  readonly firstQueryMs: number;
  readonly queries: number;
  readonly runs: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly slowest: string;
  /** p99 over each query's median: what a query costs, without the scheduler's hiccups. */
  readonly p99OfMedians: number;
  readonly slowestMedian: string;
  /** p99 of CPU time (user + system) per query: unaffected by waiting for a busy CPU. */
  readonly p99Cpu: number;
  readonly loadAverage: number;
  readonly cpus: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Where the benchmark keeps its database: open(location) is called twice (ingest, then search). */
export interface BenchTarget {
  /** A location string the opener understands, created for this run. */
  readonly location: (dir: string) => Promise<string>;
  readonly open: (location: string) => Promise<Store>;
}

export const SQLITE: BenchTarget = { location: async (dir) => join(dir, 'bench.db'), open: openSqliteStore };

/** The five samples, parsed one by one (the parse time is part of what is measured). */
export function sampleCorpus(): Array<() => Promise<ParseResult>> {
  return readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => () => parseFile(join(SAMPLES, f)));
}

export async function runSearchBench(
  repeats = 20,
  target: BenchTarget = SQLITE,
  corpus: Array<() => Promise<ParseResult>> = sampleCorpus(),
): Promise<SearchBench> {
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-bench-'));
  try {
    const file = await target.location(dir);
    const ingester = await target.open(file);
    let parseMs = 0;
    let storeMs = 0;
    for (const next of corpus) {
      const t0 = performance.now();
      const r = await next();
      const t1 = performance.now();
      await ingester.ingest(r);
      parseMs += t1 - t0;
      storeMs += performance.now() - t1;
    }
    const queries = BENCH_QUERIES;
    await ingester.close();
    // A fresh process opening the database: the first query also loads jieba and the learned words.
    const t = performance.now();
    const store = await target.open(file);
    await store.search({ q: '禁火令' });
    const firstQueryMs = performance.now() - t;
    const times: Array<{ ms: number; q: string }> = [];
    const cpu: number[] = [];
    for (let i = 0; i < repeats; i++) {
      for (const q of queries) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await store.search(q);
        times.push({ ms: performance.now() - t0, q: JSON.stringify(q) });
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
    }
    const documents = (await store.counts()).documents;
    await store.close();
    const sorted = times.map((x) => x.ms).sort((a, b) => a - b);
    const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a));
    const byQuery = new Map<string, number[]>();
    for (const t of times) byQuery.set(t.q, [...(byQuery.get(t.q) ?? []), t.ms]);
    const medians = [...byQuery].map(([q, ms]) => ({ q, ms: percentile(ms.sort((a, b) => a - b), 50) })).sort((a, b) => a.ms - b.ms);
    return {
      documents, parseMs, storeMs, firstQueryMs, queries: queries.length, runs: times.length,
      p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: slowest.ms, slowest: slowest.q,
      p99OfMedians: percentile(medians.map((m) => m.ms), 99), slowestMedian: medians[medians.length - 1]!.q,
      p99Cpu: percentile(cpu.sort((a, b) => a - b), 99), loadAverage: loadavg()[0]!, cpus: cpus().length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function searchBenchMarkdown(b: SearchBench, what = 'SQLite store (WAL)', corpus = 'the five samples'): string {
  const f = (x: number) => x.toFixed(2);
  return [
    `${what}, ${b.documents} documents from ${corpus}; node ${process.version}, ${process.platform}/${process.arch}, ` +
      `${b.cpus} CPUs, load average ${b.loadAverage.toFixed(1)} at the end of the run (other work on the machine shows up in p99 and max).`,
    '',
    '| measure | value |',
    '|---|---:|',
    `| ingest: parse | ${b.parseMs.toFixed(0)} ms |`,
    `| ingest: store + index | ${b.storeMs.toFixed(0)} ms (${(b.storeMs / b.documents).toFixed(1)} ms per document) |`,
    `| open + first query (loads jieba + learned dictionary) | ${b.firstQueryMs.toFixed(0)} ms |`,
    `| search p50 (${b.queries} queries × ${b.runs / b.queries} runs) | ${f(b.p50)} ms |`,
    `| search p99 (goal < 10 ms) | ${f(b.p99)} ms |`,
    `| search p99, CPU time per query | ${f(b.p99Cpu)} ms |`,
    `| search max | ${f(b.max)} ms (${b.slowest.replace(/\|/g, '\\|')}) |`,
    `| p99 of per-query medians | ${f(b.p99OfMedians)} ms (slowest: ${b.slowestMedian.replace(/\|/g, '\\|')}) |`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  console.log(searchBenchMarkdown(await runSearchBench()));
}

/**
 * A larger corpus for the scale run: `copies` copies of the four gazettes, each copy its own
 * issue (期 number shifted) with its own 文号 serials, as a county's archive of many years would be.
 */
export function scaledCorpus(copies: number): Array<() => Promise<ParseResult>> {
  // 000 has no cover, so its copies would all be one issue (each a corrected edition of the last).
  const ids = ['002', '003', '004'];
  const texts = ids.map((id) => readFileSync(sample(id), 'utf8'));
  const out: Array<() => Promise<ParseResult>> = [];
  for (let copy = 0; copy < copies; copy++) {
    texts.forEach((text, i) => {
      const shifted = copy === 0 ? text : text
        .replace(/〕(\d{1,4})号/g, (_, n: string) => `〕${Number(n) + copy * 1000}号`)
        .replace(/^(\d{4}年第)(\d+)(期)$/m, (_, a: string, n: string, b: string) => `${a}${Number(n) + copy * 10}${b}`);
      out.push(async () => parseText(shifted, { file: `scaled-${copy}-${ids[i]}.txt`, sha256: createHash('sha256').update(shifted).digest('hex'), encoding: 'utf-8', bytes: Buffer.byteLength(shifted) }));
    });
  }
  return out;
}
