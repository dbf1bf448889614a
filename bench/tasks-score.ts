/**
 * `npm run tasks-score`: precision and recall of the task extractor (src/extract/tasks.ts) against
 * the hand-checked fixture test/fixtures/tasks-truth.json. A fact is one (role, unit) pair, the
 * 牵头领导 or the 完成时限 of a task; tasks are paired by their text. Printed as a markdown table
 * for BENCHMARKS.md ("## Task extraction").
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { extractTasks } from '../src/extract/tasks.js';
import { parseFile } from '../src/ingest/index.js';
import { sample } from '../test/helpers/samples.js';

const TruthTask = z.object({
  task: z.string().min(1),
  lead: z.array(z.string()),
  responsible: z.array(z.string()),
  cooperating: z.array(z.string()),
  leader: z.string().optional(),
  deadline: z.string().nullable(),
});
const Truth = z.object({
  documents: z.array(z.object({ sample: z.string(), docNumber: z.string(), ignore: z.array(z.string()), tasks: z.array(TruthTask) })),
});
export type TruthTask = z.infer<typeof TruthTask>;

export const TRUTH_FILE = new URL('../test/fixtures/tasks-truth.json', import.meta.url).pathname;

export function loadTruth(file = TRUTH_FILE): z.infer<typeof Truth> {
  return Truth.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** What the extractor says, in the fixture's terms (an older extractor had only leads/supports). */
export interface ScoredTask {
  readonly task: string;
  readonly lead: readonly string[];
  readonly responsible: readonly string[];
  readonly cooperating: readonly string[];
  readonly leader?: string | null;
  readonly deadline: string | null;
}

const norm = (s: string): string => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

function facts(t: ScoredTask): Set<string> {
  const out = new Set<string>();
  for (const [role, units] of [['牵头', t.lead], ['责任', t.responsible], ['配合', t.cooperating]] as const) for (const u of units) out.add(`${role}:${norm(u)}`);
  if (t.leader) out.add(`领导:${norm(t.leader)}`);
  if (t.deadline) out.add(`时限:${norm(t.deadline)}`);
  return out;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** How alike two task texts are: 1 when one starts the other, else the bigram overlap of their openings. */
export function taskSimilarity(a: string, b: string): number {
  const [x, y] = [norm(a), norm(b)];
  if (!x || !y) return 0;
  if (x.startsWith(y) || y.startsWith(x)) return 1;
  const [p, q] = [bigrams(x.slice(0, 40)), bigrams(y.slice(0, 40))];
  const common = [...p].filter((g) => q.has(g)).length;
  return (2 * common) / (p.size + q.size || 1);
}

export interface Score {
  readonly tasks: { truth: number; found: number; matched: number };
  readonly facts: { truth: number; found: number; matched: number };
}

/** Pair each truth task with the most alike unpaired extracted task (≥ 0.5), then count facts. */
export function scoreDocument(truth: readonly TruthTask[], found: readonly ScoredTask[], report?: (line: string) => void): Score {
  const free = new Set(found.map((_, i) => i));
  let [matchedTasks, matchedFacts, truthFacts, foundFacts] = [0, 0, 0, 0];
  for (const t of truth) {
    const want = facts({ ...t, lead: t.lead });
    truthFacts += want.size;
    let best = -1;
    let bestScore = 0.5;
    for (const i of free) {
      const s = taskSimilarity(t.task, found[i]!.task);
      if (s > bestScore || (s === bestScore && best < 0)) [best, bestScore] = [i, s];
    }
    if (best < 0) {
      report?.(`  missed task: ${t.task}`);
      continue;
    }
    free.delete(best);
    matchedTasks++;
    const got = facts(found[best]!);
    foundFacts += got.size;
    matchedFacts += [...got].filter((f) => want.has(f)).length;
    const [extra, missing] = [[...got].filter((f) => !want.has(f)), [...want].filter((f) => !got.has(f))];
    if (extra.length + missing.length) report?.(`  ${t.task.slice(0, 30)}: extra ${extra.join(' ') || '—'}; missing ${missing.join(' ') || '—'}`);
  }
  for (const i of free) {
    foundFacts += facts(found[i]!).size;
    report?.(`  extra task: ${found[i]!.task.slice(0, 60)}`);
  }
  return {
    tasks: { truth: truth.length, found: found.length, matched: matchedTasks },
    facts: { truth: truthFacts, found: foundFacts, matched: matchedFacts },
  };
}

/** The extractor's answer in the fixture's terms. */
export function asScored(t: object): ScoredTask {
  const x = t as Record<string, unknown>;
  return {
    task: x.task as string,
    lead: (x.leads as string[]) ?? [],
    responsible: (x.responsible as string[] | undefined) ?? (x.supports as string[]) ?? [],
    cooperating: (x.cooperating as string[] | undefined) ?? [],
    leader: (x.leader as string | null) ?? null,
    deadline: (x.deadline as string | null) ?? null,
  };
}

export async function scoreExtractor(report?: (line: string) => void): Promise<Array<{ docNumber: string; score: Score }>> {
  const truth = loadTruth();
  const out: Array<{ docNumber: string; score: Score }> = [];
  const parsed = new Map<string, Awaited<ReturnType<typeof parseFile>>>();
  for (const d of truth.documents) {
    const r = parsed.get(d.sample) ?? parsed.set(d.sample, await parseFile(sample(d.sample))).get(d.sample)!;
    const doc = r.documents.find((x) => x.docNumber === d.docNumber);
    if (!doc) throw new Error(`${d.docNumber} not found in sample ${d.sample}`);
    const ignored = d.ignore.map(norm);
    const found = extractTasks(doc).map(asScored).filter((t) => !ignored.some((p) => norm(t.task).startsWith(p)));
    report?.(d.docNumber);
    out.push({ docNumber: d.docNumber, score: scoreDocument(d.tasks, found, report) });
  }
  return out;
}

const ratio = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(3));

export function total(rows: ReadonlyArray<{ score: Score }>): Score {
  const sum = (f: (s: Score) => number) => rows.reduce((n, r) => n + f(r.score), 0);
  return {
    tasks: { truth: sum((s) => s.tasks.truth), found: sum((s) => s.tasks.found), matched: sum((s) => s.tasks.matched) },
    facts: { truth: sum((s) => s.facts.truth), found: sum((s) => s.facts.found), matched: sum((s) => s.facts.matched) },
  };
}

export function scoreMarkdown(rows: ReadonlyArray<{ docNumber: string; score: Score }>): string {
  const line = (name: string, s: Score) =>
    `| ${name} | ${s.tasks.truth} | ${s.tasks.found} | ${ratio(s.tasks.matched, s.tasks.found)} | ${ratio(s.tasks.matched, s.tasks.truth)} | ${s.facts.truth} | ${ratio(s.facts.matched, s.facts.found)} | ${ratio(s.facts.matched, s.facts.truth)} |`;
  return [
    '| document | tasks (truth) | tasks (found) | task precision | task recall | facts (truth) | fact precision | fact recall |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => line(r.docNumber, r.score)),
    line('**all**', total(rows)),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --explain: every missed, extra or wrong fact, per document.
  const explain = process.argv.includes('--explain') ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  const rows = await scoreExtractor(explain);
  process.stdout.write(`${scoreMarkdown(rows)}\n`);
}
