/**
 * Merging of the search index's segments around a bulk ingest (doc_bg, search-index.ts): put off
 * while its batches are written, done once at its end — on the ingest's own connection, or on a
 * second one in a worker thread (merge-worker.ts) while the ingest's thread recomputes relations and
 * statuses. Only the doc_bg table, its settings and the bulk_ingest row are written here.
 */
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import { startWorker } from '../thread.js';
import { stmt } from './statements.js';

/**
 * Many batches follow: no merging of the index's segments until mergeDeferred. Each batch writes
 * a segment, and FTS5 merges four of a level into the next, so a document's postings were
 * rewritten once a level; merged at the end, a level's segments go at once (0.7 of the storing
 * thread's 3 ms a document). The setting is stored in the file, so the ingest's process is too:
 * a store opened after that process died puts merging back (mergeLeftOver).
 */
export function deferMerges(db: Database.Database): void {
  stmt(db, 'INSERT OR REPLACE INTO bulk_ingest VALUES (1, ?, ?, ?)').run(process.pid, hostname(), new Date().toISOString());
  // FTS5's hashsize at 64 MB: a batch is one segment, not one every ~60 documents (a quarter less
  // CPU an insert). And no forced merge (crisismerge: 16 segments of a level by default): with a
  // segment a batch the 16th of the second level came at 95 % of a 100,000-document ingest,
  // rewrote nearly the whole index at once and left 1.2 GB of free pages (3.88× the text). The
  // merge at the end takes the segments in steps and reuses their pages: 2.79×, 282 s.
  // (Literals: a bound number is a REAL, which FTS5 refuses.)
  stmt(db, "INSERT INTO doc_bg(doc_bg, rank) VALUES('automerge', 0)").run();
  stmt(db, "INSERT INTO doc_bg(doc_bg, rank) VALUES('hashsize', 67108864)").run();
  stmt(db, "INSERT INTO doc_bg(doc_bg, rank) VALUES('crisismerge', 1000)").run();
}

/**
 * Merging back on (FTS5's default), and the merging put off done now: all segments into one
 * when `whole` (a bulk ingest that added a large share of the documents: 26 s at 100,000 documents,
 * and search p50 a quarter lower than over the 15 segments automerge leaves), else level by level.
 * The bulk_ingest row goes last: killed before, the merging is left to be redone (mergeLeftOver).
 */
export function mergeDeferred(db: Database.Database, whole: boolean): void {
  stmt(db, "INSERT INTO doc_bg(doc_bg, rank) VALUES('automerge', 4)").run();
  stmt(db, "INSERT INTO doc_bg(doc_bg, rank) VALUES('hashsize', 1048576)").run();
  stmt(db, "INSERT INTO doc_bg(doc_bg, rank) VALUES('crisismerge', 16)").run();
  if (whole) {
    db.transaction(() => {
      stmt(db, "INSERT INTO doc_bg(doc_bg) VALUES('optimize')").run();
      stmt(db, 'DELETE FROM bulk_ingest').run();
    }).immediate();
    return;
  }
  const changes = stmt(db, 'SELECT total_changes()', true);
  // FTS5's documented test: a 'merge' that found nothing to merge changes fewer than two rows.
  for (;;) {
    const before = changes.get() as number;
    stmt(db, "INSERT INTO doc_bg(doc_bg, rank) VALUES('merge', 4000)").run();
    if ((changes.get() as number) - before < 2) break;
  }
  stmt(db, 'DELETE FROM bulk_ingest').run();
}

/**
 * A whole merge's rewrite went through the WAL (1.5 GB at 100,000 documents): give the space back
 * now, not when the last connection closes (a server may hold one for weeks). Busy readers only
 * defer it. PASSIVE copies what it can without holding writers back.
 */
export function checkpoint(db: Database.Database, mode: 'PASSIVE' | 'TRUNCATE' = 'TRUNCATE'): void {
  db.pragma(`wal_checkpoint(${mode})`);
}

/**
 * mergeDeferred on a connection of its own in a worker thread, so that the calling thread can go on
 * reading (WAL: it sees the file as it was before the merge commits). The caller must not write until
 * `merged` settles: the merge holds the write lock for as long as it runs (26 s at 100,000
 * documents), longer than a busy timeout. The worker then copies the merge's pages from the WAL
 * into the file (PASSIVE: beside the caller's writes) and `done` settles when it has ended; the
 * caller truncates the WAL after its own writes. Killed with the process, it leaves what
 * mergeDeferred leaves.
 */
export function mergeInWorker(file: string, whole: boolean): { merged: Promise<void>; done: Promise<void> } {
  const worker = startWorker('./merge-worker', import.meta.url, { file, whole });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the index merge stopped (exit code ${code})`))));
  });
  const merged = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    done.then(resolve, reject);
  });
  return { merged, done };
}

/**
 * A bulk ingest killed before its end (SIGKILL, power cut) left merging off: without this, every
 * later write would add a segment that no merge takes in until the next bulk ingest ends. Only
 * when its process is known gone (this machine, no such pid): a live one is still ingesting.
 */
export function mergeLeftOver(db: Database.Database): boolean {
  const left = stmt(db, 'SELECT pid, host FROM bulk_ingest').get() as { pid: number; host: string } | undefined;
  if (left === undefined || left.host !== hostname() || processAlive(left.pid)) return false;
  mergeDeferred(db, false);
  return true;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, as another user's.
    return (err as { code?: string }).code === 'EPERM';
  }
}
