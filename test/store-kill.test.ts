/**
 * Crash safety of `gongbao ingest` (SQLite): the real command is SIGKILLed at random moments of a
 * multi-file ingest of the samples — a third of the kills aimed at the window after the last issue
 * is committed, while relations and statuses are being recomputed. After each kill the file must
 * pass `PRAGMA integrity_check`, hold only whole issues, and a plain re-ingest must leave it equal
 * (row counts, relations, statuses) to a database that was never interrupted.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Command } from 'commander';
import { registerIngest } from '../src/cli/commands/ingest.js';
import { ALL_SAMPLES } from './helpers/samples.js';

const KILLS = 20;
const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gongbao-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The ingest command's own action, in this process (the re-ingest a user would run). */
async function ingestCommand(db: string): Promise<void> {
  const program = new Command().exitOverride();
  registerIngest(program);
  const write = process.stdout.write;
  process.stdout.write = () => true; // the summary line is not what this test reads
  try {
    await program.parseAsync(['node', 'gongbao', 'ingest', ...ALL_SAMPLES, '--db', db]);
  } finally {
    process.stdout.write = write;
    process.exitCode = 0;
  }
}

interface Snapshot {
  counts: Record<string, number>;
  statuses: string[];
  relations: number;
  issues: Map<string, string[]>;
}

function snapshot(file: string): Snapshot {
  const db = new Database(file, { readonly: true });
  try {
    // FTS5 shadow tables (segments, merge state) depend on the order of writes, not on content.
    const fts = db.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[])
      .filter((t) => !fts.some((v) => t.startsWith(`${v}_`)));
    const counts = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
    const statuses = db.prepare("SELECT document_id || ' ' || status || ' ' || coalesce(since, '') FROM statuses ORDER BY 1").pluck().all() as string[];
    const issues = new Map<string, string[]>();
    for (const r of db.prepare('SELECT issue_id AS i, document_id AS d FROM occurrences ORDER BY issue_id, document_id').all() as Array<{ i: string; d: string }>) {
      issues.set(r.i, [...(issues.get(r.i) ?? []), r.d]);
    }
    return { counts, statuses, relations: counts.relations ?? 0, issues };
  } finally {
    db.close();
  }
}

function issuesCommitted(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM issues').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return -1; // not there yet, or still being migrated
  }
}

/** Start `gongbao ingest` and SIGKILL it at the chosen moment; false when it finished first. */
async function killedIngest(db: string, moment: { afterIssues: number; delayMs: number }): Promise<boolean> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', ...ALL_SAMPLES, '--db', db], { stdio: 'ignore' });
  let exited = false;
  const done = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  while (!exited && issuesCommitted(db) < moment.afterIssues) await sleep(3);
  if (!exited) await sleep(moment.delayMs);
  const killed = !exited && child.kill('SIGKILL');
  await done;
  return killed;
}

let clean: Snapshot;
before(async () => {
  const file = join(dir, 'clean.db');
  await ingestCommand(file);
  clean = snapshot(file);
  assert.ok(clean.statuses.length > 0 && clean.relations > 0, 'a clean ingest has statuses and relations');
});

test(`${KILLS} SIGKILLs during ingest: integrity, whole issues, and a re-ingest equal to a clean one`, async () => {
  let kills = 0;
  let afterLastCommit = 0;
  for (let run = 0; kills < KILLS && run < KILLS * 3; run++) {
    const db = join(dir, `kill-${run}.db`);
    // Every third kill waits for the last issue's commit; the others for a random earlier one.
    const afterIssues = run % 3 === 2 ? ALL_SAMPLES.length : Math.floor(Math.random() * ALL_SAMPLES.length);
    const delayMs = Math.random() * (afterIssues === ALL_SAMPLES.length ? 150 : 400);
    if (!(await killedIngest(db, { afterIssues, delayMs }))) continue;
    kills++;
    if (!existsSync(db)) continue;
    const raw = new Database(db);
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok', `run ${run}: integrity`);
    raw.close();
    const killedState = snapshot(db);
    for (const [issue, docs] of killedState.issues) {
      assert.deepEqual(docs, clean.issues.get(issue), `run ${run}: issue ${issue} is whole`);
    }
    if (killedState.issues.size === ALL_SAMPLES.length) afterLastCommit++;
    await ingestCommand(db);
    const again = snapshot(db);
    assert.deepEqual(again.counts, clean.counts, `run ${run} (killed after ${killedState.issues.size} issues): row counts`);
    assert.deepEqual(again.statuses, clean.statuses, `run ${run}: statuses`);
    rmSync(db, { force: true });
  }
  assert.equal(kills, KILLS, `${KILLS} kills landed while ingest ran`);
  assert.ok(afterLastCommit >= 3, `at least 3 kills after the last commit (got ${afterLastCommit})`);
});
