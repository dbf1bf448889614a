/** Resolving a cited or repealed document: 文号 first, then exact title, then near title. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Resolver, nearTitleKey, titleKey } from '../src/status/resolve.js';

const held = [
  { id: '武隆府办发〔2023〕18号', docNumber: '武隆府办发〔2023〕18号', title: '重庆市武隆区人民政府办公室 关于印发武隆区地方志工作管理办法 (修订稿)的通知' },
  { id: '武隆府发〔2024〕9号', docNumber: '武隆府发〔2024〕9号', title: '重庆市武隆区人民政府关于发布森林防火禁火令的通告' },
  { id: 'doc-1a2b3c', docNumber: null, title: '重庆市武隆区人民政府工作报告' },
];
const r = new Resolver(held);

test('by 文号 in any bracket or character variant', () => {
  assert.equal(r.resolve('武隆府办发[2023]18號', null).id, '武隆府办发〔2023〕18号');
  assert.equal(r.resolve('武隆府办发（2023）18号', '随便什么标题').by, 'docNumber');
});

test('another series or year is another document, even with the same title', () => {
  const x = r.resolve('武隆府发〔2023〕18号', '重庆市武隆区人民政府关于发布森林防火禁火令的通告');
  assert.deepEqual([x.id, x.by], ['ref:武隆府发〔2023〕18号', 'ref']);
});

test('by exact title (spacing and bracket width ignored) when no 文号 is printed', () => {
  assert.equal(r.resolve(null, '重庆市武隆区人民政府办公室关于印发武隆区地方志工作管理办法（修订稿）的通知').by, 'title');
  assert.equal(r.resolve(null, '重庆市武隆区人民政府工作报告').id, 'doc-1a2b3c');
});

test('by near title: the instrument inside 关于印发…的通知', () => {
  assert.equal(nearTitleKey('重庆市武隆区人民政府办公室关于印发武隆区地方志工作管理办法的通知'), '武隆区地方志工作管理办法');
  const x = r.resolve(null, '武隆区人民政府办公室关于印发武隆区地方志工作管理办法（修订稿）的通知');
  assert.deepEqual([x.id, x.by], ['武隆府办发〔2023〕18号', 'near-title']);
});

test('unknown documents get a stable reference key', () => {
  assert.equal(r.resolve(null, '中华人民共和国森林法').id, 'ref:《中华人民共和国森林法》');
  assert.equal(r.resolve('渝府令〔2019〕329号', '重庆市行政规范性文件管理办法').id, 'ref:渝府令〔2019〕329号');
  assert.equal(titleKey('《重庆市 武隆区（试行）》'), '重庆市武隆区（试行）');
});

test('规章 are resolved by their 令 number, with or without the year printed in it (field corpus 006, 016)', async () => {
  const { Resolver } = await import('../src/status/resolve.js');
  const r = new Resolver([
    { id: '河北省人民政府令〔2010〕第15号', docNumber: '河北省人民政府令〔2010〕第15号', title: '河北省人工影响天气管理规定' },
    { id: '常州市人民政府令第2号', docNumber: '常州市人民政府令第2号', title: '常州市城市市容管理办法' },
  ]);
  assert.equal(r.resolve('常州市人民政府令第2号', '常州市城市市容管理办法').by, 'docNumber');
  assert.equal(r.resolve('河北省人民政府令第15号', null).id, '河北省人民政府令〔2010〕第15号');
  assert.equal(r.resolve('常州市人民政府令第8号', '常州市生活垃圾分类管理办法').by, 'ref');
});
