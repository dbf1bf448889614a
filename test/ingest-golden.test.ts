/**
 * Golden tests: for each gazette the documents found are exactly those of its own 目录 —
 * same count, 文号, full titles as printed and 成文日期. The golden files were written from the
 * issues' printed 主要文件目录 and checked date by date against the signature blocks.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseFile } from '../src/ingest/index.js';
import { toSimplified } from '../src/ingest/traditional.js';
import { docNumberLine, isMasthead } from '../src/ingest/patterns.js';
import type { ParseResult } from '../src/domain/types.js';
import { normaliseDocNumber } from '../src/domain/doc-number.js';
import { unaccounted } from './helpers/accounting.js';
import { sample } from './helpers/samples.js';

interface Golden {
  file: string;
  issue: { title: string; year: number | null; number: number | null; totalNumber: number | null; publishedOn: string | null; contents: number; index: number };
  documents: Array<{ docNumber: string; title: string; signedOn: string | null }>;
}

const cache = new Map<string, Promise<ParseResult>>();
const parsed = (id: string) => {
  if (!cache.has(id)) cache.set(id, parseFile(sample(id)));
  return cache.get(id)!;
};

for (const id of ['000', '002', '003', '004']) {
  describe(`gazette ${id}`, () => {
    const golden = JSON.parse(readFileSync(new URL(`./golden/${id}.json`, import.meta.url), 'utf8')) as Golden;

    it('finds exactly the documents of its own 目录 (文号, title, 成文日期)', async () => {
      const r = await parsed(id);
      assert.deepEqual(
        r.documents.map((d) => ({ docNumber: d.docNumber, title: d.title, signedOn: d.signedOn })),
        golden.documents,
      );
      assert.equal(r.issue?.contents.length, golden.documents.length, '目录 entry count');
    });

    it('reads the issue cover and listings', async () => {
      const i = (await parsed(id)).issue!;
      const { contents, index, ...cover } = golden.issue;
      assert.deepEqual({ title: i.title, year: i.year, number: i.number, totalNumber: i.totalNumber, publishedOn: i.publishedOn }, cover);
      assert.equal(i.contents.length, contents);
      assert.equal(i.index.length, index);
    });

    it('keeps other documents, jump markers and the index out of every body', async () => {
      const r = await parsed(id);
      for (const d of r.documents) {
        assert.doesNotMatch(d.text, /[（(]\s*(下转|下轉|上接|下接)第/, `${d.docNumber}: jump marker left in text`);
        assert.doesNotMatch(d.text, /文件索引|文件检索|主要文件目录/, `${d.docNumber}: index inside body`);
        const foreign = d.originalText
          .split('\n')
          .map((l) => docNumberLine(l))
          .filter((n): n is string => n !== null)
          .map((n) => normaliseDocNumber(n))
          .filter((n) => n !== d.docNumber);
        assert.deepEqual(foreign, [], `${d.docNumber}: another document's 文号 line inside`);
        const mastheads = d.text.split('\n').filter(isMasthead);
        assert.ok(mastheads.length <= 1, `${d.docNumber}: ${mastheads.length} mastheads in text`);
      }
    });

    it('loses no text: documents + front matter + discarded artefacts = input', async () => {
      const r = await parsed(id);
      assert.deepEqual(unaccounted([readFileSync(sample(id), 'utf8')], r), []);
    });
  });
}

describe('damage repaired across documents', () => {
  it('002: the 11号 decision printed inside item 八 of the 9号 notice comes out, and 9号 reads on', async () => {
    const r = await parsed('002');
    const nine = r.documents.find((d) => d.docNumber === '武隆府发〔2024〕9号')!;
    const eleven = r.documents.find((d) => d.docNumber === '武隆府发〔2024〕11号')!;
    assert.match(nine.text.replace(/\n/g, ''), /《重庆市森林防火条例》规定的行为/);
    assert.match(nine.text, /十、本通告自发布之日起执行。/);
    assert.doesNotMatch(eleven.text, /森林火灾报警电话|规定的行为/);
    assert.ok(nine.warnings.some((w) => w.code === 'nested-document'));
  });

  it('000: the four jump-split documents come back whole, mid-word joins included', async () => {
    const r = await parsed('000');
    const text = (n: string) => r.documents.find((d) => d.docNumber === n)!.text.replace(/\s/g, '');
    assert.match(text('武隆府发〔2023〕1号'), /加强重大行政决策合法性审查/);
    assert.match(text('武隆府发〔2023〕11号'), /（五）任何单位和个人应当自/);
    assert.match(text('武隆府办发〔2023〕6号'), /乱涨价、乱收费等行为，确保春运票价稳定/);
    assert.match(text('武隆府办〔2023〕6号'), /因地制宜，探索创新/);
  });

  it('000, 002, 003: a sentence cut by a page or jump break without punctuation is one paragraph', async () => {
    const para = async (id: string, n: string, re: RegExp) =>
      assert.ok((await parsed(id)).documents.find((d) => d.docNumber === n)!.body.some((b) => re.test(b.text)), `${id} ${n}: ${re}`);
    await para('000', '武隆府发〔2023〕1号', /加强重大行政决策合法性审查/);
    await para('000', '武隆府发〔2023〕11号', /^（五）任何单位和个人应当自觉遵守《条例》规定。$/);
    await para('000', '武隆府办〔2023〕6号', /^（三）各级各部门要因地制宜，探索创新，/);
    await para('002', '武隆府办发〔2024〕17号', /由重庆市武隆区防治动物重大疫病指挥部/);
    await para('002', '武隆府办发〔2024〕17号', /具体组织做好应急处置工作，/);
    await para('002', '武隆府办发〔2024〕39号', /气象、地震等部门及时将监测到的/);
    await para('002', '武隆府办发〔2024〕40号', /机场建设和运营管理工作。协助分管/);
    await para('003', '武隆府发〔2023〕5号', /组织实施的对危房集中/);
    await para('003', '武隆府发〔2023〕5号', /产权调换多套住宅的，/);
  });

  it('000, 003, 004: members of a group are one a line, the name apart from the post', async () => {
    const body = async (id: string, n: string) => (await parsed(id)).documents.find((d) => d.docNumber === n)!.body.map((b) => b.text);
    const twenty = await body('003', '武隆府办发〔2023〕20号');
    assert.ok(twenty.includes('组长：刘高永 区委常委、区政府常务副区长'));
    assert.ok(twenty.includes('谢腾蛟 中邮武隆区分公司副总经理'));
    assert.ok((await body('004', '武隆府办〔2021〕18号')).includes('站长：黄听 区政府副区长'));
    assert.ok((await body('004', '武隆府办〔2021〕24号')).includes('郑世荣 区民政局局长'));
    assert.ok((await body('000', '武隆府办〔2023〕6号')).includes('组长：左军 区委副书记、区政府区长'));
  });

  it('003: words cut across a jump are joined; the traditional page keeps its text and gains a simplified form', async () => {
    const r = await parsed('003');
    const doc = (n: string) => r.documents.find((d) => d.docNumber === n)!;
    assert.match(doc('武隆府办发〔2023〕16号').text.replace(/\s/g, ''), /依纪依法严肃追究有关单位和人员责任/);
    const trad = doc('武隆府办〔2023〕11号');
    assert.match(trad.title, /聯席會議/);
    assert.equal(toSimplified(trad.title), r.issue!.contents[14]!.title);
    assert.match(trad.simplifiedText ?? '', /联席会议/);
  });

  it('003: the index disagreeing with the bodies on two 文号 becomes two warnings', async () => {
    const r = await parsed('003');
    const mismatches = r.warnings.filter((w) => w.code === 'index-docnumber-mismatch').map((w) => w.message);
    assert.equal(mismatches.length, 2);
    assert.ok(mismatches.some((m) => m.includes('武隆府办发〔2023〕11号') && m.includes('武隆府办〔2023〕11号')));
    assert.ok(mismatches.some((m) => m.includes('防汛抗旱') && m.includes('武隆府办〔2023〕13号')));
  });

  it('004: the index printed second half first is read whole, the mangled （2021）20号 kept as a warning', async () => {
    const r = await parsed('004');
    assert.equal(r.issue!.index.length, 20);
    assert.ok(r.issue!.index.some((e) => e.docNumber === '武隆府办〔2021〕19号'));
    assert.ok(r.warnings.some((w) => w.code === 'index-docnumber-mismatch' && w.message.includes('支持科技创新')));
  });

  it('001: a work report with no masthead is one 报告 titled from its footer', async () => {
    const r = await parsed('001');
    assert.equal(r.issue, null);
    assert.equal(r.documents.length, 1);
    assert.equal(r.documents[0]!.kind, '报告');
    assert.equal(r.documents[0]!.title, '重庆市武隆区人民政府工作报告');
  });
});
