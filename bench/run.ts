/**
 * `npm run bench`: runs every benchmark and rewrites its own "## <name>" section of BENCHMARKS.md,
 * leaving the other sections as they are. Add a benchmark by adding an entry to BENCHES.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseBenchMarkdown, runParseBench } from './parse.js';
import { runSearchBench, searchBenchMarkdown } from './search.js';

const FILE = new URL('../BENCHMARKS.md', import.meta.url).pathname;

const PARSE_NOTE =
  'Best of several runs of `parseText` (decoding excluded). Synthetic issues repeat the four gazettes with shifted 文号 serials; ms per MB staying flat from 1 MB to 10 MB shows linear growth.';

const BENCHES: Array<{ section: string; run: () => Promise<string> }> = [
  { section: 'Parsing', run: async () => `${PARSE_NOTE}\n\n${parseBenchMarkdown(runParseBench())}` },
  { section: 'Search', run: async () => searchBenchMarkdown(await runSearchBench()) },
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
for (const b of BENCHES) {
  const body = `${await b.run()}\n\nRun ${new Date().toISOString().slice(0, 10)}.`;
  console.log(`## ${b.section}\n\n${body}\n`);
  doc = replaceSection(doc, b.section, body);
}
writeFileSync(FILE, doc.endsWith('\n') ? doc : `${doc}\n`);
