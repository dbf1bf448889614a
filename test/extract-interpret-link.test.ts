/** Recognising a 政策解读 text by its title and linking it to the held documents it explains. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkInterpretation, readInterpretationText } from '../src/extract/interpret-link.js';

const DOCS = [
  { id: '武隆府发〔2023〕5号', docNumber: '武隆府发〔2023〕5号', title: '重庆市武隆区人民政府关于印发重庆市武隆区国有土地上房屋征收与补偿实施办法的通知' },
  { id: '武隆府发〔2024〕9号', docNumber: '武隆府发〔2024〕9号', title: '重庆市武隆区人民政府关于发布森林防火禁火令的通告' },
  { id: 'doc-abc', docNumber: null, title: '重庆市武隆区人民政府关于加强燃放烟花爆竹管理的通告' },
];

test('titles that make a text a 解读, and ones that do not', () => {
  for (const t of ['《重庆市武隆区国有土地上房屋征收与补偿实施办法》政策解读', '关于《森林防火禁火令》的解读', '解读《关于发布森林防火禁火令的通告》', '武隆区禁火令政策解读', '\uFEFF\n\n《禁火令》解读材料']) {
    assert.ok(readInterpretationText(`${t}\n正文。`), t);
  }
  for (const t of ['重庆市武隆区人民政府公报', '关于发布森林防火禁火令的通告', '', '解读']) assert.equal(readInterpretationText(`${t}\n正文。`), null, t);
  assert.deepEqual(readInterpretationText('《禁火令》政策解读\n\n一、背景\n二、内容\n'), { title: '《禁火令》政策解读', body: '一、背景\n二、内容' });
});

test('linked by the 文号 it names (any bracket), or by the 《title》 of its heading (印发《X》的通知 explains X)', () => {
  const byNumber = readInterpretationText('武隆区禁火令政策解读\n本通告（武隆府发[2024]9号）规定了禁火期。')!;
  assert.deepEqual(linkInterpretation(byNumber, DOCS), ['武隆府发〔2024〕9号']);
  const issued = readInterpretationText('《重庆市武隆区国有土地上房屋征收与补偿实施办法》政策解读\n……')!;
  assert.deepEqual(linkInterpretation(issued, DOCS), ['武隆府发〔2023〕5号']);
  const full = readInterpretationText('解读《重庆市武隆区人民政府关于加强燃放烟花爆竹管理的通告》\n……')!;
  assert.deepEqual(linkInterpretation(full, DOCS), ['doc-abc']);
  const short = readInterpretationText('《关于加强燃放烟花爆竹管理的通告》解读\n……')!;
  assert.deepEqual(linkInterpretation(short, DOCS), ['doc-abc'], 'the title without the issuer');
  const none = readInterpretationText('《某市文件》政策解读\n见渝府发〔2020〕1号。')!;
  assert.deepEqual(linkInterpretation(none, DOCS), [], 'nothing held: no link');
});
