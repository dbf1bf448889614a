/** Test input for the document-level reader: line ranges cut straight out of the samples. */
import { readFileSync } from 'node:fs';
import type { DocumentSource } from '../src/ingest/document-source.js';
import { sample } from './helpers/samples.js';

const cache = new Map<string, string[]>();

/** Lines from..to (1-based, inclusive, as `sed -n from,top` prints them) of sample `id` (000…004). */
export function sampleLines(id: string, from: number, to: number): string[] {
  let lines = cache.get(id);
  if (!lines) {
    lines = readFileSync(sample(id), 'utf8').replace(/^\uFEFF/, '').split('\n');
    cache.set(id, lines);
  }
  return lines.slice(from - 1, to);
}

/** A DocumentSource made of one or more line ranges (a jump-continued or interrupted document). */
export function sampleSource(id: string, ...ranges: Array<[number, number]>): DocumentSource {
  const lines = ranges.flatMap(([a, b]) => sampleLines(id, a, b));
  return { lines, originalText: lines.join('\n') };
}
