/**
 * Golden: every repeal in the five samples, read through parseFile, with repealing document, date
 * and reason; the status of each repealed document the day before and the day of its repeal.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OfficialDocument } from '../src/domain/types.js';
import { findRepeals } from '../src/extract/repeals.js';
import { parseFile } from '../src/ingest/index.js';
import { addDays } from '../src/extract/text.js';
import { verdictOf } from '../src/status/cleanup.js';
import { buildWorld } from '../src/status/world.js';

const FILES = ['000_e5bb8c86956568aa', '001_ba09333892886338', '002_c2ec7535d22ea83c', '003_eaac995c4f71e26a', '004_0e5fc1904268e7be'];
const docs: OfficialDocument[] = [];
for (const f of FILES) docs.push(...(await parseFile(new URL(`../samples/wulong/${f}.txt`, import.meta.url).pathname)).documents);

const D21 = '2021-05-25';
/** [repealing 文号, kind, target 文号 (null: lost in print), date, reason]. */
const GOLDEN: Array<[string, string, string | null, string, string | null]> = [
  // 000_: 原《…》（文号）同时废止 in the fireworks 通告
  ['武隆府发〔2023〕11号', 'repeal', '武隆府发〔2019〕22号', '2023-01-08', null],
  // 002_: a 禁火令 repealing last year's, two single-target decisions, two 同时废止 clauses
  ['武隆府发〔2024〕9号', 'repeal', '武隆府发〔2023〕18号', '2024-06-13', null],
  ['武隆府发〔2024〕11号', 'repeal', '武隆府办发〔2017〕60号', '2024-08-09', null],
  ['武隆府发〔2024〕13号', 'repeal', '武隆府办发〔2018〕106号', '2024-09-05', null],
  ['武隆府办发〔2024〕32号', 'repeal', '武隆府办发〔2022〕76号', '2024-07-17', null],
  ['武隆府办发〔2024〕39号', 'repeal', '武隆府办发〔2018〕126号', '2024-08-01', null],
  // 003_: a 实施办法 replacing its 细则, the three-row decision table, a 修订稿
  ['武隆府发〔2023〕5号', 'repeal', '武隆府办发〔2018〕135号', '2023-03-16', null],
  ['武隆府发〔2023〕16号', 'repeal', '武隆府办发〔2018〕42号', '2023-04-25', '与经济社会发展不相适应'],
  ['武隆府发〔2023〕16号', 'repeal', '武隆府办发〔2018〕43号', '2023-04-25', '不符合现行法律法规规定'],
  ['武隆府发〔2023〕16号', 'repeal', '武隆府办发〔2019〕83号', '2023-04-25', '上位文件渝府办发〔2018〕109号已废止'],
  ['武隆府发〔2023〕16号', 'noted-repealed', '渝府办发〔2018〕109号', '2023-04-25', '上位文件渝府办发〔2018〕109号已废止'],
  ['武隆府办发〔2023〕18号', 'replace', '武隆府办发〔2017〕123号', '2023-04-03', null],
  // 004_: two list decisions of 2021-05-25 (9 and 23 items) and a 修订稿
  ...['武隆府发〔2012〕61号', '武隆府办发〔2018〕124号', '武隆府办发〔2017〕152号', '武隆府办发〔2014〕25号', '武隆府办发〔2018〕101号',
    '武隆府办发〔2015〕117号', '武隆府办发〔2018〕103号', '武隆府办发〔2011〕161号', '武隆府办发〔2011〕139号',
  ].map((n): [string, string, string, string, null] => ['武隆府发〔2021〕10号', 'repeal', n, D21, null]),
  ...['武隆府办发〔2013〕26号', '武隆府办发〔2013〕110号', '武隆府办发〔2014〕34号', '武隆府办发〔2014〕109号', '武隆府发〔2015〕71号',
    '武隆府办发〔2017〕5号', '武隆府办发〔2017〕11号', '武隆府〔2017〕18号', '武隆府办发〔2017〕30号', '武隆府办发〔2017〕41号',
    '武隆府办发〔2017〕50号', '武隆府办发〔2018〕44号', '武隆府办发〔2017〕100号', '武隆府办发〔2018〕45号', '武隆府办发〔2017〕156号',
    '武隆府办〔2018〕74号', '武隆府办发〔2018〕16号', '武隆府办发〔2018〕116号', '武隆府办发〔2018〕18号', '武隆府办发〔2018〕122号',
    '武隆府办发〔2018〕21号', '武隆府办发〔2019〕80号',
    null, // item 17: its 文号 (武隆府办发（2018）24号) was cut at a page break; known by title only
  ].map((n): [string, string, string | null, string, null] => ['武隆府发〔2021〕11号', 'repeal', n, D21, null]),
  ['武隆府办发〔2021〕28号', 'replace', '武隆府办发〔2018〕79号', '2021-05-18', null],
];

