/** Work-report targets (指标, value, unit, year) and promise-versus-outcome, on the real samples. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { OfficialDocument } from '../src/domain/types.js';
import { indicatorKey } from '../src/extract/indicators.js';
import { compareAcrossYears, extractTargets, judge, reportYearOf, type Target } from '../src/extract/targets.js';
import { parseFile } from '../src/ingest/index.js';
import { ALL_SAMPLES, sample } from './helpers/samples.js';

/** [indicator, measure, value, unit, qualifier] */
type Row = [string, Target['measure'], number, string, Target['qualifier']];
const row = (t: Target): Row => [t.indicator, t.measure, t.value, t.unit, t.qualifier];
const rows = (ts: Target[]) => ts.map(row);

/** A synthetic one-paragraph work report: 二、2023年重点工作 followed by `plans`, 一、2022年工作回顾 by `review`. */
function report(review: string[], plans: string[]): OfficialDocument {
  const body = [
    { level: 1, marker: '一、', heading: '2022年工作回顾', text: '一、2022年工作回顾' },
    ...review.map((text) => ({ level: 0, text })),
    { level: 1, marker: '二、', heading: '2023年重点工作', text: '二、2023年重点工作' },
    ...plans.map((text) => ({ level: 0, text })),
  ];
  return {
    id: 'doc-test', docNumber: null, title: '某区政府工作报告', issuer: null, kind: '报告', addressees: null,
    signedOn: null, publicity: null, attachments: [], body, tables: [], cites: [], warnings: [],
    text: body.map((b) => b.text).join('\n'), originalText: '',
  };
}
const plans = (...s: string[]) => extractTargets(report([], s));
const review = (...s: string[]) => extractTargets(report(s, []));

