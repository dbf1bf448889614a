/**
 * Where the CPU of an ingest goes, stage by stage, on one thread (process.cpuUsage, so a busy
 * machine changes little): parse, prepare (what the parse workers do for the store), store (a
 * prepared batch, and a plain one the store prepares itself), and relations and statuses
 * recomputed (from the documents' text as before, from the stored status inputs, and
 * incrementally after one more file).
 *   node --import tsx bench/ingest-stages.ts <corpus dir> [files]
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OfficialDocument, ParseResult } from '../src/domain/types.js';
import { parseFile } from '../src/ingest/index.js';
import { recomputeAll, recomputeOwed, statusesOf, todayInChina } from '../src/status/recompute.js';
import { buildWorld } from '../src/status/world.js';
import { reviewDocument } from '../src/extract/privacy-review.js';
import { statusInputOf, statusKeys } from '../src/extract/status-input.js';
import { foldDocument } from '../src/search/document.js';
import { prepareResult, type PreparedResult } from '../src/store/prepared.js';
import { extractRegisters } from '../src/store/registers.js';
import { packDocument } from '../src/store/packed-content.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = cpu();
  const v = await f();
  return [v, cpu() - t];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.txt') ? [p] : [];
  });
}

const BATCH = 48;
const batches = <T>(xs: readonly T[]) => Array.from({ length: Math.ceil(xs.length / BATCH) }, (_, i) => xs.slice(i * BATCH, (i + 1) * BATCH));

async function main(): Promise<void> {
  const [dir, limit] = process.argv.slice(2);
  if (!dir) throw new Error('usage: bench/ingest-stages.ts <corpus dir> [files]');
  const files = filesUnder(dir).slice(0, limit ? Number(limit) : undefined);
  const [parsed, parse] = await timed(() => Promise.all(files.map((f) => parseFile(f))));
  const last = parsed.pop()!;
  const docs = parsed.reduce((n, r) => n + r.documents.length, 0);
  const mb = parsed.reduce((n, r) => n + r.source.bytes, 0) / 1e6;
  const [prepared, prepare] = await timed(() => parsed.map((r) => prepareResult(r, { pack: packDocument })));
  // The parts of prepare, each over every document on its own (so they add up to more than prepare).
  const all = parsed.flatMap((r) => r.documents);
  const part = async (f: (d: OfficialDocument) => unknown) => (await timed(() => all.forEach(f)))[1];
  const parts: Array<[string, number]> = [
    ['· fold (de-identified search text)', await part((d) => foldDocument(d))],
    ['· registers (tasks, targets, normative, unit mentions)', await part((d) => extractRegisters(d))],
    ['· status inputs and keys (with the normative judgement, which prepare takes from the registers)', await part((d) => statusKeys(statusInputOf(d)))],
    ['· privacy review', await part((d) => reviewDocument(d))],
    ['· pack (brotli)', await part((d) => packDocument(d, { title: d.title, docnum: '', body: d.text }))],
  ];

  const store = async (items: ReadonlyArray<ParseResult | PreparedResult>) => {
    const s = await openSqliteStore(':memory:');
    const [, ms] = await timed(async () => {
      for (const b of batches(items)) await s.ingestMany(b);
    });
    return { s, ms };
  };
  const plain = await store(parsed);
  await plain.s.close();
  const { s, ms: storePrepared } = await store(prepared);

  const today = todayInChina();
  const [, fromText] = await timed(async () => {
    const documents: OfficialDocument[] = [];
    for await (const d of s.allDocuments()) documents.push(d);
    return statusesOf(buildWorld({ documents, corrections: await s.corrections() }), today);
  });
  const [, full] = await timed(() => recomputeAll(s, today));
  await s.ingestMany([prepareResult(last, { pack: packDocument })]);
  const [incremental, owed] = await timed(() => recomputeOwed(s, today));
  if (!incremental) throw new Error('the incremental recompute declined');
  await s.close();

  const per = (ms: number) => (ms / docs).toFixed(2);
  const rows: Array<[string, number]> = [
    ['parse (parse workers)', parse],
    ['prepare: fold, registers, status inputs, privacy review, pack (parse workers)', prepare],
    ...parts,
    ['store a plain batch (the store prepares it: the main thread before)', plain.ms],
    ['store a prepared batch (the main thread now)', storePrepared],
    ['relations and statuses from the documents\' text (recomputeAll before)', fromText],
    ['recomputeAll from the stored status inputs', full],
  ];
  process.stdout.write(`${files.length - 1} files, ${docs} documents, ${mb.toFixed(1)} MB; CPU ms per document (process.cpuUsage, one thread)\n\n`);
  process.stdout.write('| stage | CPU ms | ms / document |\n|---|---:|---:|\n');
  for (const [name, ms] of rows) process.stdout.write(`| ${name} | ${ms.toFixed(0)} | ${per(ms)} |\n`);
  process.stdout.write(`| recomputeOwed after one more file (${last.documents.length} documents) | ${owed.toFixed(0)} | – |\n`);
}

await main();
