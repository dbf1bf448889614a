/** 令 numbers as identifiers: every printed form is one key; a short or missing issuer resolves to the organ's. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseNumber, formatOrderNumber, normaliseOrderNumber, parseOrderNumber, resolveOrderIssuer } from '../src/domain/doc-number.js';

describe('parseOrderNumber (forms from the field corpus)', () => {
  const cases: Array<[string, string]> = [
    ['厦门市人民政府令第136号', '厦门市人民政府令第136号'],
    ['重庆市人民政府令第 265 号', '重庆市人民政府令第265号'],
    ['中华人民共和国国务院令 第238号', '国务院令第238号'],
    ['国土资源部第55号令', '国土资源部令第55号'],
    ['广西壮族自治区人民政府令2016年第116号', '广西壮族自治区人民政府令〔2016〕第116号'],
    ['中华人民共和国主席令(九届第37号)', '主席令第37号'],
    ['廣東省人民政府令  第 143 號', '廣東省人民政府令第143号'],
    ['四川省第十一届人民代表大会常务委员会公告第28号', '四川省第十一届人民代表大会常务委员会公告第28号'],
    ['主席令第三十七号', '主席令第37号'],
  ];
  for (const [printed, key] of cases) it(printed, () => assert.equal(normaliseOrderNumber(printed), key));

  it('refuses 文号, bare serials and a title glued to its 令 in brackets', () => {
    for (const s of ['武隆府发〔2024〕1号', '第238号', '(第166号)', '廣東省農村五保供養工作規定(粵府令第143號)', '']) assert.equal(parseOrderNumber(s), null, s);
  });

  it('reads serials printed in words', () => {
    assert.equal(chineseNumber('一百四十三'), 143);
    assert.equal(chineseNumber('三十七'), 37);
    assert.equal(chineseNumber('84'), 84);
  });
});

describe('resolveOrderIssuer', () => {
  it('completes 省政府令 / 政府令 / 渝府令 with the issuing government, keeps a full name', () => {
    const show = (s: string, issuer: string | null) => formatOrderNumber(resolveOrderIssuer(parseOrderNumber(s)!, issuer));
    assert.equal(show('省政府令第114号', '山东省人民政府'), '山东省人民政府令第114号');
    assert.equal(show('政府令〔2010〕第15号', '河北省人民政府'), '河北省人民政府令〔2010〕第15号');
    assert.equal(show('渝府令第 121 号', '重庆市人民政府'), '重庆市人民政府令第121号');
    assert.equal(show('上海市人民政府令第84号', '重庆市人民政府'), '上海市人民政府令第84号');
    assert.equal(show('国务院令第238号', '国务院办公厅'), '国务院令第238号');
    assert.equal(show('省政府令第114号', null), '省政府令第114号');
  });
});
