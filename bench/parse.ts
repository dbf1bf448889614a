/**
 * Parsing time against input size. Synthetic issues are built from the real samples: one
 * issue's cover and 目录, then the document bodies of all four gazettes repeated (each copy
 * with its own serial numbers so that the 文号 stay distinct) up to the target size.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseText } from '../src/ingest/index.js';
import { sample } from '../test/helpers/samples.js';

function synthetic(targetBytes: number): string {
  const bodies = ['000', '002', '003', '004'].map((id) => readFileSync(sample(id), 'utf8'));
  const parts: string[] = [bodies[1]!];
  let size = Buffer.byteLength(parts[0]!);
  for (let copy = 1; size < targetBytes; copy++) {
    for (const b of bodies) {
      // Shift every serial so copies are distinct documents, as in a long multi-year volume.
      const shifted = b.replace(/〕(\d{1,4})号/g, (_, n: string) => `〕${Number(n) + copy * 1000}号`);
      parts.push(shifted);
      size += Buffer.byteLength(shifted);
      if (size >= targetBytes) break;
    }
  }
  return parts.join('\n');
}

export interface ParseBenchRow {
  readonly label: string;
  readonly bytes: number;
  readonly documents: number;
  readonly ms: number;
  readonly msPerMB: number;
}

function time(label: string, text: string, runs: number): ParseBenchRow {
  const source = { file: label, sha256: '', encoding: 'utf-8', bytes: Buffer.byteLength(text) };
  let best = Infinity;
  let documents = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    documents = parseText(text, source).documents.length;
    best = Math.min(best, performance.now() - t0);
  }
  return { label, bytes: source.bytes, documents, ms: best, msPerMB: best / (source.bytes / 1e6) };
}

export function runParseBench(): ParseBenchRow[] {
  const rows: ParseBenchRow[] = [];
  for (const id of ['000', '001', '002', '003', '004']) rows.push(time(`sample ${id}`, readFileSync(sample(id), 'utf8'), 5));
  rows.push(time('synthetic 1 MB', synthetic(1e6), 3));
  rows.push(time('synthetic 10 MB', synthetic(1e7), 2));
  return rows;
}

export function parseBenchMarkdown(rows: readonly ParseBenchRow[]): string {
  const lines = ['| input | bytes | documents | best time (ms) | ms per MB |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.label} | ${r.bytes} | ${r.documents} | ${r.ms.toFixed(1)} | ${r.msPerMB.toFixed(1)} |`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  console.log(parseBenchMarkdown(runParseBench()));
}
