/**
 * classifyNormative on every document of the five samples. The golden list below was made by
 * reading each document's title and body, not by running the classifier; it is the test's value.
 *
 * The yardstick is the State Council's definition of a 行政规范性文件: made by an administrative
 * organ within its powers, publicly released, touching the rights and obligations of citizens,
 * legal persons and other organisations, generally binding, applied repeatedly for a period.
 * Borderline calls are explained next to the entry.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OfficialDocument } from '../src/domain/types.js';
import { classifyNormative } from '../src/extract/normative.js';
import { parseFile } from '../src/ingest/index.js';
import { sample } from './helpers/samples.js';

type Golden = Record<string, boolean>;

const GOLDEN: Record<string, Golden> = {
  '000': {
    '武隆府发〔2023〕1号': false, // 印发《政府工作报告》: a report adopted by the 人大, not a rule
    '武隆府发〔2023〕2号': false, // 2023年…工作要点: annual internal work points
    '武隆府发〔2023〕4号': false, // 第五次全国经济普查: a one-off census; the duties to report come from the 统计法
    '武隆府发〔2023〕11号': true, // 燃放烟花爆竹 通告: 禁放区域/时段 binding everyone, 自发布之日起施行, replaces 〔2019〕22号
    '武隆府办发〔2023〕4号': false, // 2023年民生实事: one year's list of projects for departments
    '武隆府办发〔2023〕6号': false, // 2023年春运: one season
    // Borderline: a development plan in the routine 武隆府办 series; it promises to "制定完善电商扶持政策"
    // later but sets no entitlement or obligation itself.
    '武隆府办〔2023〕4号': false,
    '武隆府办〔2023〕6号': false, // 调整…协调小组: an internal body
  },
  '001': {
    'doc-6116dcce419a': false, // 政府工作报告 without masthead or 文号
  },
  '002': {
    '武隆府发〔2024〕9号': true, // 森林防火禁火令 通告: prohibitions and 罚款 for everyone, every year's fire season
    // Borderline: repeals 武隆府办发〔2017〕60号 citing the 规范性文件管理办法 as procedure, but the
    // district titles it 废止区政府文件 — a month before 〔2024〕13号 废止区政府规范性文件. We follow
    // the district's own label: the repealed plan was not a 规范性文件, so neither is its repeal.
    '武隆府发〔2024〕11号': false,
    // Decision: a decision repealing 规范性文件 is itself normative (repealing follows the making
    // procedure and changes what binds the public); it carries repealDecision, see below.
    '武隆府发〔2024〕13号': true,
    // Borderline: 应急预案 organise the government's own response (指挥部, 成员单位职责, 响应程序);
    // they set no general rights or obligations for the public, though they state 自印发之日起实施.
    '武隆府办发〔2024〕17号': false,
    '武隆府办发〔2024〕20号': false, // 超充行动计划（2024—2026年）: tasks for 责任单位; "落实补助政策" made elsewhere
    // Borderline: "若干措施" reads like a policy instrument, but every measure restates city/national
    // policies and ends in （牵头单位…责任单位…）: a work deployment, no entitlement of its own.
    '武隆府办发〔2024〕22号': false,
    // Borderline the other way: an 实施方案, but it binds the mines themselves (不得/应当 throughout,
    // standards they must meet) and states 本方案自印发之日起实施.
    '武隆府办发〔2024〕32号': true,
    '武隆府办发〔2024〕35号': false, // 三位一体 reform plan: organisation and tasks; support "依法给予" by departments
    '武隆府办发〔2024〕36号': false, // 整改提升方案: a rectification programme for the 管控率, targets per year
    // Borderline: 优化营商环境专项行动（2024—2027年） concerns enterprises throughout, but as 41
    // tasks for 牵头单位; the rules it mentions (标准地, 信用激励) are set elsewhere.
    '武隆府办发〔2024〕38号': false,
    '武隆府办发〔2024〕39号': false, // 长输管道事故应急预案: see 〔2024〕17号
    '武隆府办发〔2024〕40号': false, // 区政府领导同志工作分工: leaders' division of work
  },
  '003': {
    '武隆府发〔2023〕3号': false, // 任务分工方案: internal division of tasks
    '武隆府发〔2023〕5号': true, // 房屋征收与补偿实施办法: articles, rights of 被征收人, 自印发之日起施行
    // Borderline: a five-year plan in the 府发 series with a few 禁止 (园区外扩建高污染项目) copied
    // from the national and city plans; otherwise 重点工程 and 政策机制 for departments, no own clause.
    '武隆府发〔2023〕15号': false,
    '武隆府发〔2023〕16号': true, // 废止部分区政府规范性文件的决定 (3 documents, 自发布之日起施行)
    '武隆府办发〔2023〕8号': true, // 征收损失补偿和奖励补助标准: amounts owed to 被征收人, 自印发之日起实施
    '武隆府办发〔2023〕12号': false, // 2023年…除险清患专项行动: one year's campaign
    // Borderline: 文种 意见 issued to all and published; an industrial policy for 2023–2028 steering
    // enterprises (淘汰落后产能, 保护性开采, 涉企收费清单, 扶持). The 意见 is the classic normative form.
    '武隆府办发〔2023〕13号': true,
    '武隆府办发〔2023〕15号': false, // 安全监管职责分工: which department supervises what (internal)
    // Borderline: 排查整治和监督管理 — mostly a 2023–2025 clean-up campaign with yearly targets; the
    // lasting 监督管理 rules are promised in a later 实施方案.
    '武隆府办发〔2023〕16号': false,
    '武隆府办发〔2023〕18号': true, // 地方志工作管理办法（修订稿）: articles, replaces 〔2017〕123号
    '武隆府办发〔2023〕20号': false, // 成立经济普查领导小组 (dissolves when the census ends)
    '武隆府办发〔2023〕21号': false, // 2023年度重大行政决策事项目录: the government's own agenda
    '武隆府办发〔2023〕22号': false, // 加强国家调查工作: what departments owe the survey team (internal)
    '武隆府办发〔2023〕24号': false, // 职业教育具体举措: 24 tasks for 牵头/责任单位
    '武隆府办〔2023〕11号': false, // 建立统计工作联席会议制度 (traditional characters): an internal body
    '武隆府办〔2023〕13号': false, // 调整区防汛抗旱指挥部: an internal body
  },
  '004': {
    // Borderline (decided as 〔2024〕11号): 废止部分区政府文件, issued the same day as 11号 which
    // repeals the 规范性文件 — the district kept the two lists apart.
    '武隆府发〔2021〕10号': false,
    '武隆府发〔2021〕11号': true, // 废止部分区政府规范性文件的决定
    '武隆府办发〔2021〕26号': false, // 地方志 "十四五" 重点目标任务: a task list
    '武隆府办发〔2021〕27号': false, // 2021年度地质灾害防治方案: one year
    '武隆府办发〔2021〕28号': true, // 品牌培育和质量提升奖励扶持办法: rewards to enterprises, 自印发之日起施行
    '武隆府办发〔2021〕29号': false, // 可燃雨棚…整治攻坚行动: a campaign (its 技术规定 attachment is omitted (略))
    // Borderline: an 实施方案, but it sets what the public gets and facilities must meet (1:3 / 1:10
    // staffing, 100万元 奖补 per centre, 运营补贴) and states 自印发之日起实施.
    '武隆府办发〔2021〕31号': true,
    '武隆府办发〔2021〕32号': false, // 2021年大气污染防治任务分解
    '武隆府办发〔2021〕35号': false, // 2021年政务公开工作要点任务分工
    // Borderline: 农民工服务保障 names subsidies, but only "按规定给予" existing ones; 29 tasks with
    // 责任单位: a work deployment.
    '武隆府办发〔2021〕36号': false,
    '武隆府办发〔2021〕37号': false, // 古镇古寨消防安全排查整治: a campaign
    '武隆府办发〔2021〕39号': false, // 燃气油气行业安全专项整治: a campaign
    // Borderline: called 专项行动方案, but for the whole 十四五 it sets residents' and utilities'
    // entitlements and duties (每台电梯补助8万元, 管线单位 50% 补助 and 同步改造).
    '武隆府办发〔2021〕41号': true,
    '武隆府办〔2021〕17号': false, // 2021年对口协同发展: one year
    '武隆府办〔2021〕18号': false, // 成立工作站
    // Borderline: 打击欺诈骗保 — an enforcement drive instructing departments, routine series,
    // no rule of its own (the obligations come from the 医保基金监管条例).
    '武隆府办〔2021〕19号': false,
    '武隆府办〔2021〕20号': false, // 转发 the city's 支持科技创新若干财政金融政策: the rules are the city's
    '武隆府办〔2021〕21号': false, // 成立领导小组
    '武隆府办〔2021〕24号': false, // 成立领导小组
    '武隆府办〔2021〕25号': false, // 成立领导小组
  },
};

const parsed = new Map<string, OfficialDocument[]>();
for (const id of Object.keys(GOLDEN)) parsed.set(id, (await parseFile(sample(id))).documents);

test('the golden list covers every document of the five samples (57)', () => {
  let n = 0;
  for (const [id, golden] of Object.entries(GOLDEN)) {
    const keys = parsed.get(id)!.map((d) => d.docNumber ?? d.id);
    assert.deepEqual([...keys].sort(), Object.keys(golden).sort(), `sample ${id}`);
    n += keys.length;
  }
  assert.equal(n, 57);
});

for (const [id, golden] of Object.entries(GOLDEN)) {
  test(`sample ${id}: normative or not, as read by hand`, () => {
    const wrong: string[] = [];
    for (const d of parsed.get(id)!) {
      const j = classifyNormative(d);
      const want = golden[d.docNumber ?? d.id];
      if (j.normative !== want) wrong.push(`${d.docNumber ?? d.id} ${d.title}: expected ${want}, got ${j.normative} (${j.reasons.join('；')})`);
    }
    assert.deepEqual(wrong, []);
  });
}

test('counts per sample', () => {
  const counts = Object.fromEntries([...parsed].map(([id, docs]) => [id, docs.filter((d) => classifyNormative(d).normative).length]));
  assert.deepEqual(counts, { '000': 1, '001': 0, '002': 3, '003': 5, '004': 4 });
});

const doc = (docNumber: string) => [...parsed.values()].flat().find((d) => d.docNumber === docNumber)!;

test('every judgement gives reasons a clerk can check', () => {
  for (const d of [...parsed.values()].flat()) {
    const j = classifyNormative(d);
    assert.ok(j.reasons.length > 0 && j.reasons.every((r) => r.length > 0), d.title);
  }
  assert.match(classifyNormative(doc('武隆府发〔2023〕5号')).reasons.join('；'), /印发或制定办法.*自印发之日起施行/);
  assert.match(classifyNormative(doc('武隆府办〔2021〕21号')).reasons[0]!, /领导小组/);
  assert.match(classifyNormative(doc('武隆府办〔2021〕20号')).reasons[0]!, /转发/);
  assert.match(classifyNormative(doc('武隆府办发〔2024〕17号')).reasons[0]!, /应急预案/);
  assert.match(classifyNormative(doc('武隆府办发〔2021〕41号')).reasons.join('；'), /补助资金8万元/);
  assert.match(classifyNormative(doc('武隆府办〔2023〕11号')).reasons[0]!, /联席会议/, 'traditional title read in simplified form');
});

test('repeal decisions: normative (and marked) when they repeal 规范性文件, not when they repeal ordinary 文件', () => {
  for (const n of ['武隆府发〔2021〕11号', '武隆府发〔2023〕16号', '武隆府发〔2024〕13号']) {
    const j = classifyNormative(doc(n));
    assert.deepEqual([j.normative, j.repealDecision], [true, true], n);
  }
  for (const n of ['武隆府发〔2021〕10号', '武隆府发〔2024〕11号']) {
    const j = classifyNormative(doc(n));
    assert.equal(j.normative, false, n);
    assert.match(j.reasons[0]!, /废止一般文件/);
  }
  assert.equal(classifyNormative(doc('武隆府发〔2023〕5号')).repealDecision, undefined);
});

test('a document that calls itself 规范性文件 counts even as a plan; a routine-series plan needs a rule form', () => {
  const plan = doc('武隆府办发〔2024〕20号');
  const labelled = { ...plan, body: [...plan.body, { level: 0, text: '本通知为规范性文件，登记号WLDR〔2024〕3号。' }], text: `${plan.text}\n本通知为规范性文件，登记号WLDR〔2024〕3号。` };
  assert.equal(classifyNormative(labelled).normative, true);
  const routine = { ...doc('武隆府办发〔2021〕31号'), docNumber: '武隆府办〔2021〕31号', id: '武隆府办〔2021〕31号' };
  const j = classifyNormative(routine);
  assert.equal(j.normative, false);
  assert.match(j.reasons.join('；'), /常规文号系列/);
});

test('an 通告 that only informs is not normative; a 批复 never is', () => {
  const notice = { ...doc('武隆府发〔2024〕9号'), title: '重庆市武隆区人民政府关于区政务服务中心搬迁的通告', body: [{ level: 0, text: '区政务服务中心自2024年7月1日起在新址办公。' }], text: '区政务服务中心自2024年7月1日起在新址办公。' };
  assert.equal(classifyNormative(notice).normative, false);
  const reply = { ...doc('武隆府发〔2023〕5号'), kind: '批复' as const, title: '重庆市武隆区人民政府关于同意某镇调整规划的批复' };
  assert.deepEqual(classifyNormative(reply), { normative: false, reasons: ['文种为批复，不是对外设定规则的公文', '文号系列府发（规范性文件通常所在的系列）'] });
});
