/**
 * Crash safety of `gongbao ingest`, on both stores: the real command is SIGKILLed at random
 * moments of a multi-file ingest of the samples — every third kill aimed at the window after the
 * last issue is committed, while relations and statuses are being recomputed. After each kill the
 * database must be intact (SQLite: `PRAGMA integrity_check`), hold only whole issues, and a plain
 * re-ingest must leave it equal (row counts, statuses) to a database that was never interrupted.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Command } from 'commander';
import pg from 'pg';
import { registerIngest } from '../src/cli/commands/ingest.js';
import { startTestPostgres } from './helpers/pg.js';
import { ALL_SAMPLES, sample } from './helpers/samples.js';

const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gongbao-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The ingest command's own action, in this process (the re-ingest a user would run). */
async function ingestCommand(db: string, files: readonly string[]): Promise<void> {
  const program = new Command().exitOverride();
  registerIngest(program);
  const write = process.stdout.write;
  process.stdout.write = () => true; // the summary line is not what this test reads
  try {
    await program.parseAsync(['node', 'gongbao', 'ingest', ...files, '--db', db]);
  } finally {
    process.stdout.write = write;
    process.exitCode = 0;
  }
}

interface Snapshot {
  counts: Record<string, number>;
  statuses: string[];
  /** Issue id → its documents. */
  issues: Map<string, string[]>;
}

/** What a test needs from a database besides the command: a fresh one, a look inside, a check. */
interface Backend {
  fresh(): Promise<string>;
  /** -1 while the schema is not there yet. */
  issuesCommitted(db: string): Promise<number>;
  snapshot(db: string): Promise<Snapshot>;
  intact(db: string): Promise<void>;
}

type Query = (sql: string) => Promise<unknown[]>;

async function snapshotOf(tables: string[], query: Query): Promise<Snapshot> {
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await query(`SELECT count(*) AS n FROM "${t}"`) as Array<{ n: number }>)[0]!.n);
  const statuses = (await query("SELECT document_id || ' ' || status || ' ' || coalesce(since, '') AS s FROM statuses ORDER BY 1") as Array<{ s: string }>).map((r) => r.s);
  const issues = new Map<string, string[]>();
  for (const r of await query('SELECT issue_id AS i, document_id AS d FROM occurrences ORDER BY issue_id, document_id') as Array<{ i: string; d: string }>) {
    issues.set(r.i, [...(issues.get(r.i) ?? []), r.d]);
  }
  return { counts, statuses, issues };
}

let files = 0;
const sqlite: Backend = {
  fresh: async () => join(dir, `kill-${files++}.db`),
  async issuesCommitted(file) {
    if (!existsSync(file)) return -1;
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT count(*) FROM issues').pluck().get() as number;
      } finally {
        db.close();
      }
    } catch {
      return -1; // still being created and migrated
    }
  },
  async snapshot(file) {
    const db = new Database(file, { readonly: true });
    try {
      // FTS5 shadow tables (segments, merge state) depend on the order of writes, not on content.
      const fts = db.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[])
        .filter((t) => !fts.some((v) => t.startsWith(`${v}_`)));
      return await snapshotOf(tables, async (sql) => db.prepare(sql).all());
    } finally {
      db.close();
    }
  },
  async intact(file) {
    if (!existsSync(file)) return;
    const db = new Database(file);
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      db.close();
    }
  },
};

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const postgres = (fresh: () => Promise<string>): Backend => ({
  fresh,
  issuesCommitted: (url) =>
    withClient(url, async (c) => {
      const r = await c.query("SELECT to_regclass('issues') IS NOT NULL AS ok");
      return r.rows[0].ok ? Number((await c.query('SELECT count(*) AS n FROM issues')).rows[0].n) : -1;
    }),
  snapshot: (url) =>
    withClient(url, async (c) => {
      const tables = (await c.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'")).rows
        .map((r) => r.tablename as string);
      return snapshotOf(tables, async (sql) => (await c.query(sql)).rows);
    }),
  // The server keeps its own files whole; a killed client can only leave transactions undone.
  intact: async () => {},
});

/** Start `gongbao ingest` and SIGKILL it at the chosen moment; false when it finished first. */
async function killedIngest(b: Backend, db: string, files: readonly string[], moment: { afterIssues: number; delayMs: number }): Promise<boolean> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', ...files, '--db', db], { stdio: 'ignore' });
  let exited = false;
  const done = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  while (!exited && (await b.issuesCommitted(db)) < moment.afterIssues) await sleep(3);
  if (!exited) await sleep(moment.delayMs);
  const killed = !exited && child.kill('SIGKILL');
  await done;
  return killed;
}

async function killTest(b: Backend, kills: number, files: readonly string[]): Promise<void> {
  const cleanDb = await b.fresh();
  await ingestCommand(cleanDb, files);
  const clean = await b.snapshot(cleanDb);
  assert.ok(clean.statuses.length > 0 && clean.counts.relations! > 0, 'a clean ingest has statuses and relations');
  let landed = 0;
  let afterLastCommit = 0;
  for (let run = 0; landed < kills && run < kills * 4; run++) {
    const db = await b.fresh();
    // Every third kill waits for the last issue's commit; the others for a random earlier one.
    const afterIssues = run % 3 === 2 ? files.length : Math.floor(Math.random() * files.length);
    // After the last commit only the (incremental) recompute and the exit are left: a short window.
    const delayMs = Math.random() * (afterIssues === files.length ? 30 : 400);
    if (!(await killedIngest(b, db, files, { afterIssues, delayMs }))) continue;
    landed++;
    await b.intact(db);
    if ((await b.issuesCommitted(db)) >= 0) {
      const killed = await b.snapshot(db);
      for (const [issue, docs] of killed.issues) assert.deepEqual(docs, clean.issues.get(issue), `run ${run}: issue ${issue} is whole`);
      if (killed.issues.size === files.length) afterLastCommit++;
    }
    await ingestCommand(db, files);
    const again = await b.snapshot(db);
    assert.deepEqual(again.counts, clean.counts, `run ${run} (afterIssues ${afterIssues}, +${delayMs.toFixed(0)} ms): row counts`);
    assert.deepEqual(again.statuses, clean.statuses, `run ${run}: statuses`);
    if (!db.startsWith('postgres')) rmSync(db, { force: true });
  }
  assert.equal(landed, kills, `${kills} kills landed while ingest ran`);
  assert.ok(afterLastCommit >= Math.floor(kills / 6), `kills after the last commit: ${afterLastCommit}`);
}

describe('SIGKILL during ingest', () => {
  // 12 kills: each costs a CLI start and a re-ingest (about 7 s); 20 made this a quarter of CI's time.
  test('sqlite: 12 kills — integrity, whole issues, and a re-ingest equal to a clean one', () => killTest(sqlite, 12, ALL_SAMPLES));

  test('postgres: 5 kills over three samples — whole issues, and a re-ingest equal to a clean one', async (t) => {
    const server = await startTestPostgres();
    if ('skip' in server) return t.skip(server.skip);
    try {
      await killTest(postgres(() => server.freshDatabase()), 5, ['000', '001', '002'].map(sample));
    } finally {
      await server.stop();
    }
  });
});
