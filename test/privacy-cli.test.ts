/**
 * The privacy review from the command line, as an editor runs it on the real samples: ingest warns
 * about every document with personal data; `review` lists exactly the hand-checked findings;
 * `export`, `show` and `search` publish none of them; `review --public` makes one public.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../src/store/factory.js';
import { sample, SAMPLES_DIR } from './helpers/samples.js';
import { leaked, MUST_NOT_PUBLISH, PRIVATE_FINDINGS } from './fixtures/personal-data.js';

const run = promisify(execFile);
const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gongbao-privacy-'));
const db = join(dir, 'privacy.db');
let ingestErr = '';

async function gongbao(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

interface JsonFinding { docNumber: string; id: string; kind: string; text: string; start: number; end: number; public?: string }
const listed = (fs: JsonFinding[]) => fs.map((f) => `${f.docNumber} ${f.kind} ${f.text}`).sort();
const expected = PRIVATE_FINDINGS.map((f) => `${f.docNumber} ${f.kind} ${f.text}`).sort();

before(async () => {
  const r = await gongbao('ingest', SAMPLES_DIR, '--db', db);
  assert.equal(r.code, 0, r.stderr);
  ingestErr = r.stderr;
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('gongbao review', () => {
  test('ingest warns once for each document printing personal data, naming the kinds, never the data', () => {
    const warned = [...ingestErr.matchAll(/^gongbao: warning: .*?: (\S+): personal data \(([^)]*)\), published masked; see: gongbao review \1$/gm)];
    assert.deepEqual(warned.map((m) => m[1]).sort(), [...new Set(PRIVATE_FINDINGS.map((f) => f.docNumber))].sort());
    const total = warned.reduce((n, m) => n + m[2]!.split(', ').reduce((k, part) => k + Number(part.split(' ')[0]), 0), 0);
    assert.equal(total, PRIVATE_FINDINGS.length);
    assert.deepEqual(leaked(ingestErr), []);
  });

  test('--all --json: exactly the hand-checked findings, with positions; a file and a 文号 too', async () => {
    const all = await gongbao('review', '--all', '--json', '--db', db);
    assert.equal(all.code, 0, all.stderr);
    const { findings } = JSON.parse(all.stdout) as { findings: JsonFinding[] };
    assert.deepEqual(listed(findings), expected);
    for (const f of findings) for (const k of ['docNumber', 'kind', 'text', 'start', 'end'] as const) assert.ok(k in f, k);
    const file = JSON.parse((await gongbao('review', sample('004'), '--json')).stdout) as { findings: JsonFinding[] };
    assert.deepEqual(listed(file.findings), expected.filter((e) => e.includes('〔2021〕')));
    const one = await gongbao('review', '武隆府办发〔2023〕4号', '--db', db);
    assert.match(one.stdout, /^武隆府办发〔2023〕4号\tname\t何小双\t\d+-\d+$/m);
    assert.match(one.stdout, /^3 findings in 1 document$/m);
    const missing = await gongbao('review', join(dir, 'nope.txt'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^gongbao: .*nope\.txt: no such file or directory\n$/);
    const bad = await gongbao('review', '武隆府办发〔2099〕1号', '--db', db);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^gongbao: .*no file and no stored document/);
  });

  test('export (JSON lines and CSV), show and search publish none of them', async () => {
    const outputs = [await gongbao('export', '--db', db), await gongbao('export', '--format', 'csv', '--db', db)];
    for (const key of new Set(PRIVATE_FINDINGS.map((f) => f.docNumber))) outputs.push(await gongbao('show', key, '--db', db));
    const query = MUST_NOT_PUBLISH.map((t) => `"${t}"`).join(' OR ');
    const search = await gongbao('search', query, '--json', '--db', db);
    assert.equal(search.code, 0, search.stderr);
    assert.equal((JSON.parse(search.stdout) as { total: number }).total, 0);
    outputs.push(await gongbao('search', '联系人 OR 联系电话 OR 邮箱', '--limit', '50', '--db', db));
    for (const o of outputs) {
      assert.equal(o.code, 0, o.stderr);
      assert.deepEqual(leaked(o.stdout), []);
    }
    assert.match(outputs[0]!.stdout, /联系人：杨\*\*；联系电话：150\*\*\*\*0013/);
    // Editors read the stored text as printed.
    const unmasked = await gongbao('show', '武隆府办发〔2021〕29号', '--unmasked', '--db', db);
    assert.match(unmasked.stdout, /联系人：杨柳青；联系电话：15095810013/);
  });

  test('--public marks a finding public (author and reason), after which it is published as printed', async () => {
    const noReason = await gongbao('review', '武隆府办发〔2023〕6号', '--public', '85610038', '--author', '编辑甲', '--db', db);
    assert.equal(noReason.code, 2);
    const notAFinding = await gongbao('review', '武隆府办发〔2023〕6号', '--public', '2023', '--author', '编辑甲', '--reason', 'x', '--db', db);
    assert.equal(notAFinding.code, 2);
    assert.match(notAFinding.stderr, /is no finding of 武隆府办发〔2023〕6号/);
    const mark = await gongbao('review', '武隆府办发〔2023〕6号', '--public', '85610038', '--author', '编辑甲', '--reason', '区交通局公开的办公电话', '--db', db);
    assert.equal(mark.code, 0, mark.stderr);
    const show = await gongbao('show', '武隆府办发〔2023〕6号', '--db', db);
    assert.match(show.stdout, /联系电话：85610038、QQ邮箱：46\*{5}48/);
    const review = JSON.parse((await gongbao('review', '武隆府办发〔2023〕6号', '--json', '--include-public', '--db', db)).stdout) as { findings: JsonFinding[] };
    assert.equal(review.findings.find((f) => f.text === '85610038')?.public, 'marked');
    assert.ok(!listed(JSON.parse((await gongbao('review', '--all', '--json', '--db', db)).stdout).findings).some((f) => f.includes('85610038')));
    // The mark is stored as an event with its author and reason; the stored text is untouched.
    const store = await openStore({ db });
    try {
      const marks = await store.publicMarks('武隆府办发〔2023〕6号');
      assert.deepEqual(marks.map((m) => [m.text, m.author, m.reason]), [['85610038', '编辑甲', '区交通局公开的办公电话']]);
      assert.match((await store.getDocument('武隆府办发〔2023〕6号'))!.text, /85610038、QQ邮箱：460447848/);
    } finally {
      await store.close();
    }
  });
});
