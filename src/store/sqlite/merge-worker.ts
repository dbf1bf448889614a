/** A worker thread's body (index-merge.ts mergeInWorker): the deferred merge on its own connection. */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { checkpoint, mergeDeferred } from './index-merge.js';

const { file, whole } = workerData as { file: string; whole: boolean };
const db = new Database(file, { fileMustExist: true, timeout: 15000 });
try {
  db.pragma('synchronous = NORMAL');
  mergeDeferred(db, whole);
  // Committed: the caller's writes may start, beside the copy of the merge's pages into the file.
  parentPort!.postMessage('merged');
  if (whole) checkpoint(db, 'PASSIVE');
} finally {
  db.close();
}
