/** The cleanup report and recomputeAll, on the parsed samples plus a few documents made for the case. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OfficialDocument } from '../src/domain/types.js';
import { cleanupReport } from '../src/status/cleanup.js';
import { recomputeAll, type StatusStore } from '../src/status/recompute.js';
import { toCsv, toMarkdown } from '../src/status/report-format.js';
import { buildWorld } from '../src/status/world.js';
import { parseFile } from '../src/ingest/index.js';
import type { Relation, StatusCorrection, StoredStatus } from '../src/store/store.js';

const FILES = ['000_e5bb8c86956568aa', '002_c2ec7535d22ea83c', '003_eaac995c4f71e26a', '004_0e5fc1904268e7be'];
const samples: OfficialDocument[] = [];
for (const f of FILES) samples.push(...(await parseFile(new URL(`../samples/wulong/${f}.txt`, import.meta.url).pathname)).documents);

/** A made-up later notice: still relies on the tax-service plan 武隆府发〔2023〕16号 repealed. */
const base = samples.find((d) => d.id === '武隆府办发〔2024〕22号')!;
const CITING: OfficialDocument = {
  ...base,
  id: '武隆府办发〔2024〕90号',
  docNumber: '武隆府办发〔2024〕90号',
  title: '重庆市武隆区人民政府办公室关于进一步优化纳税服务的通知',
  signedOn: '2024-03-01',
  body: [{ level: 0, text: '请按照《重庆市武隆区人民政府办公室关于印发武隆区优化企业纳税服务行动方案的通知》（武隆府办发〔2018〕42号）要求抓好落实。' }, { level: 0, text: '本通知自印发之日起施行，有效期至2024年12月31日。' }],
  tables: [],
  cites: [{ docNumber: '武隆府办发〔2018〕42号', title: '重庆市武隆区人民政府办公室关于印发武隆区优化企业纳税服务行动方案的通知', raw: '《重庆市武隆区人民政府办公室关于印发武隆区优化企业纳税服务行动方案的通知》（武隆府办发〔2018〕42号）', block: 0 }],
};

test('a live document citing a repealed one is a finding; the repealing decisions citing their targets are not', () => {
  const world = buildWorld({ documents: [...samples, CITING] });
  const r = cleanupReport(world, '2024-10-10');
  assert.deepEqual(r.citesRepealed.map((x) => [x.docNumber, x.status]), [['武隆府办发〔2024〕90号', '现行有效']]);
  assert.match(r.citesRepealed[0]!.detail, /武隆府办发〔2018〕42号/);
  assert.deepEqual(r.citesRepealed[0]!.evidence.map((e) => e.docNumber), ['武隆府发〔2023〕16号']);
  assert.ok(r.repealed.some((x) => x.docNumber === '武隆府办发〔2018〕42号' && x.since === '2023-04-25'));
  assert.equal(r.repealed.filter((x) => x.docNumber !== null).length, 44, '43 repealed by 文号 + 渝府办发〔2018〕109号');
  // Its 有效期至2024-12-31 falls within 90 days of 2024-10-10.
  assert.deepEqual(r.expiringSoon.map((x) => x.docNumber), ['武隆府办发〔2024〕90号']);
});

test('the finding depends on the date: nothing to fix before the repeal, and an expired citer is no longer live', () => {
  const world = buildWorld({ documents: [...samples, CITING] });
  assert.deepEqual(cleanupReport(world, '2024-03-01').citesRepealed.map((x) => x.docNumber), ['武隆府办发〔2024〕90号']);
  const later = cleanupReport(world, '2025-01-01');
  assert.deepEqual(later.citesRepealed, []);
  assert.deepEqual(later.expired.map((x) => [x.docNumber, x.since]), [['武隆府办发〔2024〕90号', '2025-01-01']]);
  const before = buildWorld({ documents: [...samples, { ...CITING, signedOn: '2023-01-01', body: CITING.body.slice(0, 1) }] });
  assert.deepEqual(cleanupReport(before, '2023-04-24').citesRepealed, []);
});

test('no validity clause lists live held 规范性文件 only: of the 13 normative documents, two state nothing', () => {
  const world = buildWorld({ documents: samples });
  const r = cleanupReport(world, '2024-10-10');
  // Before classifyNormative this list held every live document without a clause (41 of them).
  assert.deepEqual(r.noValidityClause.map((x) => x.id), ['武隆府办发〔2021〕41号', '武隆府办发〔2023〕13号']);
  assert.ok(r.noValidityClause.every((x) => x.status === '现行有效' && x.normative === true && x.detail === '未载明施行日期或有效期'));
  assert.match(r.noValidityClause[0]!.normativeReasons.join('；'), /补助资金8万元/);
  const facts = (id: string) => world.docs.get(id)!;
  // Live and clause-less, but not normative: a task list, a working group, a 转发 notice.
  for (const id of ['武隆府办发〔2021〕26号', '武隆府办〔2021〕21号', '武隆府办〔2021〕20号']) {
    assert.equal(facts(id).validity, null, id);
    assert.equal(facts(id).normative?.normative, false, id);
  }
  // A repeal decision of 规范性文件 is normative but takes effect once: no 有效期 is expected.
  assert.equal(facts('武隆府发〔2024〕13号').validity, null);
  assert.equal(facts('武隆府发〔2024〕13号').normative?.repealDecision, true);
  // Normative and stating 自印发之日起施行 (or a 通告's 自发布之日起执行): not listed.
  for (const id of ['武隆府办发〔2024〕32号', '武隆府发〔2023〕5号', '武隆府发〔2024〕9号']) assert.equal(facts(id).normative?.normative, true, id);
});