describe('targets in the 2023 report (000, 武隆府发〔2023〕1号)', () => {
  let all: Target[];
  before(async () => {
    const doc = (await parseFile(sample('000'))).documents.find((d) => d.docNumber === '武隆府发〔2023〕1号')!;
    assert.equal(reportYearOf(doc), 2023);
    all = extractTargets(doc);
  });

  it('reads every headline target of 预期目标是… as a 2023 promise, exactly', () => {
    const block = all.find((t) => t.indicator === '地区生产总值' && t.kind === 'promise')!.block;
    const headline = all.filter((t) => t.block === block);
    assert.ok(headline.every((t) => t.kind === 'promise' && t.year === 2023 && t.docNumber === '武隆府发〔2023〕1号'));
    assert.deepEqual(rows(headline), [
      ['地区生产总值', 'growth', 6, '%', null],
      ['工业增加值', 'growth', 7, '%', null],
      ['固定资产投资', 'growth', 10, '%', null],
      ['社会消费品零售总额', 'growth', 6, '%', null],
      ['一般公共预算收入', 'growth', 10, '%', null],
      ['旅游产业增加值', 'growth', 8, '%', null],
      ['全体居民人均可支配收入', 'growth', 9, '%', null],
      ['城镇新增就业', 'count', 3000, '人', null],
      ['常住人口城镇化率', 'share', 52, '%', '左右'],
      ['居民消费价格涨幅', 'growth', 3, '%', '以内'],
    ]);
    assert.equal(headline[2]!.quote, '工业增加值、固定资产投资、社会消费品零售总额、一般公共预算收入分别增长7%、10%、6%、10%');
  });

  it('reads the 2022 outcomes of the review’s first paragraph, exactly', () => {
    const first = all.filter((t) => t.block === 4);
    assert.ok(first.every((t) => t.kind === 'outcome' && t.year === 2022));
    assert.deepEqual(rows(first), [
      ['地区生产总值', 'level', 265.94, '亿元', null],
      ['地区生产总值', 'growth', 2.5, '%', null],
      ['工业增加值', 'growth', 1.2, '%', null],
      ['固定资产投资', 'growth', 11.7, '%', null],
      ['一般公共预算收入', 'growth', 28.8, '%', null],
      ['社会消费品零售总额', 'growth', 1, '%', null],
      ['全体居民人均可支配收入', 'growth', 10, '%', null],
      ['居民消费价格指数涨幅', 'growth', 3, '%', '以内'],
      ['城镇登记失业率', 'share', 3, '%', '以内'],
    ]);
  });

  it('reads sector outcomes with 均 and 其中, and marks estimates', () => {
    const find = (ind: string, m: Target['measure']) => all.filter((t) => t.indicator === ind && t.measure === m && t.kind === 'outcome').map(row);
    assert.deepEqual(find('接待游客', 'level'), [['接待游客', 'level', 4252, '万人次', null]]);
    assert.deepEqual(find('接待游客', 'growth'), [['接待游客', 'growth', 10, '%', '以上']]);
    assert.deepEqual(find('综合收入', 'growth'), [['综合收入', 'growth', 10, '%', '以上']]);
    assert.deepEqual(find('页岩气产值', 'growth'), [['页岩气产值', 'growth', 58.5, '%', null]]);
    assert.deepEqual(find('新增城镇就业', 'count'), [['新增城镇就业', 'count', 5806, '人', null]]);
    assert.deepEqual(find('常住人口城镇化率', 'share'), [['常住人口城镇化率', 'share', 50.49, '%', null]]);
    const rd = all.find((t) => t.indicator === '全社会研发经费投入')!;
    assert.equal(rd.estimated, true);
    assert.equal(all.filter((t) => t.estimated).length, 1);
  });

  it('keeps 工业增加值 and 规上工业增加值 apart: the report promises both', () => {
    const p = (ind: string) => all.filter((t) => t.indicator === ind && t.kind === 'promise').map((t) => t.value);
    assert.deepEqual(p('工业增加值'), [7]);
    assert.deepEqual(p('规上工业增加值'), [5.5]);
    assert.notEqual(indicatorKey('工业增加值'), indicatorKey('规上工业增加值'));
  });

  it('reads nothing from the running title lines, the 不及预期 paragraph or lists that do not name quantities', () => {
    assert.ok(!all.some((t) => [6, 7, 8, 19, 24].includes(t.block)));
    // 限上住宿、餐饮、零售营业额分别增长…: 住宿 and 餐饮 are not printed as indicators
    const unnamed = ['限上住宿', '餐饮', '零售营业额', '科技型', '高新技术', '刑事案件发案数', '110涉治安警情', '城乡养老保险', '医疗保险参保率'];
    assert.ok(!all.some((t) => unnamed.includes(t.indicator)));
    assert.ok(!all.some((t) => /住宿|参保率|发案数/.test(t.quote)));
    // 扣除留抵退税因素后增长9.5%: a circumstance, not an indicator
    assert.ok(!all.some((t) => t.value === 9.5));
  });

  it('counts', () => {
    assert.equal(all.filter((t) => t.kind === 'outcome').length, 77);
    assert.equal(all.filter((t) => t.kind === 'promise').length, 99);
    assert.ok(all.every((t) => (t.kind === 'outcome' ? t.year === 2022 : t.year === 2023)));
  });
});

