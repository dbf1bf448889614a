/** Citations: every 文号 and every 《title》, paired when 《title》 is followed by （文号）. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BodyBlock } from '../src/domain/types.js';
import { findCitations } from '../src/extract/citations.js';
import { buildDocument } from '../src/ingest/document.js';
import { sampleLines, sampleSource } from './ingest-sample-lines.js';

const block = (text: string): BodyBlock => ({ level: 0, text });

describe('findCitations', () => {
  it('pairs 《title》（文号） and keeps laws without 文号 (002_ 9号, items 七 and 九)', () => {
    const [qi] = sampleLines('002', 103, 103);
    const [jiu] = sampleLines('002', 127, 127);
    const cites = findCitations([block(qi!), block(jiu!)]);
    assert.deepEqual(cites.map((c) => [c.block, c.docNumber, c.title]), [
      [0, null, '森林防火条例'],
      [0, null, '中华人民共和国治安管理处罚法'],
      [1, '武隆府发〔2023〕18号', '重庆市武隆区人民政府关于发布森林防火禁火令的通告'],
    ]);
    assert.equal(cites[2]!.raw, '《重庆市武隆区人民政府关于发布森林防火禁火令的通告》（武隆府发〔2023〕18号）');
  });

  it('pairs across a 文号 cut by the column once paragraphs are rebuilt (发改运行\\n\\n〔2022〕1918号)', () => {
    const doc = buildDocument(sampleSource('000', [2660, 2720]));
    const c = doc.cites.find((x) => x.docNumber === '发改运行〔2022〕1918号');
    assert.ok(c);
    assert.equal(c.title, '关于全力做好2023年春运工作的意见');
    const inner = doc.cites.find((x) => x.docNumber === '联防联控机制春运发电〔2022〕2号');
    assert.match(inner!.title!, /关于印发<2023年综合运输春运疫情防控和运输服务保障总体工作方案>的通知$/);
  });

  it('finds a 文号 standing alone and does not count a paired one twice', () => {
    const cites = findCitations([block('根据渝府令〔2019〕329号和《重庆市行政规范性文件管理办法》（渝府令〔2019〕329号）规定')]);
    assert.deepEqual(cites.map((c) => [c.docNumber, c.title]), [
      ['渝府令〔2019〕329号', null],
      ['渝府令〔2019〕329号', '重庆市行政规范性文件管理办法'],
    ]);
  });

  it('skips short names the document defines for itself (以下简称《任务分工》)', () => {
    const doc = buildDocument(sampleSource('004', [699, 729]));
    assert.ok(doc.cites.every((c) => c.title !== '任务分工'));
    assert.deepEqual(doc.cites.filter((c) => c.docNumber).map((c) => c.docNumber), ['渝府办发〔2021〕50号', '武隆府办发〔2021〕20号']);
  });
});
