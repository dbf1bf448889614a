/** `gongbao status`, `report cleanup` and `correct` end to end on a SQLite store holding the samples. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../src/ingest/index.js';
import { recomputeAll } from '../src/status/recompute.js';
import { openStore } from '../src/store/factory.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gongbao-status-'));
const db = join(dir, 'g.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const store = await openStore({ db });
const samples = join(ROOT, 'samples/wulong');
for (const f of readdirSync(samples).filter((f) => f.endsWith('.txt')).sort()) await store.ingest(await parseFile(join(samples, f)));
await recomputeAll(store, '2024-10-10');
const saved = await store.getStatus('武隆府办发〔2024〕32号');
await store.close();

function gongbao(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--db', db], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('recomputeAll stored the statuses in SQLite', () => {
  assert.equal(saved?.status, '现行有效');
  assert.equal(saved?.since, '2024-07-17');
});

test('status --json of a document known by reference, the day before and the day of its repeal', () => {
  const before = gongbao('status', '武隆府办发[2018]42号', '--at', '2023-04-24', '--json');
  assert.equal(before.code, 0, before.err);
  assert.equal(JSON.parse(before.out).status, '现行有效');
  const on = gongbao('status', '武隆府办发〔2018〕42号', '--at', '2023-04-25', '--json');
  assert.deepEqual(JSON.parse(on.out), {
    docNumber: '武隆府办发〔2018〕42号',
    title: '重庆市武隆区人民政府办公室关于印发武隆区优化企业纳税服务行动方案的通知',
    status: '已废止',
    since: '2023-04-25',
    evidence: [{
      docNumber: '武隆府发〔2023〕16号',
      quote: '1 重庆市武隆区人民政府办公室关于印发武隆区优化企业纳税服务行动方案的通知 武隆府办发〔2018〕42号 与经济社会发展不相适应',
      date: '2023-04-25',
    }],
    normative: null,
  });
});

test('status in text form names the status, the date and the evidence', () => {
  const r = gongbao('status', '武隆府办发〔2024〕32号', '--at', '2024-10-10');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /2024-10-10：现行有效（自2024-07-17）/);
  assert.match(r.out, /本方案自印发之日起实施。/);
  assert.match(r.out, /规范性文件：是（方案或通知本身为公众设定权利义务并反复适用；载明施行日期/);
});

test('status --json carries the normative judgement with its reasons', () => {
  const yes = JSON.parse(gongbao('status', '武隆府发〔2023〕5号', '--at', '2024-10-10', '--json').out);
  assert.equal(yes.normative.normative, true);
  assert.match(yes.normative.reasons[0], /印发或制定办法/);
  const no = JSON.parse(gongbao('status', '武隆府办〔2021〕21号', '--at', '2024-10-10', '--json').out);
  assert.equal(no.normative.normative, false);
  assert.match(no.normative.reasons[0], /领导小组/);
  const repeal = JSON.parse(gongbao('status', '武隆府发〔2023〕16号', '--json').out);
  assert.deepEqual([repeal.normative.normative, repeal.normative.repealDecision], [true, true]);
});

test('user mistakes exit 2 with one line', () => {
  for (const args of [['status', '武隆府办发〔2099〕1号'], ['status', '武隆府办发〔2024〕32号', '--at', '2024-13-01'], ['report', 'cleanup', '--format', 'xls']]) {
    const r = gongbao(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
});

test('report cleanup as csv and json', () => {
  const csv = gongbao('report', 'cleanup', '--at', '2024-10-10', '--format', 'csv');
  assert.equal(csv.code, 0, csv.err);
  assert.match(csv.out, /^\ufeff类别,发文字号,标题,效力状态,状态日期,说明,规范性文件,判断依据\r\n/);
  assert.match(csv.out, /\r\n已废止,武隆府办发〔2018〕126号,.*,已废止,2024-08-01,武隆府办发〔2024〕39号,未知,\r\n/);
  const json = JSON.parse(gongbao('report', 'cleanup', '--at', '2024-10-10', '--format', 'json').out);
  assert.equal(json.at, '2024-10-10');
  assert.equal(json.repealed.length, 45);
  assert.deepEqual(json.noValidityClause.map((x: { docNumber: string; normative: boolean }) => [x.docNumber, x.normative]), [
    ['武隆府办发〔2021〕41号', true],
    ['武隆府办发〔2023〕13号', true],
  ]);
  assert.ok(json.noValidityClause.every((x: { normativeReasons: string[] }) => x.normativeReasons.length > 0));
});

test('correct records an event with author and reason; status shows it over the extracted evidence', () => {
  const c = gongbao('correct', '武隆府办〔2021〕21号', '--status', '已失效', '--author', '王五', '--reason', '节约用水领导小组已撤销', '--from', '2023-01-01');
  assert.equal(c.code, 0, c.err);
  const after = JSON.parse(gongbao('status', '武隆府办〔2021〕21号', '--at', '2024-01-01', '--json').out);
  assert.equal(after.status, '已失效');
  assert.equal(after.since, '2023-01-01');
  assert.match(after.evidence[0].quote, /^人工更正（王五，\d{4}-\d{2}-\d{2}）：节约用水领导小组已撤销$/);
  assert.equal(after.evidence.length, 2, 'the extracted evidence stays');
  const earlier = JSON.parse(gongbao('status', '武隆府办〔2021〕21号', '--at', '2022-12-31', '--json').out);
  assert.equal(earlier.status, '现行有效');
  const bad = gongbao('correct', '武隆府办〔2021〕21号', '--status', '作废', '--author', 'x', '--reason', 'y');
  assert.equal(bad.code, 2);
});

test('a document known only by reference can be corrected too (the city 上位文件)', () => {
  const c = gongbao('correct', '渝府办发〔2018〕109号', '--status', '已废止', '--author', '赵六', '--reason', '市政府2022年清理决定', '--from', '2022-06-30');
  assert.equal(c.code, 0, c.err);
  const v = JSON.parse(gongbao('status', '渝府办发〔2018〕109号', '--at', '2022-07-01', '--json').out);
  assert.deepEqual([v.status, v.since], ['已废止', '2022-06-30']);
});
