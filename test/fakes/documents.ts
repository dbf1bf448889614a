/** Hand-made documents shaped like the Wulong samples, for testing the portal before the real store lands. */
import type { OfficialDocument, ParseResult } from '../../src/domain/types.js';
import type { Relation, StoredStatus } from '../../src/store/store.js';

function doc(d: Partial<OfficialDocument> & Pick<OfficialDocument, 'id' | 'title'>): OfficialDocument {
  const text = d.body?.map((b) => b.text).join('\n') ?? d.title;
  return {
    docNumber: d.id.startsWith('doc-') ? null : d.id,
    issuer: '重庆市武隆区人民政府',
    kind: '通知',
    addressees: '各街道办事处，各乡镇人民政府，区政府各部门，有关单位',
    signedOn: null,
    publicity: '此件公开发布',
    attachments: [],
    body: [],
    tables: [],
    cites: [],
    warnings: [],
    text,
    originalText: `重\n庆\n市\n${text}\n·4·`,
    ...d,
  };
}

export const FIRE_BAN = doc({
  id: '武隆府发〔2024〕9号',
  title: '重庆市武隆区人民政府关于发布森林防火禁火令的通告',
  kind: '通告',
  signedOn: '2024-06-13',
  body: [
    { level: 0, text: '为切实加强森林防火工作，根据《森林防火条例》，特发布禁火令。' },
    { level: 1, marker: '一、', heading: '禁火时间', text: '一、禁火时间：2024年6月13日至12月31日。' },
    { level: 1, marker: '二、', heading: '禁火范围', text: '二、禁火范围：全区森林防火区，区发展改革委配合。' },
    { level: 1, marker: '九、', text: '九、原《重庆市武隆区人民政府关于发布森林防火禁火令的通告》（武隆府发〔2023〕18号）废止，如有新法规，依照新法规执行。' },
    { level: 1, marker: '十、', text: '十、本通告自发布之日起执行。' },
  ],
});

export const REPEAL_DECISION = doc({
  id: '武隆府发〔2024〕11号',
  title: '重庆市武隆区人民政府关于废止区政府文件的决定',
  kind: '决定',
  signedOn: '2024-08-09',
  body: [
    {
      level: 0,
      text: '决定对《重庆市武隆区人民政府办公室关于印发武隆区全民科学素质行动计划纲要实施方案（2016—2020年）的通知》（武隆府办发〔2017〕60号）予以废止，不再施行。',
    },
  ],
});

export const CHARGING_PLAN = doc({
  id: '武隆府办发〔2024〕17号',
  title: '重庆市武隆区人民政府办公室关于印发武隆区新能源汽车便捷超充行动计划（2024—2026年）的通知',
  issuer: '重庆市武隆区人民政府办公室',
  signedOn: '2024-07-02',
  attachments: [{ number: 1, title: '武隆区新能源汽车便捷超充行动计划（2024—2026年）', omitted: false }],
  body: [
    { level: 0, text: '《武隆区新能源汽车便捷超充行动计划（2024—2026年）》已经区政府同意，现印发给你们，请认真贯彻执行。' },
    { level: 1, marker: '一、', heading: '总体要求', text: '一、总体要求', attachment: 1 },
    { level: 2, marker: '（一）', heading: '工作目标', text: '（一）工作目标。到2026年，建成超充站10座，由区发展改革委牵头。', attachment: 1 },
    { level: 1, marker: '二、', heading: '重点任务', text: '二、重点任务', attachment: 1 },
    { level: 0, text: '落实《重庆市武隆区人民政府关于发布森林防火禁火令的通告》（武隆府发〔2024〕9号）有关要求，区经济信息委配合。<script>alert(1)</script>', attachment: 1 },
  ],
  tables: [
    {
      title: '超充站建设任务表',
      header: ['序号', '站点', '责任单位'],
      rows: [
        ['1', '仙女山超充站', '区发展改革委'],
        ['2', '芙蓉江超充站', '区经济信息委'],
      ],
      source: 'tab',
      afterBlock: 2,
    },
  ],
  cites: [{ docNumber: '武隆府发〔2024〕9号', title: '重庆市武隆区人民政府关于发布森林防火禁火令的通告', raw: '《…》（武隆府发〔2024〕9号）', block: 4 }],
});