const events = docs.flatMap((d) => findRepeals(d));

test('every repeal in the five samples, with repealing document, date and reason — and nothing else', () => {
  const found = events.map((e) => [e.repealingDocNumber, e.kind, e.target.docNumber, e.date, e.reason]);
  const key = (r: unknown[]) => JSON.stringify(r);
  assert.deepEqual(found.map(key).sort(), GOLDEN.map(key).sort());
  assert.equal(events.filter((e) => e.kind !== 'noted-repealed').length, 44);
});

test('each event quotes its sentence, row or list item and points at a block of the repealing document', () => {
  for (const e of events) {
    const doc = docs.find((d) => d.id === e.repealingId)!;
    assert.ok(e.block !== null && e.block < doc.body.length, `${e.repealingDocNumber} block ${e.block}`);
    if (e.target.docNumber && e.kind !== 'noted-repealed') assert.ok(e.quote.replace(/[（(]/g, '〔').replace(/[）)]/g, '〕').includes(e.target.docNumber.replace(/^.*〔/, '〔')), e.quote);
    // Procedural wording never ends up as the quoted act.
    assert.doesNotMatch(e.quote, /修改或者?废止|应当[^。]*废止|及时废止|以本办法为准/);
  }
  const item17 = events.find((e) => e.target.docNumber === null)!;
  assert.equal(item17.target.title, '重庆市武隆区人民政府办公室关于印发武隆区湿地保护修复制度实施方案的通知');
});

test('only repeal decisions and documents with a repeal clause report anything', () => {
  const repealing = [...new Set(events.map((e) => e.repealingDocNumber))].sort();
  assert.deepEqual(repealing, [...new Set(GOLDEN.map((g) => g[0]))].sort());
});

const world = buildWorld({ documents: docs });

test('each repealed document: in force the day before the repeal, 已废止 on the day, with the act as evidence', () => {
  const acts = GOLDEN.filter((g) => g[1] === 'repeal' || g[1] === 'replace');
  for (const [by, , number, date] of acts) {
    const id = number ? `ref:${number}` : 'ref:《重庆市武隆区人民政府办公室关于印发武隆区湿地保护修复制度实施方案的通知》';
    assert.ok(world.docs.has(id), id);
    const before = verdictOf(world, id, addDays(date, -1))!;
    assert.equal(before.status, '现行有效', `${id} before`);
    const on = verdictOf(world, id, date)!;
    assert.equal(on.status, '已废止', `${id} on ${date}`);
    assert.equal(on.since, date);
    assert.deepEqual(on.evidence.map((e) => [e.docNumber, e.date]), [[by, date]]);
  }
});

test('上位文件…已废止: the city document is repealed as of the decision, date of its own repeal unknown', () => {
  const id = 'ref:渝府办发〔2018〕109号';
  assert.equal(verdictOf(world, id, '2023-04-24')!.status, '未知');
  assert.deepEqual(verdictOf(world, id, '2023-04-25'), {
    status: '已废止', since: null, evidence: [{ docNumber: '武隆府发〔2023〕16号', quote: '上位文件渝府办发〔2018〕109号已废止', date: '2023-04-25' }],
  });
});

test('same title, other 文号: the 2024 禁火令 is not hit by the repeal of the 2023 one', () => {
  assert.equal(verdictOf(world, '武隆府发〔2024〕9号', '2024-10-10')!.status, '现行有效');
  assert.equal(verdictOf(world, '武隆府发〔2023〕11号', '2024-10-10')!.status, '现行有效');
  // 武隆府办发〔2023〕18号 (地方志 修订稿) is another series than the repealed 武隆府发〔2023〕18号.
  assert.equal(verdictOf(world, '武隆府办发〔2023〕18号', '2024-10-10')!.status, '现行有效');
});

test('held documents: 尚未施行 before their 成文日期, 现行有效 from it', () => {
  assert.equal(verdictOf(world, '武隆府办发〔2024〕32号', '2024-07-16')!.status, '尚未施行');
  const v = verdictOf(world, '武隆府办发〔2024〕32号', '2024-07-17')!;
  assert.deepEqual([v.status, v.since, v.evidence[0]?.quote], ['现行有效', '2024-07-17', '本方案自印发之日起实施。']);
});