test('the other sections ignore the flag, and rows about documents known only by reference say 未知', () => {
  const r = cleanupReport(buildWorld({ documents: [...samples, CITING] }), '2024-10-10');
  const ref = r.repealed.find((x) => x.docNumber === '武隆府办发〔2018〕42号')!;
  assert.deepEqual([ref.normative, ref.normativeReasons], [null, []]);
  // The made-up notice states its own 施行 and 有效期: normative, and the rows say so.
  assert.deepEqual(r.expiringSoon.map((x) => [x.docNumber, x.normative]), [['武隆府办发〔2024〕90号', true]]);
  assert.match(r.expiringSoon[0]!.normativeReasons.join('；'), /载明有效期（至2024-12-31）/);
  // Made into a working-group notice it is not normative, yet it still expires and still cites a
  // repealed document: those findings do not depend on the flag.
  const group = { ...CITING, title: '重庆市武隆区人民政府办公室关于成立纳税服务工作领导小组的通知' };
  const r2 = cleanupReport(buildWorld({ documents: [...samples, group] }), '2024-10-10');
  assert.deepEqual(r2.expiringSoon.map((x) => [x.docNumber, x.normative]), [['武隆府办发〔2024〕90号', false]]);
  assert.deepEqual(r2.citesRepealed.map((x) => [x.docNumber, x.normative]), [['武隆府办发〔2024〕90号', false]]);
});

test('markdown and csv carry every section and row', () => {
  const r = cleanupReport(buildWorld({ documents: [...samples, CITING] }), '2024-10-10');
  const md = toMarkdown(r);
  assert.match(md, /## 仍引用已废止文件的现行文件（1件）/);
  assert.match(md, /\| 武隆府办发〔2024〕90号 \|/);
  const text = toCsv(r);
  assert.ok(text.startsWith('\ufeff'), 'a BOM, for spreadsheets');
  const csv = text.slice(1).trim().split('\r\n');
  const rows = r.expired.length + r.expiringSoon.length + r.repealed.length + r.noValidityClause.length + r.citesRepealed.length;
  assert.equal(csv.length, rows + 1);
  assert.ok(csv.some((l) => l.startsWith('仍引用已废止文件的现行文件,武隆府办发〔2024〕90号,')));
  assert.equal(csv[0], '类别,发文字号,标题,效力状态,状态日期,说明,规范性文件,判断依据');
  assert.ok(csv.some((l) => /^未载明施行日期或有效期,武隆府办发〔2023〕13号,.*,未载明施行日期或有效期,是,文种为意见/.test(l)));
  assert.ok(csv.some((l) => /^已废止,武隆府办发〔2018〕42号,.*,武隆府发〔2023〕16号,未知,$/.test(l)), 'not read: 未知');
  assert.match(md, /\| 规范性文件 \| 判断依据 \|/);
  assert.match(md, /## 未载明施行日期或有效期（2件）/);
  assert.match(md, /\| 武隆府办发〔2021〕41号 \|.*\| 是 \| 方案或通知本身为公众设定权利义务/);
});

/** Just the Store methods recomputeAll uses. */
class FakeStore implements StatusStore {
  relations: Relation[] = [];
  statuses: StoredStatus[] = [];
  constructor(private docs: OfficialDocument[], private corrs: StatusCorrection[] = []) {}
  async *allDocuments() {
    yield* this.docs;
  }
  async corrections(id?: string) {
    return this.corrs.filter((c) => id === undefined || c.documentId === id);
  }
  async derivedState() {
    return { changes: 1, derived: 0 };
  }
  async saveDerived(_changes: number, r: Relation[], s: StoredStatus[]) {
    this.relations = r;
    this.statuses = s;
    return true;
  }
}

test('recomputeAll saves relations with the closed verb set and one status per held document', async () => {
  const correction: StatusCorrection = {
    documentId: '武隆府办〔2021〕21号', status: '已失效', effectiveFrom: '2022-01-01', author: '李四', reason: '领导小组已撤销', createdAt: '2024-10-01T00:00:00Z',
  };
  const store = new FakeStore(samples, [correction]);
  const n = await recomputeAll(store, '2024-10-10');
  assert.equal(n.statuses, samples.length);
  assert.equal(store.statuses.length, samples.length);
  const rel = (s: string, v: string, o: string) => store.relations.find((r) => r.subjectId === s && r.verb === v && r.objectId === o);
  assert.equal(rel('武隆府发〔2023〕16号', 'repeals', 'ref:武隆府办发〔2018〕43号')?.reason, '不符合现行法律法规规定');
  assert.equal(rel('武隆府办发〔2023〕18号', 'replaces', 'ref:武隆府办发〔2017〕123号')?.date, '2023-04-03');
  assert.ok(rel('武隆府办发〔2023〕18号', 'repeals', 'ref:武隆府办发〔2017〕123号'));
  assert.equal(rel('武隆府发〔2023〕16号', 'cites', 'ref:渝府办发〔2018〕109号')?.reason, '上位文件渝府办发〔2018〕109号已废止');
  assert.ok(store.relations.every((r) => ['cites', 'repeals', 'amends', 'replaces'].includes(r.verb)));
  assert.ok(store.relations.some((r) => r.verb === 'cites' && r.objectId === 'ref:《中华人民共和国森林法》'));
  const status = (id: string) => store.statuses.find((s) => s.documentId === id)!;
  assert.equal(status('武隆府办发〔2024〕39号').status, '现行有效');
  assert.equal(status('武隆府办〔2021〕21号').status, '已失效');
  assert.equal(status('武隆府办〔2021〕21号').evidence[0]?.quote, '人工更正（李四，2024-10-01）：领导小组已撤销');
});
