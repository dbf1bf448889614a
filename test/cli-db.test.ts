/**
 * `--db` mistakes: a directory, a path that cannot be a file, a file that is not a database →
 * one line naming the path, exit 2, no stack trace. Read-only commands refuse a database that
 * does not exist instead of creating an empty one (a mistyped path once answered "0 documents").
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { sample } from './helpers/samples.js';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gongbao-db-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function gongbao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, GONGBAO_DB: '' }, timeout: 30_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

function assertOneLine(r: { code: number; stderr: string }, pattern: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^gongbao: [^\n]+\n$/, `one line, no stack trace: ${r.stderr}`);
  assert.match(r.stderr, pattern);
}

const READ_ONLY: string[][] = [
  ['search', '禁火令'], ['show', '武隆府发〔2024〕1号'], ['status', '武隆府发〔2024〕1号'], ['report', 'cleanup'], ['export'],
  ['tasks'], ['targets'], ['refs'], ['units'], ['review', '--all'], ['qa', 'list'], ['interpret', '武隆府发〔2024〕1号'], ['serve', '--port', '0'],
];

describe('a bad --db is one line and exit 2', () => {
  const folder = join(dir, 'a-folder');
  mkdirSync(folder);
  const text = join(dir, 'notes.txt');
  writeFileSync(text, '这不是数据库，只是一个文本文件。\n'.repeat(200));
  const underFile = join(text, 'gongbao.db');

  for (const [what, db, pattern] of [
    ['a directory', folder, /a-folder: .*director/],
    ['a file that is not a database', text, /notes\.txt: .*not a (SQLite )?database/],
    ['a path under a file', underFile, /notes\.txt\/gongbao\.db: /],
  ] as const) {
    test(`ingest and search on ${what}`, async () => {
      assertOneLine(await gongbao(['ingest', sample('001'), '--db', db]), pattern);
      assertOneLine(await gongbao(['search', '禁火令', '--db', db]), pattern);
    });
  }
});

describe('read-only commands refuse a database that does not exist', () => {
  for (const args of READ_ONLY) {
    test(args[0]!, async () => {
      const db = join(dir, `typo-${args[0]}.db`);
      assertOneLine(await gongbao([...args, '--db', db]), /typo-\w+\.db: no such database/);
      assert.equal(existsSync(db), false, 'no empty database was created');
    });
  }
});

test('a PostgreSQL server that refuses the connection: one line, exit 2, the password masked', async () => {
  const r = await gongbao(['search', '禁火令', '--db', 'postgres://editor:s3cret@127.0.0.1:1/gongbao']);
  assertOneLine(r, /postgres:\/\/editor:\*\*\*@127\.0\.0\.1:1\/gongbao: cannot open the PostgreSQL database \(ECONNREFUSED/);
  assert.doesNotMatch(r.stderr, /s3cret/);
});