describe('targets in the 2024 report fragment (001)', () => {
  let doc: OfficialDocument;
  let all: Target[];
  before(async () => {
    doc = (await parseFile(sample('001'))).documents[0]!;
    all = extractTargets(doc, { reportYear: 2024 });
  });

  it('prints no year: its sidecar declares 2024; without one nothing is read', () => {
    const bare = { ...doc, declaredYear: undefined };
    assert.equal(reportYearOf(bare), null);
    assert.deepEqual(extractTargets(bare), []);
    assert.equal(reportYearOf(doc), 2024);
    assert.deepEqual(extractTargets(doc), all);
  });

  it('reads the plans before 三、全面加强政府自身建设 as 2024 promises', () => {
    assert.equal(all.length, 87);
    assert.ok(all.every((t) => t.kind === 'promise' && t.year === 2024 && t.documentId === doc.id));
    const got = (ind: string) => all.filter((t) => t.indicator === ind).map(row);
    const expected: Row[] = [
      ['招引项目', 'count', 7, '个', '以上'],
      ['新增规上工业企业', 'count', 7, '家', null],
      ['规上工业增加值', 'growth', 6.5, '%', null],
      ['技改投资', 'growth', 15, '%', '以上'],
      ['数字经济增加值', 'growth', 5, '%', null],
      ['服务业增加值', 'growth', 5.3, '%', '以上'],
      ['城建投资', 'level', 35, '亿元', null],
      ['粮食播种面积', 'level', 73.3, '万亩', null],
      ['生猪出栏量', 'level', 52, '万头', '以上'],
      ['农村卫生厕所普及率', 'share', 89, '%', '以上'],
      ['农产品品牌价值', 'growth', 10, '%', '以上'],
      ['技术合同成交额', 'growth', 50, '%', '以上'],
      ['全社会R&D投入', 'growth', 20, '%', '以上'],
      ['引进青年人才', 'count', 480, '人', '以上'],
      ['国企营收', 'growth', 10, '%', '以上'],
      ['空气质量优良天数', 'level', 350, '天', '以上'],
      ['城镇调查失业率', 'share', 5.5, '%', '左右'],
      ['居民健康素养水平', 'share', 30, '%', null],
      ['民营经济增加值', 'growth', 6.5, '%', null],
      ['绿色建筑占新增建筑面积', 'share', 70, '%', '以上'],
    ];
    for (const r of expected) assert.deepEqual(got(r[0]), [r], r[0]);
    assert.deepEqual(got('城镇新增就业'), [['城镇新增就业', 'count', 3000, '人', '以上']]);
    assert.deepEqual(got('进出口总额'), [['进出口总额', 'level', 9200, '万元', null], ['进出口总额', 'growth', 10, '%', '以上']]);
  });

  it('parses figures printed with inner spaces (完成投资 22.2 亿元、增长 10%) and scopes generic 投资 by its paragraph', () => {
    const inv = all.filter((t) => t.indicator === '投资');
    assert.deepEqual(rows(inv), [['投资', 'level', 22.2, '亿元', null], ['投资', 'growth', 10, '%', null]]);
    assert.ok(inv.every((t) => t.indicatorKey === '投资｜推动生态工业延链强链' && t.topic === '推动生态工业延链强链'));
    // 产量 of grain and of vegetables never share a key
    const out = all.filter((t) => t.indicator === '产量').map((t) => [t.value, t.indicatorKey]);
    assert.deepEqual(out, [[19.5, '产量｜粮食播种面积'], [73, '产量｜蔬菜种植面积']]);
  });

  it('emits nothing where 分别 pairs N indicators with another number of values', () => {
    // 金融机构存贷款余额分别增长8%、10%以上: one indicator, two values
    assert.ok(!all.some((t) => t.quote.includes('存贷款余额')));
    // 企业减亏、扭亏户数分别达26户、4户以上: 企业减亏 names no quantity
    assert.ok(!all.some((t) => t.quote.includes('扭亏')));
  });

  it('never reads figures inside noun phrases, ranges or ratios', () => {
    assert.ok(!all.some((t) => [10, 20].includes(t.value) && /万套|万只/.test(t.unit)));
    assert.ok(!all.some((t) => t.quote.includes('2.35')));
    assert.ok(!all.some((t) => t.quote.includes('基点')));
  });
});

describe('no targets in the other documents', () => {
  it('000/002/003/004: only 武隆府发〔2023〕1号 carries a work report', async () => {
    for (const file of ALL_SAMPLES) {
      const r = await parseFile(file);
      for (const d of r.documents) {
        const n = extractTargets(d, { reportYear: 2023 }).length;
        if (d.docNumber === '武隆府发〔2023〕1号' || file === sample('001')) assert.ok(n > 0, d.id);
        else assert.equal(n, 0, `${d.id} ${d.title}`);
      }
    }
  });
});

