/**
 * interpretDocument on the 13 normative sample documents (the golden list of
 * test/extract-normative.test.ts): every item's quote stands verbatim in the paragraph it names,
 * at least four sections each, and the facts a reader needs are there. 新旧对比 on a pair built
 * from two editions of 武隆府发〔2024〕9号 (a figure changed, a clause dropped, a clause added).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OfficialDocument } from '../src/domain/types.js';
import { interpretDocument, type Interpretation } from '../src/extract/interpret.js';
import { classifyNormative } from '../src/extract/normative.js';
import { parseFile } from '../src/ingest/index.js';
import { Segmenter } from '../src/search/segment.js';
import { ALL_SAMPLES } from './helpers/samples.js';

const docs: OfficialDocument[] = [];
for (const f of ALL_SAMPLES) docs.push(...(await parseFile(f)).documents);
const normative = docs.filter((d) => classifyNormative(d).normative);
const seg = new Segmenter();
const cut = (t: string) => seg.cut(t);
const doc = (n: string) => docs.find((d) => d.docNumber === n)!;
const section = (r: Interpretation, name: string) => r.sections.find((s) => s.name === name)?.items ?? [];

test('the 13 normative documents each get at least four sections, every quote verbatim in its paragraph', () => {
  assert.equal(normative.length, 13);
  for (const d of normative) {
    const r = interpretDocument(d, { cut });
    assert.equal(r.docNumber, d.docNumber);
    assert.ok(r.sections.length >= 4, `${d.docNumber}: ${r.sections.map((s) => s.name).join('、')}`);
    for (const s of r.sections) {
      assert.ok(s.items.length > 0, `${d.docNumber} ${s.name} is empty (empty sections are omitted)`);
      for (const i of s.items) {
        assert.ok(i.quote.length > 0 && i.text.length > 0);
        const where = d.body[i.paragraph];
        assert.ok(where, `${d.docNumber} ${s.name}: paragraph ${i.paragraph} out of range`);
        // Table cells quote the table, which follows its block; body items quote their own block.
        const table = d.tables.some((t) => t.afterBlock === i.paragraph && t.rows.some((row) => row.some((c) => c.includes(i.quote))));
        assert.ok(where.text.includes(i.quote) || table, `${d.docNumber} ${s.name}: «${i.quote}» not in paragraph ${i.paragraph}`);
      }
    }
  }
});

test('出台背景 names the higher-level documents, 出台目的 the aims', () => {
  const mine = interpretDocument(doc('武隆府办发〔2024〕32号'));
  assert.deepEqual(section(mine, '出台背景').map((i) => i.text), [
    '贯彻落实《中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见》（厅字〔2023〕21号）',
    '贯彻落实《重庆市人民政府办公厅关于进一步加强矿山安全生产工作的实施意见》（渝府办发〔2024〕4号）',
  ]);
  assert.deepEqual(section(mine, '出台目的').map((i) => i.text), ['加强全区矿山安全生产工作', '推动矿山转型升级高质量发展']);
  const repeal = interpretDocument(doc('武隆府发〔2024〕13号'));
  // 《…进一步落实涉企政策…》 is the repealed document, not a basis.
  assert.deepEqual(section(repeal, '出台背景').map((i) => i.text), ['依据《重庆市行政规范性文件管理办法》（渝府令〔2019〕329号）']);
  assert.match(section(repeal, '核心举措')[0]!.text, /^废止《重庆市武隆区人民政府办公室关于进一步落实涉企政策促进实体经济平稳发展的意见》（武隆府办发〔2018〕106号）/);
});

test('核心举措 are condensed measures, not headings; 执行标准 carry figure and unit', () => {
  const fire = interpretDocument(doc('武隆府发〔2024〕9号'), { cut });
  const measures = section(fire, '核心举措');
  assert.ok(measures.every((m) => !/^[一二三四五六七八九十]+、/.test(m.text)), 'no heading numbers');
  assert.ok(measures.some((m) => m.text === '禁火范围：全区所有林地及距林地边缘100米范围内'));
  assert.ok(!measures.some((m) => /自发布之日起执行/.test(m.text)), 'the entry into force is a standard, not a measure');
  const std = section(fire, '执行标准');
  assert.deepEqual(std[0]!.figure, { value: '2024-06-13', unit: '日', kind: '施行日期' });
  assert.ok(std.some((s) => s.figure?.kind === '时段' && s.figure.value === '1月1日至5月10日'));
  assert.ok(std.some((s) => s.figure?.kind === '金额' && s.figure.value === '10000' && s.figure.unit === '元' && /对单位并处/.test(s.quote)));
  const mines = section(interpretDocument(doc('武隆府办发〔2024〕32号')), '执行标准');
  assert.ok(mines.some((s) => s.figure?.unit === '个月内' || (s.figure?.value === '3' && s.figure.unit === '个月')), '3个月 is a period, not 3个');
  assert.ok(mines.some((s) => s.figure?.value === '15' && s.figure.unit === '个工作日'));
  const comp = section(interpretDocument(doc('武隆府办发〔2023〕8号')), '执行标准');
  assert.ok(comp.some((s) => s.figure?.kind === '比例' && s.figure.value === '6' && /停产停业损失/.test(s.text)), 'table cells are read');
});

test('关键词 come from the segmentation without generic words; 专业名词 from definitions and coined terms', () => {
  const house = interpretDocument(doc('武隆府发〔2023〕5号'), { cut });
  const kw = section(house, '关键词').map((i) => i.text.replace(/（.*/, ''));
  assert.ok(kw.includes('征收') && kw.includes('补偿'), kw.join(' '));
  assert.ok(!kw.some((w) => ['武隆区', '工作', '进一步', '关于'].includes(w)));
  const terms = section(house, '专业名词').map((i) => i.text);
  assert.ok(terms.includes('被征收人：被征收房屋所有权人的简称'), terms.join(' | '));
  assert.ok(terms.some((t) => t.startsWith('价值补偿：按《重庆市国有土地上房屋征收与补偿条例实施细则》')));
  assert.equal(section(interpretDocument(doc('武隆府发〔2024〕9号')), '关键词').length, 0, 'no segmenter, no 关键词 section');
});

