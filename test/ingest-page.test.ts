/**
 * Documents printed on their own (web pages, legal-information sites, reprints): the reader finds
 * each from its header as a whole. Every input here is a real page of test/field/docs, whole or
 * a line of it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { UserError } from '../src/domain/errors.js';
import { reviewItems } from '../src/domain/review.js';
import { parseBuffer, parseFile } from '../src/ingest/index.js';
import { foldDateZeros, signatureDate, subtitleDate } from '../src/ingest/page-dates.js';
import { damagedDocNumber, isIssuerLine, localIssuer } from '../src/ingest/page-lines.js';
import { readMetadata } from '../src/ingest/page-meta.js';
import { stripPinyin } from '../src/ingest/traditional.js';

const FIELD = new URL('./field/docs/', import.meta.url).pathname;
const page = (n: string) => parseFile(`${FIELD}${n}.txt`);
const lines = (n: string) => readFileSync(`${FIELD}${n}.txt`, 'utf8').split('\n');

describe('dates as pages print them', () => {
  it('reads ○, the letter O and the digit 0 as 〇', () => {
    assert.equal(foldDateZeros('二OO六年二月二十日'), '二〇〇六年二月二十日');
    assert.equal(signatureDate('二OO六年二月二十日     ')?.date, '2006-02-20');
    assert.equal(signatureDate('二○○八年四月三十日')?.date, '2008-04-30');
    assert.equal(signatureDate('二0一三年八月六日')?.date, '2013-08-06');
  });
  it('reads the signer and the date on one line, and dates with extraction junk', () => {
    assert.equal(signatureDate('自治区主席 陈 武 2016年12月6日')?.date, '2016-12-06');
    assert.equal(signatureDate('2023年1月19日????????')?.date, '2023-01-19');
  });
  it('repairs a damaged date and says so', () => {
    assert.deepEqual(signatureDate('{ 2017 6 23'), { date: '2017-06-23', damaged: true });
  });
  it('takes a report\'s date from its subtitle, and a passed text\'s from its note', () => {
    assert.equal(subtitleDate('2019年3月2日在浮山县第十六届人民代表大会第四次会议上'), '2019-03-02');
    assert.equal(subtitleDate('——2023年2月2日在某县第十八届人民代表大会第二次会议上'), '2023-02-02');
    assert.equal(subtitleDate('一九五五年二月十日国务院常务会议通过'), '1955-02-10');
    assert.equal(subtitleDate('2019年3月2日,县政府召开常务会议研究部署'), null);
  });
});

describe('header lines', () => {
  it('repairs a 文号 that lost its bracket and 号', () => assert.equal(damagedDocNumber('牟政办发〔201746'), '牟政办发〔2017〕46号'));
  it('knows issuer-only lines, joint ones included, and drops a site\'s province prefix', () => {
    assert.ok(isIssuerLine('财政部、司法部'));
    assert.ok(isIssuerLine('甘肃省人民政府????????'));
    assert.ok(!isIssuerLine('河北省人工影响天气管理规定'));
    assert.equal(localIssuer('江西省吉安市人民政府办公室'), '吉安市人民政府办公室');
    assert.equal(localIssuer('河北省人民政府'), '河北省人民政府');
  });
  it('strips pinyin glosses so the 文号 shows', () => assert.equal(stripPinyin('滬府發(fā)〔2017〕92號'), '滬府發〔2017〕92號'));
});

describe('metadata blocks are declared facts', () => {
  it('bullet labels with the value lines below (001)', () => {
    const m = readMetadata(lines('001'));
    assert.equal(m.facts.docNumber, '镇政发〔2024〕7号');
    assert.equal(m.facts.issuedDate, '2024-04-06');
  });
  it('several pairs a line, 生效 and 废止 kept (004)', () => {
    const m = readMetadata(lines('004'));
    assert.deepEqual([m.facts.effectiveDate, m.facts.repealDate, m.facts.title], ['2019-01-23', '2020-01-23', '太湖县人民政府关于印发《太湖县人民政府工作规则》的通知']);
  });
  it('traditional labels with pinyin glosses (003) and glued labels (051)', () => {
    assert.equal(readMetadata(lines('003')).facts.issuer, '惠州市人民政府辦公室');
    assert.equal(readMetadata(lines('051')).facts.docNumber, '國辦函〔1988〕2號');
  });
  it('a table with pipes (023) and bare labels above their values (064)', () => {
    assert.equal(readMetadata(lines('023')).facts.writtenDate, '2023-12-16');
    assert.equal(readMetadata(lines('064')).facts.issuer, '怒江州民政局');
  });
});

describe('one document read off a page', () => {
  it('is not an issue: no placeholder issue, chrome and metadata in the front matter', async () => {
    const r = await page('070');
    assert.equal(r.issue, null);
    assert.equal(r.documents.length, 1);
    assert.match(r.frontMatter, /索引号/);
    assert.equal(r.source.declared?.indexNumber, '000014688/2014-00079');
  });
  it('a metadata table repeating title and 文号 does not make a second document (003, 045)', async () => {
    assert.equal((await page('003')).documents.length, 1);
    const d = (await page('045')).documents;
    assert.deepEqual(d.map((x) => [x.docNumber, x.signedOn]), [['京政办发〔2016〕26号', '2016-05-28']]);
  });
  it('keeps the site\'s issuer line apart from the title (029)', async () => {
    const [d] = (await page('029')).documents;
    assert.deepEqual([d!.title, d!.issuer, d!.docNumber], ['关于印发吉安市市本级政务公开工作实施细则的通知', '吉安市人民政府办公室', '吉府发〔2003〕37号']);
  });
  it('joins an issuer printed above 关于… and a title broken over lines (019, 048)', async () => {
    assert.equal((await page('019')).documents[0]!.title, '济宁市人民政府关于持续深化“市县同权”改革的实施意见');
    assert.equal((await page('048')).documents[0]!.issuer, '懷化市人民政府辦公室');
  });
  it('takes the 文号 from the end of the title (013) and from a page heading (002)', async () => {
    const [d] = (await page('013')).documents;
    assert.equal(d!.docNumber, '岳办发〔2017〕2号');
    assert.equal(d!.issuer, '中共岳阳市委办公室岳阳市人民政府办公室');
    assert.equal((await page('002')).documents[0]!.docNumber, '鲁政发〔2014〕20号');
  });
  it('reads a 令: its number is the key, resolved to the issuer (006, 008, 041)', async () => {
    const [hebei] = (await page('006')).documents;
    assert.deepEqual([hebei!.id, hebei!.title, hebei!.kind, hebei!.signedOn], ['河北省人民政府令〔2010〕第15号', '河北省人工影响天气管理规定', '令', '2010-12-25']);
    assert.equal((await page('008')).documents[0]!.docNumber, '国务院令第238号');
    assert.equal((await page('041')).documents[0]!.docNumber, '主席令第37号');
  });
  it('a government with a court as joint issuers, the space between them kept (039)', async () => {
    const [d] = (await page('039')).documents;
    assert.equal(d!.issuer, '鹤岗市人民政府 鹤岗市中级人民法院');
    assert.equal(d!.title, '鹤岗市人民政府 鹤岗市中级人民法院印发关于完善“府院联动”机制的意见的通知');
  });
  it('a traditional mirror with pinyin keeps its 文号 and the 文号 it cites (018)', async () => {
    const [d] = (await page('018')).documents;
    assert.equal(d!.docNumber, '沪府发〔2017〕92号');
    assert.ok(d!.cites.some((c) => c.docNumber === '国发〔2016〕76号'), JSON.stringify(d!.cites));
    assert.ok(!/\(fā\)/.test(d!.text) && /\(fā\)/.test(d!.originalText));
  });
  it('two documents quoted in one article are two (052)', async () => {
    assert.deepEqual((await page('052')).documents.map((d) => d.docNumber), ['国办函〔2020〕52号', '国办函〔2018〕19号']);
  });
  it('a damaged 文号 and date are repaired and listed 待核对 (030)', async () => {
    const [d] = (await page('030')).documents;
    assert.deepEqual([d!.docNumber, d!.signedOn], ['牟政办发〔2017〕46号', '2017-06-23']);
    assert.deepEqual(reviewItems(d!).map((i) => i.field), ['docNumber', 'signedOn']);
  });
  it('a document with no title or 文号 gets a stable content key (016)', async () => {
    const a = (await page('016')).documents[0]!;
    const b = (await page('016')).documents[0]!;
    assert.match(a.id, /^doc-[0-9a-f]{12}$/);
    assert.equal(a.id, b.id);
    assert.equal(a.kind, '决定');
  });
  it('refuses a news page with the reason, accepts nothing from it (047)', async () => {
    await assert.rejects(page('047'), (e: unknown) => e instanceof UserError && /047\.txt: not an official document/.test(e.message));
  });
  it('refuses text with no Chinese in it', async () => {
    await assert.rejects(parseBuffer(Buffer.from('Dear reader, nothing here.\n'), 'letter.txt'), /not Chinese text/);
  });
});

describe('character accounting on every field page', () => {
  const inventory = (...texts: string[]) => {
    const m = new Map<string, number>();
    for (const t of texts) for (const c of t) if (/[\u4e00-\u9fff0-9]/.test(c)) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  it('documents + front matter + discarded = input, for each page read', async () => {
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync(FIELD).filter((x) => x.endsWith('.txt'))) {
      let r;
      try {
        r = await parseFile(`${FIELD}${f}`);
      } catch {
        continue;
      }
      const input = inventory(readFileSync(`${FIELD}${f}`, 'utf8'));
      const output = inventory(...r.documents.map((d) => d.text), r.frontMatter, ...r.discarded.map((a) => a.text));
      for (const [c, n] of input) assert.ok((output.get(c) ?? 0) >= n, `${f}: ${c} ×${n} in, ×${output.get(c) ?? 0} out`);
    }
  });
});

describe('the HTML adapter\'s metadata lines (label：value at the top)', () => {
  it('are declared facts, not a document, and fill what the text does not print', async () => {
    const text = ['标题：镇巴县人民政府工作规则', '文号：镇政发〔2024〕7号', '成文日期：2024-04-06', '发布机构：镇巴县人民政府', '有效性：有效', '废止时间：2029-04-06', '', '镇巴县人民政府工作规则', '', '第一章总则', '', '一、根据《中华人民共和国宪法》，结合本县实际，制定本规则。'].join('\n');
    const r = await parseBuffer(Buffer.from(text), 'zb.html.txt');
    assert.equal(r.documents.length, 1);
    const [d] = r.documents;
    assert.deepEqual([d!.title, d!.docNumber, d!.signedOn, d!.issuer], ['镇巴县人民政府工作规则', '镇政发〔2024〕7号', '2024-04-06', '镇巴县人民政府']);
    assert.deepEqual([r.source.declared?.validity, r.source.declared?.repealDate], ['有效', '2029-04-06']);
  });
});

describe('a gazette issue that holds one document', () => {
  it('keeps its cover and 目录: it is an issue, not a page (002 cut after its first document)', async () => {
    const { sample } = await import('./helpers/samples.js');
    const text = readFileSync(sample('002'), 'utf8');
    const full = await parseBuffer(Buffer.from(text), '002.txt');
    const second = full.documents[1]!.originalText.split('\n').find((l) => l.trim() !== '')!;
    const first = text.indexOf(full.documents[0]!.originalText.slice(0, 40));
    const cut = text.slice(0, text.indexOf(second, first + 40));
    const r = await parseBuffer(Buffer.from(cut), '002-first.txt');
    assert.ok(r.issue, 'an issue');
    assert.equal(r.issue!.title, full.issue!.title);
    assert.equal(r.documents[0]!.docNumber, full.documents[0]!.docNumber);
  });
});

describe('第N号 alone in a 令 header', () => {
  it('resolves to the issuer\'s 令 number (017 printed without 厦门市人民政府令 before 第136号)', async () => {
    const text = lines('017').map((l) => (l === '厦门市人民政府令第136号' ? '第136号' : l)).join('\n');
    const [d] = (await parseBuffer(Buffer.from(text), '017-bare.txt')).documents;
    assert.equal(d!.docNumber, '厦门市人民政府令第136号');
    assert.equal(d!.kind, '令');
  });
});
