/** Validity clauses on real sentences from samples/wulong (and the forms the primer lists). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BodyBlock } from '../src/domain/types.js';
import { findValidity } from '../src/extract/validity.js';

const blocks = (...texts: string[]): BodyBlock[] => texts.map((text) => ({ level: 0, text }));
const doc = (title: string, signedOn: string | null, ...texts: string[]) => ({ title, signedOn, body: blocks(...texts) });

test('自印发之日起实施 takes effect on the 成文日期 (002_ 武隆府办发〔2024〕 非煤矿山 方案)', () => {
  const v = findValidity(doc('关于印发武隆区非煤矿山安全生产实施方案的通知', '2024-07-01', '（一）其他', '本方案自印发之日起实施。原《重庆市武隆区人民政府办公室关于印发武隆区加强非煤矿山安全生产工作实施方案的通知》（武隆府办发〔2022〕76号）同时废止。'));
  assert.equal(v?.trigger, 'issued');
  assert.equal(v?.effectiveFrom, '2024-07-01');
  assert.equal(v?.expiresOn, null);
  assert.equal(v?.block, 1);
  assert.equal(v?.quote, '本方案自印发之日起实施。');
});

test('自发布之日起执行 with a heading number, and a 施行 broken by a narrow column (000_)', () => {
  const a = findValidity(doc('关于发布森林防火禁火令的通告', '2024-06-13', '十、本通告自发布之日起执行。'));
  assert.equal(a?.trigger, 'published');
  assert.equal(a?.effectiveFrom, '2024-06-13');
  assert.equal(a?.quote, '本通告自发布之日起执行。');
  const b = findValidity(doc('关于加强燃放烟花爆竹管理的通告', '2023-01-08', '五、本通告自发布之日起施\n\n行，原《重庆市武\n\n隆区人民政府关于加强燃放烟花爆竹管理的通告》'));
  assert.equal(b?.effectiveFrom, '2023-01-08');
});

test('第六十条 本实施办法自印发之日起施行 (003_) drops the article number from the quote', () => {
  const v = findValidity(doc('关于印发武隆区国有土地上房屋征收与补偿实施办法的通知', '2023-03-20', '第六十条 本实施办法自印发之日起施行。本实施办法实施前已发布征收决定并公告的项目，继续沿用原有的实施细则办理。'));
  assert.equal(v?.effectiveFrom, '2023-03-20');
  assert.equal(v?.quote, '本实施办法自印发之日起施行。');
});

test('deadlines and periods inside the text are not validity clauses (003_, 002_, 004_)', () => {
  const lookAlikes = [
    '第五十四条 被征收人或者房屋征收部门对评估结果有异议的，应当自收到评估报告之日起10日内，以书面方式向出具评估报告的评估机构申请复核评估。',
    '第十五条 房屋征收项目和征收范围确定后，自公布之日起，除经依法批准的危房解危改造外，任何组织或者个人不得在征收范围内实施下列行为：',
    '管道企业应将其应急预案在公布之日起20个工作日内，按照分级原则，向市能源局、区发展改革委备案。',
    '第七条 在获奖有效期内，被有关部门和单位（机构）撤销本办法所列奖项的获奖企业、行业协会或其他机构，按照有关规定撤销其相应奖励并收回奖金。',
    '过渡期限延长的，自逾期之日起每月按照房屋评估价值的5%加付停产停业损失补偿费。',
  ];
  for (const s of lookAlikes) assert.equal(findValidity(doc('关于印发某办法的通知', '2023-01-01', s)), null, s);
});

test('自YYYY年M月D日起施行 and 有效期N年: the last day in force is the day before the anniversary', () => {
  const v = findValidity(doc('关于印发某办法的通知', '2023-12-20', '本办法自2024年1月1日起施行，有效期5年。'));
  assert.equal(v?.trigger, 'date');
  assert.equal(v?.effectiveFrom, '2024-01-01');
  assert.equal(v?.expiresOn, '2028-12-31');
  const cn = findValidity(doc('关于印发某办法的通知', '2021-05-25', '本办法自印发之日起施行，有效期三年。'));
  assert.equal(cn?.expiresOn, '2024-05-24');
});

test('有效期至YYYY年M月D日 and a date broken across lines', () => {
  const v = findValidity(doc('关于某事项的通知', '2022-03-01', '本通知自印发之日起施行，有效期至2023年12月\n\n31日。'));
  assert.equal(v?.expiresOn, '2023-12-31');
  assert.equal(v?.effectiveFrom, '2022-03-01');
});

test('试行 and 暂行 mark a provisional instrument, from the title or the clause', () => {
  assert.equal(findValidity(doc('关于印发武隆区投资项目行政审批绿色通道实施办法（试行）的通知', '2014-03-01', '本办法自印发之日起施行。'))?.provisional, true);
  assert.equal(findValidity(doc('关于印发某管理暂行办法的通知', '2018-01-01'))?.provisional, true);
  const t = findValidity(doc('关于印发某办法的通知', '2020-01-01', '本办法自印发之日起试行，试行期2年。'));
  assert.equal(t?.provisional, true);
  assert.equal(t?.expiresOn, '2021-12-31');
  assert.equal(findValidity(doc('关于印发某办法的通知', '2020-01-01', '本办法自印发之日起施行。'))?.provisional, false);
});

test('a working group that 工作完成后自动撤销 (003_ 经济普查领导小组)', () => {
  const v = findValidity(doc('关于成立武隆区第五次全国经济普查领导小组的通知', '2023-04-01', '（三）领导小组不作为区政府议事协调机构，我区第五次经济普查工作完成后自动撤销。'));
  assert.equal(v?.dissolvesWhen, '我区第五次经济普查工作完成后自动撤销');
  assert.equal(v?.trigger, null);
  assert.equal(v?.expiresOn, null);
});

test('a document with no clause at all has no validity', () => {
  assert.equal(findValidity(doc('关于某事项的通知', '2021-05-07', '《“十四五”全区地方志工作重点目标任务》已经区政府同意，现印发给你们，请认真贯彻执行。')), null);
});

test('each kind of clause is found in a block of its own, whatever the other blocks hold (blocks are skipped unsplit when they hold none of the clauses\' words)', () => {
  const cases: Array<[string, (v: ReturnType<typeof findValidity>) => unknown, unknown]> = [
    ['本办法有效期至2025年12月31日。', (v) => v?.expiresOn, '2025-12-31'],
    ['本办法有效期5年。', (v) => v?.expiresOn, '2028-06-30'],
    ['本办法试行期为2年。', (v) => v?.expiresOn, '2025-06-30'],
    ['领导小组在工作任务完成后自动撤销。', (v) => v?.dissolvesWhen !== null, true],
    ['本办法自2023年8月1日起施行。', (v) => v?.effectiveFrom, '2023-08-01'],
    ['本办法自印发之日起施行。', (v) => v?.trigger, 'issued'],
  ];
  for (const [clause, read, expected] of cases) {
    const v = findValidity(doc('关于印发某某管理办法的通知', '2023-07-01', '一、总则', '各单位要高度重视，认真抓好落实。', clause, '附件：1.有关名单'));
    assert.equal(read(v), expected, clause);
    assert.equal(v?.block, 2, clause);
  }
});
