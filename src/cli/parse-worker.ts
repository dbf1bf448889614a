/**
 * A parse worker: file paths in, ParseResults prepared for the store (or the one-line UserError
 * message, or "a 解读 text") out.
 */
import { parentPort } from 'node:worker_threads';
import type { ExtractOptions } from '../ingest/formats/index.js';
import { parseFile } from '../ingest/index.js';
import type { Preparation } from '../store/store.js';
import { parseOne } from './parse-pool.js';
import { slimResult } from './parse-transfer.js';

parentPort!.on('message', async (job: { id: number; file: string; options: ExtractOptions; prepare?: Preparation }) => {
  try {
    const parsed = await parseOne(job.file, (f) => parseFile(f, job.options), job.prepare);
    if ('error' in parsed) parentPort!.postMessage({ id: job.id, userError: parsed.error.message });
    else if (job.prepare?.slim && 'prepared' in parsed && parsed.prepared) parentPort!.postMessage({ id: job.id, slim: slimResult(parsed.prepared) });
    else parentPort!.postMessage({ id: job.id, parsed });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
