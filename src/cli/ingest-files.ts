/**
 * Ingesting many files fast: parsed on all cores (parse-pool.ts), stored in batches of several
 * megabytes (Store.ingestMany: one transaction, words learned and documents re-cut once per batch).
 * One bad file never stops the batch: its one-line error is reported and the rest go in.
 */
import { performance } from 'node:perf_hooks';
import { UserError } from '../domain/errors.js';
import type { ParseResult } from '../domain/types.js';
import type { ExtractOptions } from '../ingest/formats/index.js';
import type { IngestOutcome, Store } from '../store/store.js';
import type { PreparedResult } from '../store/prepared.js';
import { parseAll } from './parse-pool.js';

/** Bytes of source per batch: large enough that the per-transaction costs vanish, small enough to hold. */
const BATCH_BYTES = 4e6;
const BATCH_FILES = 48;

export interface IngestProgress {
  readonly files: number;
  readonly file: string;
  readonly documents: number;
  readonly bytes: number;
  readonly documentsPerSecond: number;
}

export interface IngestListener {
  /** `prepared`: the file as the parse worker prepared it (its privacy review done there). */
  outcome(o: IngestOutcome, result: ParseResult, file: string, prepared?: PreparedResult): void;
  failure(file: string, err: UserError): void;
  /** A 解读 text, taken whole by the caller after everything before it is stored (it links to those). */
  interpretation?(file: string): Promise<void>;
  /** A file is done with (stored, linked or skipped), in file order. */
  done?(file: string): void;
  progress?(p: IngestProgress): void;
  /**
   * Once every file is stored (not when storing failed): the recompute of relations and statuses.
   * It may run while the store finishes its index upkeep (Store.inBulk); done when ingestFiles is.
   */
  after?(): Promise<unknown>;
}

/**
 * `parse`: a parse function of the caller's, run inline (tests); else the files are parsed in
 * workers, with `options` (--ocr).
 */
export async function ingestFiles(
  store: Store, files: readonly string[], on: IngestListener, parse?: (file: string) => Promise<ParseResult>, workers?: number,
  options: ExtractOptions = {},
): Promise<void> {
  const t0 = performance.now();
  let batch: Array<{ file: string; result: ParseResult; prepared?: PreparedResult }> = [];
  let batchBytes = 0;
  let filesDone = 0;
  let documents = 0;
  let bytes = 0;
  let last = '';
  const flush = async () => {
    if (batch.length === 0) return;
    const outcomes = await store.ingestMany(batch.map((b) => b.prepared ?? b.result));
    outcomes.forEach((o, i) => {
      on.outcome(o, batch[i]!.result, batch[i]!.file, batch[i]!.prepared);
      on.done?.(batch[i]!.file);
    });
    filesDone += batch.length;
    documents += batch.reduce((n, b) => n + b.result.documents.length, 0);
    bytes += batchBytes;
    batch = [];
    batchBytes = 0;
    on.progress?.({ files: filesDone, file: last, documents, bytes, documentsPerSecond: documents / ((performance.now() - t0) / 1000) });
  };
  // Workers prepare what the store would compute on this thread, as it asks (Store.preparation);
  // for any store, each document's privacy review and folded text (prepared.ts).
  const prepare = store.preparation ?? { pack: false, mentions: false, slim: false };
  // One bulk operation: the store's index upkeep waits for the last batch, and may overlap `after`.
  const run = async () => {
    for await (const p of parseAll(files, parse ? 0 : workers, parse, options, prepare)) {
      last = p.file;
      if ('interpretation' in p || 'error' in p) {
        // What came before is stored first: a 解读 links to it, and files are reported in order.
        await flush();
        try {
          if ('interpretation' in p) await on.interpretation?.(p.file);
          else on.failure(p.file, p.error);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          on.failure(p.file, err);
        }
        filesDone++;
        on.done?.(p.file);
        continue;
      }
      batch.push({ file: p.file, result: p.result, ...(p.prepared ? { prepared: p.prepared } : {}) });
      batchBytes += p.result.source.bytes;
      if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_FILES) await flush();
    }
    await flush();
  };
  const after = on.after?.bind(on);
  if (store.inBulk) await store.inBulk(run, after);
  else {
    await run();
    await after?.();
  }
}
