/**
 * The privacy detector and masks: on the samples, exactly the hand-checked personal data of 000_
 * and 004_ (test/fixtures/personal-data.ts) and nothing else — no 文号, date, amount, postcode or
 * public line; on constructed text, each kind's rules (checksums, labels, public service lines).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParseResult } from '../src/domain/types.js';
import { parseFile } from '../src/ingest/index.js';
import { toSimplified } from '../src/ingest/traditional.js';
import { findPersonalData, idChecksumOk, luhnOk } from '../src/extract/privacy.js';
import { deidentifyDocument, deidentifyText, maskFinding } from '../src/extract/privacy-mask.js';
import { reviewDocument } from '../src/extract/privacy-review.js';
import { privacyView } from '../src/extract/privacy-view.js';
import { ALL_SAMPLES } from './helpers/samples.js';
import { leaked, MASKED, PRIVATE_FINDINGS, PUBLIC_LINES } from './fixtures/personal-data.js';

let parsed: Promise<ParseResult[]> | null = null;
const samples = () => (parsed ??= Promise.all(ALL_SAMPLES.map((f) => parseFile(f))));
const found = (text: string, includePublic = false) => findPersonalData(text, { includePublic }).map((f) => `${f.kind}:${f.text}`);

describe('privacy review of the samples', () => {
  it('finds exactly the hand-checked names, phones, e-mail and QQ addresses of 000_ and 004_, and nothing in 001_–003_', async () => {
    const all = (await samples()).flatMap((r) => r.documents.flatMap((d) => reviewDocument(d)));
    const got = all.map((f) => `${f.docNumber} ${f.kind} ${f.text}`).sort();
    assert.deepEqual(got, PRIVATE_FINDINGS.map((f) => `${f.docNumber} ${f.kind} ${f.text}`).sort());
    for (const f of all) assert.equal(f.field, undefined, `${f.text} is found in the document text itself`);
  });

  it('gives positions into the document text', async () => {
    for (const r of await samples()) {
      for (const d of r.documents) for (const f of reviewDocument(d)) assert.equal(d.text.slice(f.start, f.end), f.text);
    }
  });

  it('never reports a 文号, a date, an amount or a public line; public lines only when asked, flagged', async () => {
    const all = (await samples()).flatMap((r) => r.documents.flatMap((d) => reviewDocument(d)));
    for (const f of all) {
      assert.doesNotMatch(f.text, /〔\d{4}〕|\d+号|\d{4}年|\d+月|\d+日|元|%/, f.text);
      assert.ok(!PUBLIC_LINES.includes(f.text), `${f.text} is a public line`);
    }
    const withPublic = (await samples()).flatMap((r) => r.documents.flatMap((d) => reviewDocument(d, { includePublic: true })));
    const publicTexts = withPublic.filter((f) => f.public === 'service-line').map((f) => f.text);
    assert.deepEqual([...new Set(publicTexts)].sort(), PUBLIC_LINES.filter((t) => t !== '77726209').sort());
  });

  it('the masthead 电话 (the publisher\'s line, beside 地址 and 邮编) is public', async () => {
    const front = (await samples())[4]!.frontMatter;
    assert.match(front, /电话：77726209/);
    assert.deepEqual(found(front), []);
    assert.deepEqual(found(front, true), ['landline:77726209']);
  });

  it('de-identifies every document: no listed item left in any text it carries, lengths kept', async () => {
    for (const r of await samples()) {
      for (const d of r.documents) {
        const p = deidentifyDocument(d);
        assert.deepEqual(leaked(JSON.stringify(p)), [], d.docNumber ?? d.id);
        assert.equal(p.text.length, d.text.length);
        assert.equal(p.originalText.length, d.originalText.length);
      }
    }
    const doc = (await samples())[0]!.documents.find((d) => d.docNumber === '武隆府办发〔2023〕4号')!;
    const p = deidentifyDocument(doc);
    assert.match(p.text, /联系人：何\*\*；联系电话：77\*\*\*\*58；邮箱：13\*{8}@qq\.com/);
    // The original extraction breaks 联系电话 across lines; the mask follows the number there too.
    assert.match(p.originalText, /何\*\*；联\s+系电话：77\*\*\*\*58/);
  });

  it('reads pages printed in traditional characters through their simplified form', async () => {
    const doc = (await samples())[3]!.documents.find((d) => d.simplifiedText !== undefined)!;
    const printed = '請於月底前報送（聯繫人：何小雙；聯繫電話：15095810013）。';
    const traditional = { ...doc, text: printed, originalText: printed.replace('聯繫電話', '聯繫\n電話'), body: [{ level: 0, text: printed }], tables: [], simplifiedText: toSimplified(printed) };
    assert.deepEqual(reviewDocument(traditional).map((f) => `${f.kind}:${f.text}:${printed.slice(f.start, f.end)}`), ['name:何小雙:何小雙', 'mobile:15095810013:15095810013']);
    const p = deidentifyDocument(traditional);
    assert.deepEqual(leaked(JSON.stringify(p)).concat(JSON.stringify(p).includes('何小雙') ? ['何小雙'] : []), []);
    assert.equal(p.body[0]!.text, '請於月底前報送（聯繫人：何**；聯繫電話：150****0013）。');
  });

  it('keeps public lines and marked findings as printed', async () => {
    const doc = (await samples())[0]!.documents.find((d) => d.docNumber === '武隆府办发〔2023〕6号')!;
    const plain = deidentifyDocument(doc).text;
    assert.match(plain, /联系电话：85\*\*\*\*38、QQ邮箱：46\*{5}48/);
    assert.match(plain, /区交通局：85613456/);
    const marked = deidentifyDocument(doc, new Set(['85610038'])).text;
    assert.match(marked, /联系电话：85610038、QQ邮箱：46\*{5}48/);
  });
});

describe('privacy rules', () => {
  it('reads a view of the text: whitespace out, full-width ASCII folded, every other code unit kept (lone surrogates too)', () => {
    const text = '联系人：\n何 小双\u3000电话：１３８ 0000\n0000 \ud800x\udc00';
    const v = privacyView(text);
    assert.equal(v.s, '联系人:何小双电话:138 00000000\ud800x\udc00');
    assert.deepEqual(Array.from(v.map).slice(0, 6), [0, 1, 2, 3, 5, 7]);
    assert.equal(v.map[v.s.length], text.length);
    assert.deepEqual(Array.from(v.gap).slice(0, 7), [0, 0, 0, 0, 1, 1, 0]);
  });

  it('masks keep the length and what identifies no one', () => {
    for (const [text, masked] of Object.entries(MASKED)) {
      const kind = findPersonalData(`联系人：${text}`)[0]?.kind ?? findPersonalData(`电话：${text}`)[0]?.kind ?? findPersonalData(`QQ：${text}`)[0]!.kind;
      assert.equal(maskFinding(kind, text), masked);
    }
    assert.equal(maskFinding('name', '欧阳小明'), '欧阳**');
    assert.equal(maskFinding('name', '李 欣'), '李 *');
    assert.equal(maskFinding('landline', '023-77723209'), '023-77****09');
    assert.equal(maskFinding('id-number', '11010519491231002X'), '110***********002X');
    assert.equal(maskFinding('bank-card', '6222021234567890128'), '6222***********0128');
    // Full-width digits and ＠ are found and masked like ASCII ones.
    assert.equal(deidentifyText('手机：１３９１２３４５６７８，邮箱：ｗａｎｇ＠163.com'), '手机：１３９****５６７８，邮箱：ｗａ**＠163.com');
  });

  it('names: beside 联系人/联络员/负责人/经办人, letter-spaced or glued to the next label; never a unit', () => {
    assert.deepEqual(found('（联系人：张三、李四；电话：023-12345678）'), ['name:张三', 'name:李四', 'landline:023-12345678']);
    assert.deepEqual(found('负责人：欧阳小明同志'), ['name:欧阳小明']);
    assert.deepEqual(found('经办人：王 芳\n联系电话：13912345678'), ['name:王 芳', 'mobile:13912345678']);
    assert.deepEqual(found('联系人：陈立新联系电话：13912345678'), ['name:陈立新', 'mobile:13912345678']);
    assert.deepEqual(found('联系人：张三 李四，联系电话：13912345678'), ['name:张三', 'name:李四', 'mobile:13912345678']);
    assert.deepEqual(found('联系人：区发展改革委'), []);
    assert.deepEqual(found('（联系人：区政府办公室张三，电话：77712345）'), ['name:张三', 'landline:77712345']);
    assert.deepEqual(found('负责人：区政府办公室主任'), []);
    assert.deepEqual(found('负责人：各乡镇（街道）主要负责人'), []);
    assert.deepEqual(found('主要负责人为成员，分管负责人兼任办公室主任'), []);
    // No label, but a name printed right before a private number.
    assert.deepEqual(found('请与经办人员（刘洋，13512345678）联系'), ['name:刘洋', 'mobile:13512345678']);
    assert.deepEqual(found('站长：黄 听 区政府副区长'), []);
  });

  it('phones: mobiles anywhere, landlines beside a label or with an area code; service lines public', () => {
    assert.deepEqual(found('咨询请拨13800138000。'), ['mobile:13800138000']);
    assert.deepEqual(found('传真：（023）77712345'), ['landline:（023）77712345']);
    assert.deepEqual(found('联系方式：77723967，77723968'), ['landline:77723967', 'landline:77723968']);
    assert.deepEqual(found('服务热线：12345；监督电话：023-77712345；区市场监管局：77771234'), []);
    assert.deepEqual(found('12345政务服务便民热线要设立政策咨询岗位'), []);
    assert.deepEqual(found('投诉举报电话：13512345678', true), ['mobile:13512345678']);
    assert.equal(findPersonalData('投诉举报电话：13512345678', { includePublic: true })[0]!.public, true);
  });

  it('numbers that are no one\'s: 文号, dates, amounts, postcodes, statistics, index numbers', () => {
    const text = [
      '武隆府办发〔2023〕4号', '2023年1月8日', '投资15000000000元', '邮编：408500', '共计77712345元', '2021-2025年',
      '统一社会信用代码：91500232MA5U123456', '索引号：11500232009278453A/2021-00123', '增长13.5%', '1234567890123456789',
    ].join('，');
    assert.deepEqual(found(text, true), []);
  });

  it('ID numbers need a valid GB 11643 checksum and birth date; cards a Luhn check and a bank context', () => {
    assert.ok(idChecksumOk('11010519491231002X'));
    assert.ok(!idChecksumOk('110105194912310021'));
    assert.deepEqual(found('身份证号：11010519491231002X'), ['id-number:11010519491231002X']);
    assert.deepEqual(found('身份证号：110105194912310021'), []);
    assert.ok(luhnOk('6222021234567890128'));
    assert.deepEqual(found('开户行：工商银行，账号：6222021234567890128'), ['bank-card:6222021234567890128']);
    assert.deepEqual(found('账号：6222021234567890127'), []);
    assert.deepEqual(found('卡号：6222 0212 3456 7890 128'), ['bank-card:6222 0212 3456 7890 128']);
  });

  it('e-mail and QQ: any mailbox but a government one; QQ numbers after a QQ label', () => {
    assert.deepEqual(found('邮箱：zhang.san@163.com；QQ号：12345678；单位邮箱：wlzfb@cq.gov.cn'), ['email:zhang.san@163.com', 'qq:12345678']);
    assert.deepEqual(found('通过微信群QQ群等渠道'), []);
    assert.deepEqual(found('邮箱：1316543020@qq.\ncom'), ['email:1316543020@qq.\ncom']);
  });

  it('de-identifies a document\'s text wherever the finding stands, across line breaks, and nothing else', () => {
    assert.equal(deidentifyText('联系人：何小双；联系电话：15095810013'), '联系人：何**；联系电话：150****0013');
    const secrets = new Map([['何小双', 'name' as const]]);
    assert.equal(deidentifyText('请何小\n双同志于周一报送', secrets), '请何*\n*同志于周一报送');
    assert.equal(deidentifyText('区公安局举报电话：110，77712037'), '区公安局举报电话：110，77712037');
  });

});