/** The 2023 edition as it might have read: 50米 where 2024 says 100米, one more clause, one fewer. */
function olderEdition(d: OfficialDocument): OfficialDocument {
  const body = d.body
    .filter((b) => !b.text.includes('拉电网等方式驱赶野兽'))
    .map((b) => ({ ...b, text: b.text.replace('距林地边缘100米范围内', '距林地边缘50米范围内') }));
  body.splice(12, 0, { level: 0, text: '- 在林区内使用明火熬制沥青等作业。' });
  const text = body.map((b) => b.text).join('\n');
  return { ...d, id: '武隆府发〔2023〕18号', docNumber: '武隆府发〔2023〕18号', body, text, originalText: text };
}

test('新旧文件差异对比: changed figures, added and removed clauses, each quoted from its own edition', () => {
  const now = doc('武隆府发〔2024〕9号');
  const old = olderEdition(now);
  const r = interpretDocument(now, { previous: old });
  const diff = section(r, '新旧文件差异对比');
  const changed = diff.filter((i) => i.change === 'changed');
  assert.ok(changed.some((i) => i.text.startsWith('修改（50→100）：禁火范围：全区所有林地及距林地边缘100米范围内')), changed.map((i) => i.text).join('\n'));
  const added = diff.filter((i) => i.change === 'added');
  assert.deepEqual(added.map((i) => i.quote), ['- 在林区及林地边缘100米范围内采取生火、点灯、拉电网等方式驱赶野兽；']);
  const removed = diff.filter((i) => i.change === 'removed');
  assert.deepEqual(removed.map((i) => [i.quote, i.docNumber]), [['- 在林区内使用明火熬制沥青等作业。', '武隆府发〔2023〕18号']]);
  for (const i of diff) {
    const source = i.change === 'removed' ? old : now;
    assert.ok(source.body[i.paragraph]!.text.includes(i.quote), i.quote);
  }
  // Everything else (the 九、 clause naming the predecessor aside) is the same clause: no item.
  assert.ok(diff.length <= 8, diff.map((i) => i.text).join('\n'));
  assert.equal(section(interpretDocument(now), '新旧文件差异对比').length, 0, 'no predecessor, no section');
});
