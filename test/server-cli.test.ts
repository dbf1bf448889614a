/** `gongbao start` seeds an empty database once and serves; `gongbao serve` rejects a bad port in one line. */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gongbao-start-'));
const children: ChildProcess[] = [];

after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** Start `gongbao start` on a random port; resolve with its base URL and everything it printed. */
function start(db: string): Promise<{ base: string; output: () => string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'start', '--db', db], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line in time:\n${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ base: m[1]!, output: () => out, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('gongbao start / serve', () => {
  test('start seeds an empty database from samples/wulong, serves, and logs requests through pino', async () => {
    const db = join(dir, 'portal.db');
    const first = await start(db);
    assert.match(first.output(), /empty database seeded from .*samples\/wulong.*: 5 files, \d+ documents/);
    const stats = (await (await fetch(`${first.base}/api/v1/stats`)).json()) as { issues: number; documents: number };
    assert.equal(stats.issues, 5);
    assert.ok(stats.documents > 40);
    const home = await fetch(`${first.base}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<html lang="zh-CN">/);
    assert.match(first.output(), /"msg":"request completed"/);
    await stop(first.child);

    // Second run on the same database: nothing to seed.
    const second = await start(db);
    assert.doesNotMatch(second.output(), /seeded/);
    assert.equal(((await (await fetch(`${second.base}/api/v1/stats`)).json()) as { issues: number }).issues, 5);
    await stop(second.child);
  });

  test('serve with a bad port: one line on stderr, exit 2', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', 'eighty', '--db', join(dir, 'x.db')], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim(), 'gongbao: port must be a number from 0 to 65535, got "eighty"');
  });
});
