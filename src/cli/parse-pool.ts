/**
 * Parsing many files on all cores: worker threads parse while the main thread stores. Results come
 * back in the order of the files, so an ingest is as deterministic as a one-by-one one.
 */
import { availableParallelism } from 'node:os';
import { UserError } from '../domain/errors.js';
import type { ParseResult } from '../domain/types.js';
import type { ExtractOptions } from '../ingest/formats/index.js';
import { parseFile } from '../ingest/index.js';
import { isInterpretationFile } from '../status/interpretation-ingest.js';
import { prepareResult, type PreparedResult } from '../store/prepared.js';
import type { Preparation } from '../store/store.js';
import { packDocument } from '../store/packed-content.js';
import { keyLiteral } from '../store/postgres/keys.js';
import { startWorker } from '../store/thread.js';
import { restoreResult, type SlimResult } from './parse-transfer.js';

/**
 * A parsed file (prepared for the store when asked: prepared.ts), its one-line error, or a 解读 text
 * (not a gazette: the caller links it).
 */
export type Parsed =
  | { file: string; result: ParseResult; prepared?: PreparedResult }
  | { file: string; error: UserError }
  | { file: string; interpretation: true };

function isInterpretation(file: string): boolean {
  try {
    return isInterpretationFile(file);
  } catch {
    return false; // unreadable: the parser says why, in its own words
  }
}

/** What one file gives, in a worker or inline. */
export async function parseOne(file: string, parse: (file: string) => Promise<ParseResult> = parseFile, prepare?: Preparation): Promise<Parsed> {
  try {
    if (isInterpretation(file)) return { file, interpretation: true };
    const result = await parse(file);
    // The store's per-document work that needs no database, done here on the worker's core.
    if (prepare) return { file, result, prepared: prepareResult(result, { pack: prepare.pack ? packDocument : undefined, mentions: prepare.mentions, searchKeys: prepare.searchKeys ? keyLiteral : undefined }) };
    return { file, result };
  } catch (err) {
    // Parsing is pure: whatever it throws concerns this file only. A reader bug is named as one.
    return { file, error: err instanceof UserError ? err : new UserError(`the reader failed on this file (${String(err)}); please report it`) };
  }
}

/**
 * Workers to start: all cores but the one storing, and at least two on two cores — the storing
 * thread waits for one worker a third of the time there, and a second fills that wait (3.4 → 3.9
 * MB/s at 10,000 documents). GONGBAO_PARSE_WORKERS overrides; 0 parses inline.
 */
export function parseWorkers(files: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const asked = env.GONGBAO_PARSE_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), files);
  // A few files are parsed faster than a worker starts (it loads the parser and OpenCC tables).
  return files < 4 ? 0 : Math.min(files, cores <= 1 ? 1 : Math.max(2, cores - 1));
}

/** Parse the files (in workers when there are any), yielding in file order. */
export async function* parseAll(
  files: readonly string[], workers = parseWorkers(files.length), parse?: (file: string) => Promise<ParseResult>, options: ExtractOptions = {},
  prepare?: Preparation,
): AsyncGenerator<Parsed> {
  if (workers === 0) {
    // Inline, the store does the same work itself: preparing here would only move it.
    for (const file of files) yield await parseOne(file, parse ?? ((f) => parseFile(f, options)));
    return;
  }
  const pool = Array.from({ length: workers }, () => ({ worker: startWorker('./parse-worker', import.meta.url), busy: 0 }));
  const pending = new Map<number, { resolve: (p: Parsed) => void; reject: (e: Error) => void }>();
  const done = new Map<number, Promise<Parsed>>();
  // Files parsed ahead of the store, held in memory: about one batch (the store writes a batch
  // synchronously, and workers only get new files between batches, so they need a queue).
  const window = Math.max(64, workers * 16);
  let next = 0;
  let consumed = 0;
  const pump = () => {
    for (const w of pool) {
      while (w.busy < 32 && next < files.length && next - consumed < window) {
        const id = next++;
        const parsed = new Promise<Parsed>((resolve, reject) => pending.set(id, { resolve, reject }));
        parsed.catch(() => {}); // rethrown where it is awaited, in file order
        done.set(id, parsed);
        w.busy++;
        w.worker.postMessage({ id, file: files[id], options, prepare });
      }
    }
  };
  for (const w of pool) {
    w.worker.on('message', (m: { id: number; parsed?: Parsed; slim?: SlimResult; userError?: string; crash?: string }) => {
      const p = pending.get(m.id)!;
      pending.delete(m.id);
      w.busy--;
      if (m.crash !== undefined) p.reject(new Error(m.crash));
      // A UserError crosses the thread boundary as its message.
      else if (m.userError !== undefined) p.resolve({ file: files[m.id]!, error: new UserError(m.userError) });
      else if (m.slim !== undefined) {
        const prepared = restoreResult(m.slim);
        p.resolve({ file: files[m.id]!, result: prepared.result, prepared });
      } else p.resolve(m.parsed!);
      pump();
    });
    w.worker.on('error', (err) => pending.forEach((p) => p.reject(err)));
  }
  pump();
  try {
    for (let i = 0; i < files.length; i++) {
      const parsed = await done.get(i)!;
      done.delete(i);
      consumed++;
      pump();
      yield parsed;
    }
  } finally {
    await Promise.all(pool.map((w) => w.worker.terminate()));
  }
}
