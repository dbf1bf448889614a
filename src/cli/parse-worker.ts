/** A parse worker: file paths in, ParseResults (or the one-line UserError message) out. */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../domain/errors.js';
import { parseFile } from '../ingest/index.js';

parentPort!.on('message', async (job: { id: number; file: string }) => {
  try {
    parentPort!.postMessage({ id: job.id, result: await parseFile(job.file) });
  } catch (err) {
    if (err instanceof UserError) parentPort!.postMessage({ id: job.id, userError: err.message });
    else parentPort!.postMessage({ id: job.id, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
