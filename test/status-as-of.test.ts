/** statusAsOf: every status, its `since` and its evidence chain; corrections override, never erase. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ValidityClause } from '../src/extract/validity.js';
import { statusAsOf } from '../src/status/status-as-of.js';
import type { DocFacts, StatusEvent } from '../src/status/types.js';
import type { StatusCorrection } from '../src/store/store.js';

const validity = (over: Partial<ValidityClause> = {}): ValidityClause => ({
  effectiveFrom: '2024-01-01', trigger: 'date', expiresOn: null, provisional: false, dissolvesWhen: null,
  quote: '本办法自2024年1月1日起施行。', block: 3, ...over,
});
const held = (over: Partial<DocFacts> = {}): DocFacts => ({
  id: '武隆府办发〔2023〕50号', docNumber: '武隆府办发〔2023〕50号', title: '关于印发某办法的通知', signedOn: '2023-12-20', held: true, validity: validity(), ...over,
});
const ev = (over: Partial<StatusEvent> = {}): StatusEvent => ({
  kind: 'repeal', byId: '武隆府发〔2025〕3号', byDocNumber: '武隆府发〔2025〕3号', quote: '原《某办法》（武隆府办发〔2023〕50号）同时废止。', date: '2025-03-01', reason: null, ...over,
});

test('尚未施行 between signing and the stated date, 现行有效 from it, with the clause as evidence', () => {
  const before = statusAsOf(held(), [], [], '2023-12-31');
  assert.equal(before.status, '尚未施行');
  assert.equal(before.since, null);
  const on = statusAsOf(held(), [], [], '2024-01-01');
  assert.deepEqual(on, { status: '现行有效', since: '2024-01-01', evidence: [{ docNumber: '武隆府办发〔2023〕50号', quote: '本办法自2024年1月1日起施行。', date: '2024-01-01' }] });
});

test('已废止 on the day of the repeal, 现行有效 the day before; the repealing sentence is the evidence', () => {
  assert.equal(statusAsOf(held(), [ev()], [], '2025-02-28').status, '现行有效');
  const v = statusAsOf(held(), [ev({ reason: '与经济社会发展不相适应' })], [], '2025-03-01');
  assert.equal(v.status, '已废止');
  assert.equal(v.since, '2025-03-01');
  assert.deepEqual(v.evidence, [{ docNumber: '武隆府发〔2025〕3号', quote: '原《某办法》（武隆府办发〔2023〕50号）同时废止。（废止理由：与经济社会发展不相适应）', date: '2025-03-01' }]);
});

test('a replacement by a revised edition counts as a repeal; the earliest act gives `since`', () => {
  const later = ev({ byDocNumber: '武隆府发〔2026〕1号', date: '2026-01-01' });
  const v = statusAsOf(held(), [later, ev({ kind: 'replace' })], [], '2026-06-01');
  assert.equal(v.status, '已废止');
  assert.equal(v.since, '2025-03-01');
  assert.deepEqual(v.evidence.map((e) => e.docNumber), ['武隆府发〔2025〕3号', '武隆府发〔2026〕1号']);
});

test('已失效 the day after 有效期 ends, 现行有效 on its last day', () => {
  const f = held({ validity: validity({ expiresOn: '2028-12-31', quote: '本办法自2024年1月1日起施行，有效期5年。' }) });
  assert.equal(statusAsOf(f, [], [], '2028-12-31').status, '现行有效');
  const v = statusAsOf(f, [], [], '2029-01-01');
  assert.equal(v.status, '已失效');
  assert.equal(v.since, '2029-01-01');
  assert.equal(v.evidence[0]?.quote, '本办法自2024年1月1日起施行，有效期5年。');
});

test('部分失效 and 已修改 keep the document in force, with the act first in the evidence', () => {
  const p = statusAsOf(held(), [ev({ kind: 'partial-repeal' })], [], '2025-03-01');
  assert.equal(p.status, '部分失效');
  assert.equal(p.since, '2025-03-01');
  assert.equal(p.evidence.length, 2);
  const a = statusAsOf(held(), [ev({ kind: 'amend' })], [], '2025-03-02');
  assert.equal(a.status, '已修改');
  assert.equal(statusAsOf(held(), [ev({ kind: 'amend' })], [], '2025-02-28').status, '现行有效');
});

test('no validity clause: in force from the 成文日期; nothing known at all: 未知', () => {
  const v = statusAsOf(held({ validity: null }), [], [], '2024-06-01');
  assert.equal(v.status, '现行有效');
  assert.equal(v.since, '2023-12-20');
  assert.equal(statusAsOf(held({ validity: null, signedOn: null }), [], [], '2024-06-01').status, '未知');
});

test('a document known only by reference: in force before a later repeal, 已废止 from it, 未知 otherwise', () => {
  const ref: DocFacts = { id: 'ref:武隆府办发〔2018〕42号', docNumber: '武隆府办发〔2018〕42号', title: null, signedOn: null, held: false, validity: null };
  const repeal = ev({ byDocNumber: '武隆府发〔2023〕16号', date: '2023-04-25' });
  const before = statusAsOf(ref, [repeal], [], '2023-04-24');
  assert.equal(before.status, '现行有效');
  assert.equal(before.evidence[0]?.docNumber, '武隆府发〔2023〕16号');
  assert.equal(statusAsOf(ref, [repeal], [], '2023-04-25').status, '已废止');
  assert.equal(statusAsOf(ref, [repeal], [], '2017-12-31').status, '未知', 'before its 文号 year it did not exist');
  assert.equal(statusAsOf(ref, [], [], '2023-04-25').status, '未知');
});

test('noted as already repealed by another document: 已废止 with no known date', () => {
  const ref: DocFacts = { id: 'ref:渝府办发〔2018〕109号', docNumber: '渝府办发〔2018〕109号', title: null, signedOn: null, held: false, validity: null };
  const noted = ev({ kind: 'noted-repealed', byDocNumber: '武隆府发〔2023〕16号', date: '2023-04-25', quote: '上位文件渝府办发〔2018〕109号已废止' });
  assert.equal(statusAsOf(ref, [noted], [], '2023-04-24').status, '未知');
  const v = statusAsOf(ref, [noted], [], '2023-04-25');
  assert.deepEqual([v.status, v.since, v.evidence[0]?.quote], ['已废止', null, '上位文件渝府办发〔2018〕109号已废止']);
});

test('a correction overrides from its date on, keeps the extracted evidence, and the latest one wins', () => {
  const c = (over: Partial<StatusCorrection>): StatusCorrection => ({
    documentId: '武隆府办发〔2023〕50号', status: '已失效', effectiveFrom: '2024-07-01', author: '张三', reason: '区司法局2024年清理目录确认失效', createdAt: '2024-08-01T09:00:00Z', ...over,
  });
  const corrections = [c({}), c({ status: '现行有效', effectiveFrom: '2024-09-01', createdAt: '2024-09-02T00:00:00Z', reason: '清理目录有误' })];
  assert.equal(statusAsOf(held(), [], corrections, '2024-06-30').status, '现行有效');
  const v = statusAsOf(held(), [], corrections, '2024-07-01');
  assert.equal(v.status, '已失效');
  assert.equal(v.since, '2024-07-01');
  assert.deepEqual(v.evidence[0], { docNumber: null, quote: '人工更正（张三，2024-08-01）：区司法局2024年清理目录确认失效', date: '2024-07-01' });
  assert.equal(v.evidence[1]?.quote, '本办法自2024年1月1日起施行。', 'the extracted clause is still there');
  assert.equal(statusAsOf(held(), [], corrections, '2024-09-01').status, '现行有效');
});

test('"today" is the Beijing date: a repeal of 2024-07-01 applies from 00:00 UTC+8', async () => {
  const { todayInChina } = await import('../src/status/recompute.js');
  assert.equal(todayInChina(new Date('2024-06-30T16:00:00Z')), '2024-07-01');
  assert.equal(todayInChina(new Date('2024-06-30T15:59:59Z')), '2024-06-30');
});
