/** Character repairs: stray spaces inside words and names, half-width punctuation blocks. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rebuildParagraphs } from '../src/ingest/paragraphs.js';
import { normalisePunctuation, normaliseRomanGrades, removeStraySpaces, repairText } from '../src/ingest/punctuation.js';
import { sampleLines } from './ingest-sample-lines.js';

describe('removeStraySpaces', () => {
  it('closes letter-spaced text (000_ 法 追 究 刑 事 责 任) once the column is rebuilt', () => {
    const [p] = rebuildParagraphs(sampleLines('000', 3725, 3729)).map((x) => removeStraySpaces(x.text));
    assert.equal(p, '定的行为，依法追究当事人责任。构成犯罪的，依法追究刑事责任。区公安局举报电话：110，77712037；区应急局举报电话：77712350。');
  });

  it('removes spaces between Chinese text and numbers (001_ 招引项目 7 个以上)', () => {
    const line = sampleLines('001', 5, 5)[0]!;
    assert.equal(line, '7 个以上，完成投资 22.2 亿元、增长 10%，');
    assert.equal(removeStraySpaces(line), '7个以上，完成投资22.2亿元、增长10%，');
  });

  it('joins letter-spaced names and keeps the space of 第一条 and of section numbers', () => {
    assert.equal(removeStraySpaces('刘 印—刘 壮'), '刘印—刘壮');
    assert.equal(removeStraySpaces('第一条 为了规范我区国有土地上房屋征收与补偿活动'), '第一条 为了规范我区国有土地上房屋征收与补偿活动');
    assert.equal(removeStraySpaces('1.1 编制目的'), '1.1 编制目的');
  });

  it('turns a wide column gap into one space instead of gluing two names', () => {
    assert.equal(removeStraySpaces('重庆市武隆区人民政府      重庆市武隆区应急管理局'), '重庆市武隆区人民政府 重庆市武隆区应急管理局');
  });
});

describe('normalisePunctuation', () => {
  it('turns the half-width block of 003_ into full-width punctuation', () => {
    const line = sampleLines('003', 953, 953)[0]!;
    const fixed = normalisePunctuation(line);
    assert.match(fixed, /^（二）全面排查（5月31日前）。各乡镇（街道）对辖区高层建筑开展新一轮排查，重点核查/);
    assert.doesNotMatch(fixed, /[,()]/);
    assert.match(fixed, /不低于10%、高层住宅建筑不低于5%。$/);
  });

  it('converts a bracketed lead-unit note but leaves numbers alone (600吨/日, 3,000, 18:00, PM2.5)', () => {
    const line = sampleLines('003', 714, 714)[0]!;
    assert.equal(normalisePunctuation(line), line.replace(/,/g, '，').replace('(', '（').replace(')', '）'));
    assert.equal(normalisePunctuation('补助3,000元，于18:00前报送，PM2.5浓度'), '补助3,000元，于18:00前报送，PM2.5浓度');
  });

  it('repairs a list number in half-width brackets, and a bracket cut by a line break', () => {
    assert.equal(repairText('(1) 切实履行政府网站监管责任'), '（1）切实履行政府网站监管责任');
    assert.equal(repairText('各乡镇（街道)、行业部门'), '各乡镇（街道）、行业部门');
  });
});

describe('normaliseRomanGrades', () => {
  it('prints grades one way (002_ 预案: Ⅰ级重大动物疫情 next to 4.3.2 II级应急响应)', () => {
    const line = sampleLines('002', 1, 1737).find((l) => /^4\.3\.2 II级应急响应/.test(l))!;
    assert.equal(normaliseRomanGrades(line), '4.3.2 Ⅱ级应急响应');
    assert.equal(normaliseRomanGrades('发生或可能发生IV级重大动物疫情时'), '发生或可能发生Ⅳ级重大动物疫情时');
    assert.equal(normaliseRomanGrades('VOCs治理，CIV级'), 'VOCs治理，CIV级');
  });
});

describe('repairText: lists of people', () => {
  it('closes a letter-spaced name and keeps one space before the post (000_ 组  长：左  军  区委副书记…)', () => {
    assert.equal(repairText(sampleLines('000', 3812, 3812)[0]!), '组长：左军 区委副书记、区政府区长');
    assert.equal(repairText(sampleLines('000', 3814, 3814)[0]!), '副组长：刘高永 区委常委、区政府常务副区长');
    assert.equal(repairText(sampleLines('004', 1322, 1322)[0]!), '站长：黄听 区政府副区长');
    assert.equal(repairText(sampleLines('003', 1383, 1383)[0]!), '陈念 区委宣传部副部长');
    assert.equal(repairText(sampleLines('003', 1415, 1415)[0]!), '谢腾蛟 中邮武隆区分公司副总经理');
  });

  it('keeps the speaker apart from the post on the report byline (000_ 重庆市武隆区人民政府区长  左军)', () => {
    assert.equal(repairText(sampleLines('000', 82, 82)[0]!), '重庆市武隆区人民政府区长 左军');
  });

  it('leaves articles, chapters, a name alone and prose with a space as they were', () => {
    assert.equal(repairText('第二章 征收决定'), '第二章 征收决定');
    assert.equal(repairText('牵头领导：刘 印'), '牵头领导：刘印');
    assert.equal(repairText('副区长李博 负责供销、机场建设和运营管理工作。'), '副区长李博负责供销、机场建设和运营管理工作。');
  });
});
