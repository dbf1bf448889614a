/**
 * `npm run bench`: runs every benchmark and rewrites its own "## <name>" section of BENCHMARKS.md,
 * leaving the other sections as they are. Add a benchmark by adding an entry to BENCHES.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseBenchMarkdown, runParseBench } from './parse.js';
import { runSearchBench, scaledCorpus, searchBenchMarkdown } from './search.js';
import { postgresTarget } from './postgres.js';
import { runScaleBench, scaleGrowthMarkdown } from './scale.js';

const FILE = new URL('../BENCHMARKS.md', import.meta.url).pathname;

const PARSE_NOTE =
  'Best of several runs of `parseText` (decoding excluded). Synthetic issues repeat the four gazettes with shifted 文号 serials; ms per MB staying flat from 1 MB to 10 MB shows linear growth.';

/** Copies of the three gazettes in the scale run (about 47 documents each); BENCH_COPIES overrides. */
const COPIES = Number(process.env.BENCH_COPIES ?? 20);

/** A run returns null when it cannot run here (no PostgreSQL binaries): its section stays as it was. */
const BENCHES: Array<{ section: string; key?: string; run: () => Promise<string | null> }> = [
  { section: 'Parsing', run: async () => `${PARSE_NOTE}\n\n${parseBenchMarkdown(runParseBench())}` },
  { section: 'Search', run: async () => searchBenchMarkdown(await runSearchBench()) },
  {
    section: 'PostgreSQL search',
    run: async () => {
      const pg = await postgresTarget();
      if (!pg) return null;
      try {
        return searchBenchMarkdown(await runSearchBench(20, pg.target), 'PostgreSQL store (throwaway local cluster, fsync off)');
      } finally {
        await pg.stop();
      }
    },
  },
  { section: `At scale: ${Number(process.env.BENCH_DOCS ?? 10000).toLocaleString('en')} documents, Gongbao beside FTS5, FlexSearch and a linear scan`, key: 'scale', run: runScaleBench },
  // After a scale run of either size: how each engine grew between the latest runs of both.
  { section: 'At scale: growth from 10,000 to 100,000 documents', key: 'scale', run: async () => scaleGrowthMarkdown() },
  {
    section: 'Search at scale',
    run: async () =>
      searchBenchMarkdown(await runSearchBench(5, undefined, scaledCorpus(COPIES)), 'SQLite store', `${COPIES} copies of the three gazettes, each its own issue with shifted 文号 serials`),
  },
];

/** Replace (or append) the body of one "## name" section; pure so it can be tested. */
export function replaceSection(doc: string, name: string, body: string): string {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${name}`);
  const block = [`## ${name}`, '', body.trim(), ''];
  if (start === -1) return `${doc.trimEnd()}${doc.trim() ? '\n\n' : ''}${block.join('\n')}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  return [...lines.slice(0, start), ...block, ...lines.slice(end)].join('\n');
}

let doc = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n\nWritten by `npm run bench` (bench/run.ts).\n';
const only = process.argv.slice(2);
// `npm run bench -- scale` runs one section by its key; with no argument every section but scale
// (minutes at 10k documents) runs.
for (const b of BENCHES.filter((x) => (only.length === 0 ? x.key !== 'scale' : only.includes(x.section) || (x.key !== undefined && only.includes(x.key))))) {
  const result = await b.run();
  if (result === null) {
    console.log(`## ${b.section}: skipped (cannot run here)`);
    continue;
  }
  const body = `${result}\n\nRun ${new Date().toISOString().slice(0, 10)}.`;
  console.log(`## ${b.section}\n\n${body}\n`);
  doc = replaceSection(doc, b.section, body);
}
writeFileSync(FILE, doc.endsWith('\n') ? doc : `${doc}\n`);
