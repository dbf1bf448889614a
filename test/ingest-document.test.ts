/** buildDocument on whole documents cut out of the samples: every GB/T 9704 element. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildDocument } from '../src/ingest/document.js';
import { sampleSource } from './ingest-sample-lines.js';

const headings = (d: ReturnType<typeof buildDocument>, level: number): (string | undefined)[] =>
  d.body.filter((b) => b.level === level).map((b) => b.heading);

describe('buildDocument', () => {
  it('reads 武隆府发〔2024〕9号 (002_), with the decision printed inside item 八 taken out', () => {
    const d = buildDocument(sampleSource('002', [74, 105], [125, 136]));
    assert.equal(d.id, '武隆府发〔2024〕9号');
    assert.equal(d.docNumber, '武隆府发〔2024〕9号');
    assert.equal(d.title, '重庆市武隆区人民政府关于发布森林防火禁火令的通告');
    assert.equal(d.issuer, '重庆市武隆区人民政府');
    assert.equal(d.kind, '通告');
    assert.equal(d.addressees, null);
    assert.equal(d.signedOn, '2024-06-13');
    assert.equal(d.publicity, '此件公开发布');
    assert.deepEqual(d.body.filter((b) => b.level === 1).map((b) => b.marker), ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、']);
    assert.deepEqual(headings(d, 1).slice(0, 2), ['禁火时间', '禁火范围']);
    assert.match(d.body.find((b) => b.marker === '八、')!.text, /《重庆市森林防火条例》规定的行为，依据《重庆市森林防火条例》第四十八条/);
    const repeal = d.cites.find((c) => c.docNumber);
    assert.deepEqual([repeal?.docNumber, repeal?.title], ['武隆府发〔2023〕18号', '重庆市武隆区人民政府关于发布森林防火禁火令的通告']);
    // Title area and signature block are in text, not in body.
    assert.ok(d.text.startsWith('重庆市武隆区人民政府文件\n武隆府发〔2024〕9号\n重庆市武隆区人民政府关于发布森林防火禁火令的通告\n'));
    assert.ok(d.text.endsWith('重庆市武隆区人民政府\n2024年6月13日\n（此件公开发布）'));
    assert.ok(d.body.every((b) => !/^(2024年6月13日|（此件公开发布）|武隆府发)/.test(b.text)));
  });

  it('reads the repeal decision 武隆府发〔2024〕11号 with its addressees and citations', () => {
    const d = buildDocument(sampleSource('002', [107, 123]));
    assert.equal(d.kind, '决定');
    assert.equal(d.title, '重庆市武隆区人民政府关于废止区政府文件的决定');
    assert.equal(d.addressees, '各街道办事处，各乡镇人民政府，区政府各部门，有关单位');
    assert.equal(d.signedOn, '2024-08-09');
    assert.equal(d.body.length, 1);
    assert.deepEqual(d.cites.map((c) => c.docNumber), ['渝府令〔2019〕329号', '武隆府办发〔2017〕60号']);
  });

  it('reads an 印发 notice and marks the plan it carries as its attachment (武隆府办发〔2024〕17号)', () => {
    const d = buildDocument(sampleSource('002', [154, 563]));
    assert.equal(d.title, '重庆市武隆区人民政府办公室关于印发武隆区突发重大动物疫情应急预案的通知');
    assert.equal(d.issuer, '重庆市武隆区人民政府办公室');
    assert.equal(d.signedOn, '2024-04-08');
    assert.deepEqual(d.attachments[0], { number: 1, title: '武隆区突发重大动物疫情应急预案', omitted: false });
    assert.equal(d.body[0]!.attachment, undefined);
    assert.match(d.body[0]!.text, /^《武隆区突发重大动物疫情应急预案》已经区政府同意/);
    assert.ok(d.body.slice(1).every((b) => b.attachment !== undefined));
    assert.equal(d.body[1]!.text, '武隆区突发重大动物疫情应急预案');
  });

  it('reads 武隆府发〔2023〕1号 (000_): title before the vertical masthead, then the whole 2023 report', () => {
    const src = sampleSource('000', [1, 1535]);
    const d = buildDocument({ ...src, hint: { kind: '报告' } });
    assert.equal(d.docNumber, '武隆府发〔2023〕1号');
    assert.equal(d.title, '重庆市武隆区人民政府关于印发《武隆区政府工作报告》的通知');
    assert.equal(d.kind, '报告');
    assert.equal(d.signedOn, '2023-02-06');
    assert.equal(d.addressees, '各街道办事处，各乡镇人民政府，区政府各部门，有关单位');
    assert.deepEqual(headings(d, 1), ['2022年工作回顾', '2023年重点工作', '切实加强政府自身建设']);
    // 一 has 7 sections, 二 11; 三 breaks off after its second at the jump (下转第17页).
    assert.equal(headings(d, 2).length, 20);
    assert.equal(headings(d, 2)[0], '我们聚焦国际化，旅游“三次创业”引领产业升级');
    assert.deepEqual(d.attachments, [{ number: 1, title: '武隆区政府工作报告', omitted: false }]);
    assert.ok(d.body.every((b) => !/^重庆市武隆区人民政府文件$|^重$/.test(b.text)));
    assert.equal(d.originalText, src.originalText);
  });

  it('reads the 001_ report fragment: no masthead, title only as a footer', () => {
    const d = buildDocument(sampleSource('001', [1, 907]));
    assert.equal(d.title, '重庆市武隆区人民政府工作报告');
    assert.equal(d.kind, '报告');
    assert.equal(d.issuer, '重庆市武隆区人民政府');
    assert.equal(d.docNumber, null);
    assert.equal(d.signedOn, null);
    assert.equal(d.id, `doc-${createHash('sha1').update('重庆市武隆区人民政府工作报告').digest('hex').slice(0, 12)}`);
    assert.deepEqual(headings(d, 1), ['全面加强政府自身建设']);
    assert.deepEqual(d.body.filter((b) => b.level === 2).map((b) => b.marker), ['（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）', '（一）', '（二）', '（三）', '（四）']);
    assert.notEqual(d.body[d.body.length - 1]!.text, '重庆市武隆区人民政府工作报告');
  });

  it('lists attachments given only as （略） (000_ 武隆府发〔2023〕2号)', () => {
    const d = buildDocument(sampleSource('000', [1537, 2082]));
    assert.equal(d.title, '重庆市武隆区人民政府关于印发2023年武隆区安全生产与自然灾害防治工作要点的通知');
    assert.deepEqual(d.attachments, [
      { number: 1, title: '2023年武隆区安全生产与自然灾害防治工作要点', omitted: false },
      { number: 2, title: '2023年武隆区安全生产与自然灾害防治工作要点任务分解', omitted: true },
    ]);
    assert.equal(d.body.filter((b) => b.level === 3 && b.attachment === 1).length, 28);
  });

  it('reads a decision whose repeal list is a tab table (003_ 武隆府发〔2023〕16号)', () => {
    const d = buildDocument(sampleSource('003', [790, 815]));
    assert.equal(d.title, '重庆市武隆区人民政府关于废止部分区政府规范性文件的决定');
    assert.equal(d.signedOn, '2023-04-25');
    assert.deepEqual(d.attachments, [{ number: 1, title: '废止的区政府规范性文件目录（3件）', omitted: false }]);
    assert.equal(d.tables.length, 1);
    const t = d.tables[0]!;
    assert.equal(t.title, '废止的区政府规范性文件目录（3件）');
    assert.equal(d.body[t.afterBlock]!.text, t.title);
    assert.ok(d.body.every((b) => !b.text.includes('废止理由') && !b.text.startsWith('1')), 'table rows stay out of the body');
    assert.equal(d.text.split('\n').filter((l) => l.startsWith('1\t重庆市武隆区人民政府办公室关于印发武隆区优化企业纳税服务行动方案的通知\t武隆府办发〔2018〕42号')).length, 1);
  });

  it('reads the 政务公开 notice of 004_ with a （略） attachment and its markdown task table', () => {
    const d = buildDocument(sampleSource('004', [699, 793]));
    assert.equal(d.docNumber, '武隆府办发〔2021〕35号');
    assert.equal(d.title, '重庆市武隆区人民政府办公室关于印发武隆区贯彻落实国务院办公厅2021年政务公开工作要点任务分工的通知');
    assert.equal(d.signedOn, '2021-06-21');
    assert.deepEqual(d.attachments.map((a) => [a.number, a.omitted]), [[1, true], [2, false]]);
    assert.equal(d.attachments[0]!.title, '2021年政务公开工作要点任务分工责任落实人员回执表');
    assert.deepEqual(headings(d, 1), ['提高政治站位', '强化工作落实', '强化审核把关', '加强监督检查']);
    assert.equal(d.tables.length, 3);
  });

  it('finds the 附注 printed between the issuer and the date (004_ 武隆府办发〔2021〕28号)', () => {
    const d = buildDocument(sampleSource('004', [396, 420]));
    assert.equal(d.docNumber, '武隆府办发〔2021〕28号');
    assert.equal(d.signedOn, '2021-05-18');
    assert.equal(d.publicity, '此件公开发布');
    assert.equal(d.addressees, '各街道办事处，各乡镇人民政府，区政府各部门，有关单位');
    assert.equal(d.attachments[0]!.title, '武隆区品牌培育和质量提升奖励扶持办法');
  });

  it('joins addressees cut after a comma in one-paragraph-per-line text (004_ 武隆府办发〔2021〕27号)', () => {
    const d = buildDocument(sampleSource('004', [281, 300]));
    assert.equal(d.docNumber, '武隆府办发〔2021〕27号');
    assert.equal(d.addressees, '各街道办事处，各乡镇人民政府，区政府有关部门，有关单位');
  });
});

describe('buildDocument: addressees', () => {
  it('does not take a lead-in sentence ending in ： for the 主送机关 (000_ 武隆府发〔2023〕11号)', () => {
    const d = buildDocument(sampleSource('000', [2474, 2500]));
    assert.equal(d.docNumber, '武隆府发〔2023〕11号');
    assert.equal(d.title, '重庆市武隆区人民政府关于加强燃放烟花爆竹管理的通告');
    assert.equal(d.addressees, null);
    assert.match(d.body[0]!.text, /^为加强我区烟花爆竹燃放管理.*特通告如下：$/);
    assert.deepEqual(d.cites.map((c) => c.title), ['重庆市燃放烟花爆竹管理条例']);
  });
});