describe('the grammar, on synthetic sentences', () => {
  it('growth, decline, points, share, level, count', () => {
    assert.deepEqual(rows(plans('地区生产总值增长6.5%。')), [['地区生产总值', 'growth', 6.5, '%', null]]);
    assert.deepEqual(rows(plans('单位地区生产总值能耗下降3%。')), [['单位地区生产总值能耗', 'decline', 3, '%', null]]);
    assert.deepEqual(rows(plans('农民财产性收入占比提高0.5个百分点。')), [['农民财产性收入占比', 'points', 0.5, '个百分点', null]]);
    assert.deepEqual(rows(plans('森林覆盖率达到65%。')), [['森林覆盖率', 'share', 65, '%', null]]);
    assert.deepEqual(rows(plans('实现电商交易额70亿元以上。')), [['电商交易额', 'level', 70, '亿元', '以上']]);
    assert.deepEqual(rows(plans('新增规上工业企业7家。')), [['新增规上工业企业', 'count', 7, '家', null]]);
  });

  it('qualifiers: 以上 左右 以内 以下, and 控制在/突破 without one', () => {
    assert.deepEqual(rows(plans('空气质量优良率97%以上，城镇化率52%左右，居民消费价格涨幅3%以内，单位能耗增速2%以下。')), [
      ['空气质量优良率', 'share', 97, '%', '以上'],
      ['城镇化率', 'share', 52, '%', '左右'],
      ['居民消费价格涨幅', 'growth', 3, '%', '以内'],
      ['单位能耗增速', 'growth', 2, '%', '以下'],
    ]);
    assert.deepEqual(rows(plans('城镇登记失业率控制在4%，农产品加工业产值突破15亿元。')), [
      ['城镇登记失业率', 'share', 4, '%', '以内'],
      ['农产品加工业产值', 'level', 15, '亿元', '以上'],
    ]);
  });

  it('分别: N indicators ↔ N values in order, else nothing', () => {
    assert.deepEqual(rows(plans('工业增加值、固定资产投资分别增长7%、10%。')), [
      ['工业增加值', 'growth', 7, '%', null],
      ['固定资产投资', 'growth', 10, '%', null],
    ]);
    assert.deepEqual(plans('工业增加值、固定资产投资、进出口总额分别增长7%、10%。'), []);
    assert.deepEqual(plans('工业增加值、固定资产投资分别增长7%、10%、6%。'), []);
    assert.deepEqual(plans('金融机构存贷款余额分别增长8%、10%以上。'), []);
  });

  it('均: one value for every listed indicator, also when they were named in the clause before', () => {
    assert.deepEqual(rows(plans('办结率、满意率均达100%。')), [['办结率', 'share', 100, '%', null], ['满意率', 'share', 100, '%', null]]);
    assert.deepEqual(rows(review('接待游客4252万人次、综合收入207亿元，均增长10%以上。')).slice(2), [
      ['接待游客', 'growth', 10, '%', '以上'],
      ['综合收入', 'growth', 10, '%', '以上'],
    ]);
    assert.deepEqual(plans('亩均税收提高5%。').map((t) => t.indicator), ['亩均税收']); // 亩均 is no 均
  });

  it('numbers with spaces and full-width digits parse; quotes stay verbatim', () => {
    const [t] = plans('完成城建投资 ３５ 亿元。');
    assert.deepEqual(row(t!), ['城建投资', 'level', 35, '亿元', null]);
    assert.equal(t!.quote, '完成城建投资 ３５ 亿元');
  });

  it('trims leading verbs and 其中, and inherits the indicator for 、增长…', () => {
    assert.deepEqual(rows(review('实现地区生产总值265.94亿元、增长2.5%，其中页岩气产值3.61亿元，增长58.5%。')), [
      ['地区生产总值', 'level', 265.94, '亿元', null],
      ['地区生产总值', 'growth', 2.5, '%', null],
      ['页岩气产值', 'level', 3.61, '亿元', null],
      ['页岩气产值', 'growth', 58.5, '%', null],
    ]);
  });

  it('does not invent indicators from qualitative text, ranges or figures inside noun phrases', () => {
    assert.deepEqual(plans('建成投产年产10万套新能源汽车高压线束等5个项目。'), []);
    assert.deepEqual(plans('引进大型企业1—2家。'), []);
    assert.deepEqual(plans('城乡居民收入比缩小到2.35：1。'), []);
    assert.deepEqual(plans('已开工4个，启动治理5个，获授权30件。'), []);
    assert.deepEqual(plans('其中区级牵头的18个市级项目完成投资21.5亿元。'), []);
    assert.deepEqual(plans('坚持稳中求进工作总基调，推动高质量发展。'), []);
  });

  it('section decides promise/outcome and year; figures for other periods are skipped', () => {
    const [o] = review('新增城镇就业5806人。');
    assert.deepEqual([o!.kind, o!.year], ['outcome', 2022]);
    const [p] = plans('城镇新增就业3000人。');
    assert.deepEqual([p!.kind, p!.year], ['promise', 2023]);
    assert.deepEqual(plans('到2025年，森林覆盖率达到66%。'), []);
    assert.deepEqual(plans('“十四五”期间累计完成投资500亿元。'), []);
  });
});

