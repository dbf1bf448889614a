/** One bad file in a batch is reported and skipped; the rest of the batch is ingested. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, test } from 'node:test';
import { ingestEach } from '../src/cli/commands/ingest.js';
import { parseFile } from '../src/ingest/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { sample } from './helpers/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-batch-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;

test('a file the reader fails on (any exception) is reported and skipped; the files after it are stored', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const files = [sample('001'), 'crashes.txt', sample('000')];
    const parse = async (f: string) => {
      if (f === 'crashes.txt') throw new RangeError('Maximum call stack size exceeded');
      return parseFile(f);
    };
    const done: string[] = [];
    const { outcomes, failures } = await ingestEach(store, files, parse, (f) => done.push(f));
    assert.deepEqual(outcomes.map((o) => o.action), ['added', 'added']);
    assert.equal(failures.length, 1);
    assert.match(failures[0]!, /^crashes\.txt: .*Maximum call stack size exceeded/);
    assert.deepEqual(done, files);
    assert.equal((await store.counts()).issues, 2);
  } finally {
    await store.close();
  }
});

test('gongbao ingest: bad files in the middle of a batch are named on stderr, the others stored, exit 2', async () => {
  const binary = join(dir, 'binary.txt');
  writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const db = join(dir, 'batch.db');
  const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, 'ingest', sample('001'), binary, empty, sample('000'), '--db', db]).then(
    (x) => ({ code: 0, ...x }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  assert.equal(r.code, 2);
  assert.match(r.stderr, /binary\.txt: binary file/);
  assert.match(r.stderr, /empty\.txt: empty file/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  // One line per file read, then the batch.
  assert.match(r.stdout, /001_ba09333892886338\.txt: utf-8, .*— added\n/);
  assert.match(r.stdout, /\n4 files: 2 issues \(2 added, 0 replaced, 0 unchanged\), \d+ documents, \d+ warnings, 2 failed\n$/);
});
