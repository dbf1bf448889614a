/** Repeal/amend extraction on blocks and tables copied from samples/wulong, plus the look-alikes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BodyBlock, Table } from '../src/domain/types.js';
import { findRepeals, type RepealSource } from '../src/extract/repeals.js';

const doc = (over: Partial<RepealSource> & { texts?: string[]; blocks?: BodyBlock[] }): RepealSource => ({
  id: over.docNumber ?? 'doc-x',
  docNumber: over.docNumber ?? null,
  title: over.title ?? '重庆市武隆区人民政府关于某事项的通知',
  signedOn: over.signedOn ?? '2024-01-01',
  body: over.blocks ?? (over.texts ?? []).map((text) => ({ level: 0, text })),
  tables: over.tables ?? [],
});
const brief = (d: RepealSource) => findRepeals(d).map((e) => [e.kind, e.target.docNumber, e.date, e.reason]);

test('原《…》（文号）同时废止 in a notice, across narrow-column breaks (000_)', () => {
  const events = findRepeals(doc({
    docNumber: '武隆府发〔2023〕3号', title: '重庆市武隆区人民政府关于加强燃放烟花爆竹管理的通告', signedOn: '2023-01-08',
    texts: ['（六）对违反《条例》等法律法规和本通告规定的行为，依法追究当事人责任。', '五、本通告自发布之日起施行，原《重庆市武\n\n隆区人民政府关于加强燃放烟花爆竹管理的通告》\n\n（武隆府发〔2019〕22号）同时废止。'],
  }));
  assert.equal(events.length, 1);
  const e = events[0]!;
  assert.deepEqual(e.target, { docNumber: '武隆府发〔2019〕22号', title: '重庆市武隆区人民政府关于加强燃放烟花爆竹管理的通告' });
  assert.equal(e.kind, 'repeal');
  assert.equal(e.block, 1);
  assert.equal(e.date, '2023-01-08');
  assert.equal(e.repealingDocNumber, '武隆府发〔2023〕3号');
  assert.equal(e.quote, '本通告自发布之日起施行，原《重庆市武隆区人民政府关于加强燃放烟花爆竹管理的通告》（武隆府发〔2019〕22号）同时废止。');
});

test('决定对《…》予以废止，不再施行: the legal basis cited first is not a target (002_ 武隆府发〔2024〕11号)', () => {
  const d = doc({
    docNumber: '武隆府发〔2024〕11号', title: '重庆市武隆区人民政府 关于废止区政府文件的决定', signedOn: '2024-08-09',
    texts: ['为做好法律法规的贯彻实施，根据《重庆市行政规范性文件管理办法》（渝府令〔2019〕329号）相关规定，经区政府第106次常务会审议，决定对《重庆市武隆区人民政府办公室关于印发武隆区全民科学素质行动计划纲要实施方案（2016—2020年）的通知》（武隆府办发〔2017〕60号）予以废止，不再施行。'],
  });
  assert.deepEqual(brief(d), [['repeal', '武隆府办发〔2017〕60号', '2024-08-09', null]]);
});

test('a revised edition (修订稿) replaces its predecessor (003_ 地方志工作管理办法)', () => {
  const d = doc({
    docNumber: '武隆府办发〔2023〕18号', title: '重庆市武隆区人民政府办公室 关于印发武隆区地方志工作管理办法 (修订稿)的通知', signedOn: '2023-04-20',
    texts: ['第二十条 本办法自印发之日起施行，原《重庆市武隆区人民政府办公室关于印发武隆区地方志工作管理办法的通知》（武隆府办发〔2017〕123号）同时废止。'],
  });
  assert.deepEqual(brief(d), [['replace', '武隆府办发〔2017〕123号', '2023-04-20', null]]);
});

test('a decision table: one event per row with its own 废止理由, the summary sentence not counted twice (003_ 武隆府发〔2023〕16号)', () => {
  const table: Table = {
    title: '废止的区政府规范性文件目录（3件）', header: ['序号', '文件名称', '文件号', '废止理由'], source: 'tab', afterBlock: 2,
    rows: [
      ['1', '重庆市武隆区人民政府办公室关于印发武隆区优化企业纳税服务行动方案的通知', '武隆府办发〔2018〕42号', '与经济社会发展不相适应'],
      ['2', '重庆市武隆区人民政府办公室关于印发武隆区方便企业群众办理不动产登记行动方案的通知', '武隆府办发〔2018〕43号', '不符合现行法律法规规定'],
      ['3', '重庆市武隆区人民政府办公室关于印发武隆区提升经济证券化水平行动计划实施方案（2019—2022年）的通知', '武隆府办发〔2019〕83号', '上位文件渝府办发〔2018〕109号已废止'],
    ],
  };
  const d = doc({
    docNumber: '武隆府发〔2023〕16号', title: '重庆市武隆区人民政府 关于废止部分区政府规范性文件的决定', signedOn: '2023-04-25', tables: [table],
    texts: [
      '根据《重庆市行政规范性文件管理办法》（重庆市人民政府令第329号）规定，经2023年4月10日区政府第47次常务会议审议，决定对《重庆市武隆区人民政府办公室关于印发武隆区优化企业纳税服务行动方案的通知》（武隆府办发〔2018〕42号）等3件文件予以废止。',
      '本决定自发布之日起施行。',
      '附件：废止的区政府规范性文件目录（3件）',
    ],
  });
  assert.deepEqual(brief(d), [
    ['repeal', '武隆府办发〔2018〕42号', '2023-04-25', '与经济社会发展不相适应'],
    ['repeal', '武隆府办发〔2018〕43号', '2023-04-25', '不符合现行法律法规规定'],
    ['repeal', '武隆府办发〔2019〕83号', '2023-04-25', '上位文件渝府办发〔2018〕109号已废止'],
    // 上位文件…已废止: the city document is noted as repealed, not repealed by this decision.
    ['noted-repealed', '渝府办发〔2018〕109号', '2023-04-25', '上位文件渝府办发〔2018〕109号已废止'],
  ]);
});

test('a numbered list in the attachment, including items damaged by a page break (004_ 武隆府发〔2021〕10号/11号)', () => {
  const d = doc({
    docNumber: '武隆府发〔2021〕11号', title: '重庆市武隆区人民政府 关于废止部分区政府规范性文件的决定', signedOn: '2021-05-25',
    texts: [
      '根据《重庆市行政规范性文件管理办法》（重庆市人民政府令第329号），经区政府第132次常务会议审议，决定对部分区政府行政规范性文件予以废止。本决定自发布之日起施行。',
      '附件：废止的区政府行政规范性文件目录',
      '废止的区政府规范性文件目录',
      '1. 武隆县人民政府办公室关于印发武隆县鼓励投融资政策实施细则的通知（武隆府办发〔2013〕26号）',
      '8. 重庆市武隆区人民政府关于加强野生动植物资源保护的通告（武隆府〔2017〕18号）',
      '的通知（武隆府办发〔2018〕124号）',
      '17. 重庆市武隆区人民政府办公室关于印发武隆区湿地保护修复制度实施方案的通知（武隆府办发',
    ],
  });
  const events = findRepeals(d);
  assert.deepEqual(events.map((e) => [e.target.docNumber, e.target.title, e.source, e.block]), [
    ['武隆府办发〔2013〕26号', '武隆县人民政府办公室关于印发武隆县鼓励投融资政策实施细则的通知', 'list', 3],
    ['武隆府〔2017〕18号', '重庆市武隆区人民政府关于加强野生动植物资源保护的通告', 'list', 4],
    ['武隆府办发〔2018〕124号', null, 'list', 5],
    [null, '重庆市武隆区人民政府办公室关于印发武隆区湿地保护修复制度实施方案的通知', 'list', 6],
  ]);
  assert.ok(events.every((e) => e.date === '2021-05-25' && e.kind === 'repeal'));
});

test('the same list in an ordinary document is not a repeal: only decisions carry lists', () => {
  const d = doc({ title: '重庆市武隆区人民政府办公室关于印发主要文件目录的通知', texts: ['主要文件目录', '1. 某通知（武隆府办发〔2013〕26号）'] });
  assert.deepEqual(findRepeals(d), []);
});

test('procedural look-alikes are never reported', () => {
  const lookAlikes = [
    '规范性文件需要修改或者废止的，由制定机关按程序办理。',
    '制定机关应当及时废止不符合法律法规规定的规范性文件。',
    '对不适应经济社会发展的文件，应当依法予以废止。',
    '起草部门应当对文件进行评估，及时废止或者修改。',
    '本办法施行前发布的规定与本办法不一致的，以本办法为准。',
    '此前我区出台的有关规定与本通知不一致的，不再执行。',
    '凡与《重庆市行政规范性文件管理办法》（渝府令〔2019〕329号）不一致的，不再执行。',
    '各部门要建立规范性文件清理制度，提请区政府废止已不适应的文件。',
    '重庆市武隆区人民政府关于废止区政府文件的决定（武隆府发〔2024〕11号）',
    '附件：废止的区政府规范性文件目录（3件）',
    '已公开的要按照“现行有效”和“失效/废止”进行分类展示，以此形成本区县规范性文件库。',
  ];
  for (const s of lookAlikes) assert.deepEqual(findRepeals(doc({ texts: [s] })), [], s);
});

test('partial repeal and amendment are told apart from a full repeal', () => {
  const d = doc({
    docNumber: '武隆府发〔2025〕2号', signedOn: '2025-02-01',
    texts: [
      '《重庆市武隆区人民政府关于某某的通知》（武隆府发〔2015〕3号）第五条同时废止。',
      '对《重庆市武隆区某某管理办法》（武隆府发〔2016〕3号）作如下修改：',
      '《重庆市武隆区人民政府办公室关于某某工作的通知》（武隆府办发〔2019〕7号），自本通知印发之日起停止执行。',
    ],
  });
  assert.deepEqual(brief(d), [
    ['partial-repeal', '武隆府发〔2015〕3号', '2025-02-01', null],
    ['amend', '武隆府发〔2016〕3号', '2025-02-01', null],
    ['repeal', '武隆府办发〔2019〕7号', '2025-02-01', null],
  ]);
});

test('the repeal date is the stated effective date when the document gives one', () => {
  const d = doc({ signedOn: '2024-12-10', texts: ['本办法自2025年1月1日起施行，《某某办法》（武隆府办发〔2018〕1号）同时废止。'] });
  assert.equal(findRepeals(d)[0]?.date, '2025-01-01');
});

test('an amending decision named 关于修改《X》的决定 amends X even when its body only rewrites articles', () => {
  const d = doc({
    docNumber: '武隆府发〔2025〕7号', title: '重庆市武隆区人民政府关于修改《重庆市武隆区某某管理办法》的决定', signedOn: '2025-05-01',
    texts: ['区政府决定对《重庆市武隆区某某管理办法》作如下修改：', '一、将第三条第二款中的“区商务委”修改为“区商务局”。', '本决定自印发之日起施行。'],
  });
  assert.deepEqual(findRepeals(d).map((e) => [e.kind, e.target.title, e.date]), [['amend', '重庆市武隆区某某管理办法', '2025-05-01']]);
  const titleOnly = doc({ title: '重庆市武隆区人民政府关于修改《重庆市武隆区某某管理办法》的决定', texts: ['一、将第三条修改为：“……”'] });
  assert.deepEqual(findRepeals(titleOnly).map((e) => [e.kind, e.target.title, e.block]), [['amend', '重庆市武隆区某某管理办法', null]]);
});

test('the target may follow the verb: 同时废止《X》（文号）, 不再执行 + 文号', () => {
  const d = doc({
    docNumber: '武隆府办发〔2025〕5号', signedOn: '2025-03-01',
    texts: ['本办法自印发之日起施行，同时废止《武隆区某某补助办法》（武隆府办发〔2019〕12号）。', '自本通知印发之日起，不再执行武隆府办发〔2020〕3号。', '对拒不执行的，责令停止执行并依法处理。'],
  });
  assert.deepEqual(brief(d), [
    ['repeal', '武隆府办发〔2019〕12号', '2025-03-01', null],
    ['repeal', '武隆府办发〔2020〕3号', '2025-03-01', null],
  ]);
});

test('规章 repealed by 令 number: 常州 (016) and 山东 (075), the short 省政府令 resolved to the repealing government', () => {
  const changzhou = findRepeals(doc({
    title: '', docNumber: null,
    texts: ['为维护法治统一，及时清理与改革决策和经济社会发展不相适应的市政府规章，市政府决定对以下2件市政府规章予以废止：', '一、《常州市城市市容管理办法》（2016年12月1日常州市人民政府令第2号发布）', '二、《常州市生活垃圾分类管理办法》（2018年11月23日常州市人民政府令第8号发布）', '本决定自公布之日起施行。'],
  }));
  assert.deepEqual(changzhou.map((e) => [e.kind, e.target.docNumber, e.target.title]), [
    ['repeal', '常州市人民政府令第2号', '常州市城市市容管理办法'],
    ['repeal', '常州市人民政府令第8号', '常州市生活垃圾分类管理办法'],
  ]);
  const shandong = findRepeals({ ...doc({
    title: '山东省人民政府关于废止《山东省信访规定》等3件省政府规章的决定', signedOn: '2016-04-15',
    texts: ['依照《中华人民共和国行政许可法》等有关法律、法规以及行政审批制度改革要求，省政府对现行有效的省政府规章进行了清理。经过清理，省政府决定废止以下规章：', '一、山东省信访规定（省政府令第114号）。', '二、山东省安全生产监督管理规定（省政府令第141号）。', '三、山东省高等教育自学考试若干规定（鲁政发〔1983〕90号）。', '本决定自公布之日起施行。'],
  }), issuer: '山东省人民政府' });
  assert.deepEqual(shandong.map((e) => e.target.docNumber), ['山东省人民政府令第114号', '山东省人民政府令第141号', '鲁政发〔1983〕90号']);
});

test('a list withdrawn from a document is not that document repealed (055), nor is a count (087)', () => {
  const list = findRepeals(doc({ texts: ['清单印发之日起，省政府办公厅《关于推进特色小镇建设的指导意见》（甘政办发〔2018〕1号）确定的省级特色小镇名单即行废止。'] }));
  assert.deepEqual(list.map((e) => e.kind), ['partial-repeal']);
  const count = findRepeals(doc({ texts: ['2022年，在上海市人民政府网站、《上海市人民政府公报》主动公开市政府规章13件（含新制定5件，修改4件，废止4件）。'] }));
  assert.deepEqual(count, []);
});