export const TAX_REPEAL = doc({
  id: '武隆府发〔2023〕16号',
  title: '重庆市武隆区人民政府关于废止部分区政府规范性文件的决定',
  kind: '决定',
  signedOn: '2023-04-17',
  body: [{ level: 0, text: '决定对《重庆市武隆区人民政府办公室关于印发武隆区优化企业纳税服务行动方案的通知》（武隆府办发〔2018〕42号）等3件文件予以废止。' }],
});

export const WORK_REPORT = doc({
  id: 'doc-3f2a9c',
  title: '武隆区政府工作报告',
  issuer: null,
  kind: '报告',
  addressees: null,
  publicity: null,
  body: [{ level: 0, text: '各位代表：现在，我代表区人民政府向大会报告工作，区发展改革委等部门。' }],
});

function result(file: string, year: number, number: number, total: number, publishedOn: string, docs: OfficialDocument[]): ParseResult {
  return {
    source: { file, sha256: `sha-${file}`, encoding: 'utf-8', bytes: 1000 },
    issue: {
      title: '重庆市武隆区人民政府公报',
      year,
      number,
      totalNumber: total,
      publishedOn,
      contents: docs.map((d, i) => ({ title: d.title, docNumber: null, page: i + 1, group: '重庆市武隆区人民政府文件' })),
      index: [
        ...docs.filter((d) => d.docNumber).map((d) => ({ title: d.title, docNumber: d.docNumber })),
        { title: '重庆市武隆区人民政府办公室关于不在本期的通知', docNumber: '武隆府办〔2024〕99号' },
      ],
    },
    documents: docs,
    references: [],
    frontMatter: '',
    discarded: [],
    warnings: [],
  };
}

export const SAMPLE_RESULTS: ParseResult[] = [
  result('003_fake.txt', 2023, 2, 161, '2023-05-10', [TAX_REPEAL]),
  result('002_fake.txt', 2024, 2, 165, '2024-10-10', [FIRE_BAN, REPEAL_DECISION, CHARGING_PLAN, WORK_REPORT]),
];

function rel(subject: OfficialDocument, verb: Relation['verb'], objectId: string, objectTitle: string | null, block: number): Relation {
  return {
    subjectId: subject.id,
    verb,
    objectId,
    objectDocNumber: objectId.startsWith('ref:') ? objectId.slice(4) : objectId,
    objectTitle,
    date: subject.signedOn,
    quote: subject.body[block]!.text,
    reason: null,
    block,
  };
}

export const SAMPLE_RELATIONS: Relation[] = [
  rel(FIRE_BAN, 'repeals', 'ref:武隆府发〔2023〕18号', '重庆市武隆区人民政府关于发布森林防火禁火令的通告', 3),
  rel(REPEAL_DECISION, 'repeals', 'ref:武隆府办发〔2017〕60号', '重庆市武隆区人民政府办公室关于印发武隆区全民科学素质行动计划纲要实施方案（2016—2020年）的通知', 0),
  rel(TAX_REPEAL, 'repeals', 'ref:武隆府办发〔2018〕42号', '重庆市武隆区人民政府办公室关于印发武隆区优化企业纳税服务行动方案的通知', 0),
  rel(CHARGING_PLAN, 'cites', FIRE_BAN.id, FIRE_BAN.title, 4),
];

export const SAMPLE_STATUSES: StoredStatus[] = [
  { documentId: FIRE_BAN.id, status: '现行有效', since: '2024-06-13', evidence: [{ docNumber: FIRE_BAN.id, quote: '十、本通告自发布之日起执行。', date: '2024-06-13' }] },
  { documentId: CHARGING_PLAN.id, status: '现行有效', since: '2024-07-02', evidence: [] },
  { documentId: 'ref:武隆府办发〔2017〕60号', status: '已废止', since: '2024-08-09', evidence: [{ docNumber: REPEAL_DECISION.id, quote: REPEAL_DECISION.body[0]!.text, date: '2024-08-09' }] },
];
