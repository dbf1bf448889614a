/**
 * `npm run field`: reads every page of the field corpus (test/field/docs), parses it as a user's
 * file would be parsed, scores the result against the truth files and prints per-field accuracy
 * and the list of misses. `--markdown` prints the summary table for BENCHMARKS.md; `--quiet`
 * leaves the misses out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/domain/errors.js';
import { parseFile } from '../../src/ingest/index.js';
import { scorePage, type Field, type Miss, type Outcome, type Truth } from './scoring.js';

const DIR = new URL('./docs', import.meta.url).pathname;
const LABELS: Record<Field, string> = {
  split: 'documents split right',
  docNumber: '文号 / 令 number',
  titleExact: 'title exact',
  titleNear: 'title near (≥0.9)',
  issuer: 'issuer',
  kind: 'kind (文种)',
  writtenDate: '成文日期',
};

async function outcomeOf(path: string): Promise<Outcome> {
  try {
    return { documents: (await parseFile(path)).documents };
  } catch (err) {
    if (err instanceof UserError) return { rejected: err.message };
    throw err;
  }
}

const pct = (r: number, n: number): string => (n === 0 ? '—' : `${((100 * r) / n).toFixed(1)}%`);

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
  const totals = Object.fromEntries(Object.keys(LABELS).map((k) => [k, [0, 0]])) as Record<Field, [number, number]>;
  let found = 0;
  let declared = 0;
  let falseRepeals = 0;
  let rejected = 0;
  let documents = 0;
  const misses: Miss[] = [];
  for (const f of files) {
    const truth = JSON.parse(readFileSync(join(DIR, f.replace(/\.txt$/, '.truth.json')), 'utf8')) as Truth;
    documents += truth.documents.length;
    const s = scorePage(f, truth, await outcomeOf(join(DIR, f)));
    for (const k of Object.keys(totals) as Field[]) {
      totals[k][0] += s.counts[k][0];
      totals[k][1] += s.counts[k][1];
    }
    found += s.repealsFound;
    declared += s.repealsDeclared;
    falseRepeals += s.falseRepeals;
    if (s.rejected) rejected++;
    misses.push(...s.misses);
  }
  const rows = (Object.keys(LABELS) as Field[]).map((k) => `| ${LABELS[k]} | ${totals[k][0]}/${totals[k][1]} | ${pct(totals[k][0], totals[k][1])} |`);
  rows.push(`| declared repeals found | ${found}/${declared} | ${pct(found, declared)} |`);
  rows.push(`| false repeals | ${falseRepeals} | |`);
  rows.push(`| official pages rejected | ${rejected} | |`);
  const table = ['| field | right | accuracy |', '|---|---|---|', ...rows].join('\n');
  console.log(`field corpus: ${files.length} pages, ${documents} documents\n`);
  console.log(table);
  if (args.has('--markdown') || args.has('--quiet')) return;
  console.log(`\nmisses (${misses.length}):`);
  for (const m of misses) console.log(`  ${m.file}  ${m.field}: expected ${m.expected}  got ${m.got}`);
}

await main();
