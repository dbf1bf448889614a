/** Heading levels, run-in headings, dates, 文种 and attachment lists of one document. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentHeading, parseAttachmentNote } from '../src/ingest/attachments.js';
import { runInHeading, toBlock } from '../src/ingest/blocks.js';
import { headingMarker, isDateLine, kindOfTitle, parseChineseDate, publicityOf } from '../src/ingest/markers.js';
import { rebuildParagraphs } from '../src/ingest/paragraphs.js';
import { sampleLines } from './ingest-sample-lines.js';

describe('heading levels', () => {
  it('maps 一、（一）1．（1）① to 1–5 and leaves decimals alone', () => {
    const levels = ['一、禁火时间：每年', '（二）强化激励约束。', '1. 实施“城市安全数字赋能行动”建设。', '2．强化', '（1）切实', '①口蹄疫', '1.63 万亩、渝东南', '1.1 编制目的', '第一条 为了']
      .map((t) => headingMarker(t)?.level ?? 0);
    assert.deepEqual(levels, [1, 2, 3, 3, 4, 5, 0, 0, 0]);
  });

  it('takes the run-in heading of the 002_ 禁火令 items', () => {
    const lines = sampleLines('002', 82, 86).filter(Boolean);
    assert.deepEqual(lines.map((l) => toBlock(l).heading), ['禁火时间', '禁火范围', undefined]);
    assert.equal(toBlock(lines[0]!).level, 1);
    assert.equal(toBlock(lines[0]!).marker, '一、');
  });

  it('takes a heading line without punctuation and a bold phrase ending in 。', () => {
    assert.equal(runInHeading('2022年工作回顾'), '2022年工作回顾');
    const [p] = rebuildParagraphs(sampleLines('000', 2042, 2054));
    assert.deepEqual(toBlock(p!.text).heading, '强化组织领导');
    assert.equal(runInHeading('森林、林木、林地的经营单位和个人，在其经营范围内承担森林防火责任。'), undefined);
  });

  it('keeps the attachment number on blocks that belong to one', () => {
    assert.equal(toBlock('1 总则', 1).attachment, 1);
    assert.equal('attachment' in toBlock('1 总则'), false);
  });
});

describe('dates, 文种, publicity', () => {
  it('parses 成文日期 in Arabic and Chinese numerals', () => {
    assert.equal(parseChineseDate(sampleLines('002', 134, 134)[0]!), '2024-06-13');
    assert.equal(parseChineseDate('二〇二四年六月十三日'), '2024-06-13');
    assert.equal(parseChineseDate('二〇二三年十二月三十一日'), '2023-12-31');
    assert.equal(isDateLine(sampleLines('000', 34, 34)[0]!), true);
    assert.equal(isDateLine('——2023年1月31日在重庆市武隆区第十九届人民代表大会第三次会议上'), false);
    assert.equal(parseChineseDate('2023年13月1日'), null);
  });

  it('reads the 文种 from the end of a title and the publicity note', () => {
    assert.equal(kindOfTitle('重庆市武隆区人民政府 关于发布森林防火禁火令的通告'), '通告');
    assert.equal(kindOfTitle('重庆市武隆区人民政府关于废止区政府文件的决定'), '决定');
    assert.equal(kindOfTitle('重庆市武隆区人民政府工作报告'), '报告');
    assert.equal(kindOfTitle('武隆区突发重大动物疫情应急预案'), null);
    assert.equal(publicityOf('（此件公开发布）'), '此件公开发布');
    assert.equal(publicityOf('(此件依申请公开)'), '此件依申请公开');
  });
});

describe('attachments', () => {
  it('splits a numbered 附件 list given as （略） (000_ 电商产业提质增效)', () => {
    const [p] = rebuildParagraphs(sampleLines('000', 3708, 3718));
    assert.deepEqual(parseAttachmentNote(p!.text), [
      { number: 1, title: '电子商务产业提质增效重点项目表', omitted: true },
      { number: 2, title: '武隆区电商产业提质增效目标任务分解表', omitted: true },
      { number: 3, title: '武隆区电商产业提质增效工作目标任务分解表', omitted: true },
    ]);
  });

  it('reads a single unnumbered attachment and keeps numbers inside titles', () => {
    assert.deepEqual(parseAttachmentNote('附件：2021年政务公开工作要点任务分工责任落实人员回执表（略）'), [
      { number: 1, title: '2021年政务公开工作要点任务分工责任落实人员回执表', omitted: true },
    ]);
    assert.deepEqual(parseAttachmentNote('附件：1．武隆区2023年度民生实事目标任务2．2023年度第1批项目清单').map((a) => a.title), [
      '武隆区2023年度民生实事目标任务', '2023年度第1批项目清单',
    ]);
  });

  it('recognises 附件 headings and tells them from the 附件说明', () => {
    assert.deepEqual(attachmentHeading('附件2'), { number: 2 });
    assert.deepEqual(attachmentHeading('附件'), { number: 1 });
    assert.equal(attachmentHeading('附件：1. 电子商务产业提质增效重点项目表'), null);
  });
});

describe('decimal section numbers (预案)', () => {
  it('gives 1 总则 / 1.1 编制目的 / 1.5.1 … their depth as level (002_ 武隆府办发〔2024〕17号)', () => {
    const lines = ['1 总则', '1.1 编制目的', '1.5.1 Ⅰ级重大动物疫情', '1.63 万亩、渝东南生物多样性保护与生态'];
    const blocks = lines.map((l) => toBlock(l));
    assert.deepEqual(blocks.map((b) => [b.level, b.marker, b.heading]), [
      [1, '1', '总则'], [2, '1.1', '编制目的'], [3, '1.5.1', 'Ⅰ级重大动物疫情'], [0, undefined, undefined],
    ]);
    assert.equal(sampleLines('002', 174, 176).filter(Boolean).map((l) => toBlock(l).level).join(), '1,2');
  });
});

describe('chapters of an 办法 (003_ 武隆府发〔2023〕5号)', () => {
  it('gives 第一章 总则 level 1 and leaves 第一条 as text', () => {
    const [chapter, article] = sampleLines('003', 250, 252).filter(Boolean).map((l) => toBlock(l));
    assert.deepEqual([chapter!.level, chapter!.marker, chapter!.heading], [1, '第一章', '总则']);
    assert.equal(article!.level, 0);
  });
});