describe('indicatorKey', () => {
  it('joins spellings of one indicator, conservatively', () => {
    assert.equal(indicatorKey('规模以上工业增加值'), indicatorKey('规上工业增加值'));
    assert.equal(indicatorKey('社会消费品零售总额'), indicatorKey('社零总额'));
    assert.equal(indicatorKey('全区地区生产总值'), indicatorKey('地区生产总值'));
    assert.equal(indicatorKey('全年城镇新增就业'), indicatorKey('新增城镇就业'));
    assert.equal(indicatorKey('我区ＧＤＰ'), indicatorKey('地区生产总值'));
    assert.equal(indicatorKey('居民消费价格指数涨幅'), indicatorKey('居民消费价格涨幅'));
    assert.equal(indicatorKey('“专精特新”企业'), indicatorKey('专精特新企业'));
    assert.notEqual(indicatorKey('工业增加值'), indicatorKey('规上工业增加值'));
    assert.notEqual(indicatorKey('绿色建筑占新增建筑面积'), indicatorKey('新增绿色建筑占建筑面积'));
  });
});

describe('compareAcrossYears', () => {
  it('on the samples: 2022 outcomes and 2023/2024 promises, no verdict without both sides', async () => {
    const r0 = (await parseFile(sample('000'))).documents.find((d) => d.docNumber === '武隆府发〔2023〕1号')!;
    const r1 = (await parseFile(sample('001'))).documents[0]!;
    const lines = compareAcrossYears([...extractTargets(r0), ...extractTargets(r1, { reportYear: 2024 })]);
    const line = (k: string) => lines.find((l) => l.indicatorKey === k)!;
    const summary = (k: string) =>
      line(k).years.map((y) => [y.year, y.outcomes.map((t) => `${t.measure} ${t.value}${t.unit}`), y.promises.map((t) => `${t.measure} ${t.value}${t.unit}`), y.verdict]);
    assert.deepEqual(summary('地区生产总值'), [
      [2022, ['level 265.94亿元', 'growth 2.5%'], [], null],
      [2023, [], ['growth 6%'], null],
    ]);
    assert.deepEqual(summary('规上工业增加值'), [
      [2023, [], ['growth 5.5%'], null],
      [2024, [], ['growth 6.5%'], null],
    ]);
    assert.deepEqual(summary('新增城镇就业'), [
      [2022, ['count 5806人'], [], null],
      [2023, [], ['count 3000人'], null],
      [2024, [], ['count 3000人'], null],
    ]);
    assert.equal(line('社零总额').indicator, '社会消费品零售总额');
    assert.ok(lines.every((l) => l.years.every((y) => y.verdict === null)));
    assert.ok(lines.every((l, i) => i === 0 || lines[i - 1]!.indicatorKey < l.indicatorKey));
  });

  it('verdicts: met/missed only for the same measure and unit', () => {
    const t = (kind: Target['kind'], value: number, q: Target['qualifier'] = null, measure: Target['measure'] = 'growth', unit = '%'): Target => ({
      documentId: 'd', docNumber: null, indicator: '地区生产总值', indicatorKey: '地区生产总值', kind, year: 2023,
      measure, value, unit, qualifier: q, quote: '', block: 0,
    });
    const verdict = (...ts: Target[]) => compareAcrossYears(ts)[0]!.years[0]!.verdict;
    assert.equal(verdict(t('promise', 6), t('outcome', 6.1)), 'met');
    assert.equal(verdict(t('promise', 6), t('outcome', 5.9)), 'missed');
    assert.equal(verdict(t('promise', 6, '以上'), t('outcome', 6)), 'met');
    assert.equal(verdict(t('promise', 3, '以内'), t('outcome', 2.8)), 'met');
    assert.equal(verdict(t('promise', 3, '以内'), t('outcome', 3.2)), 'missed');
    assert.equal(verdict(t('promise', 52, '左右', 'share'), t('outcome', 51.6, null, 'share')), 'met');
    assert.equal(verdict(t('promise', 52, '左右', 'share'), t('outcome', 51.4, null, 'share')), 'missed');
    assert.equal(verdict(t('promise', 950, '左右', 'level', '元'), t('outcome', 950, null, 'level', '元')), 'unknown');
    assert.equal(verdict(t('promise', 10, '以上'), t('outcome', 8, '以上')), 'unknown');
    assert.equal(verdict(t('promise', 6), t('outcome', 265.94, null, 'level', '亿元')), 'unknown');
    assert.equal(verdict(t('promise', 6)), null);
    assert.equal(verdict(t('outcome', 6)), null);
    assert.equal(judge(t('promise', 6), t('outcome', 6, null, 'growth', '个百分点')), null);
  });
});
