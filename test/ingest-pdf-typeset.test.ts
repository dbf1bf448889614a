/**
 * Gazettes as a publisher prints them (test/pdf/typeset.ts: A4, 仿宋/宋体, red masthead, vertical
 * motto, two-column 目录, running headers, ·N· page numbers, 下转/上接 jumps, tables across pages,
 * printed by Chromium) read back to exactly the documents of their golden files; every character
 * of the extracted text is accounted for.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import type { ParseResult } from '../src/domain/types.js';
import { extract, type Extracted } from '../src/ingest/formats/index.js';
import { parseBuffer } from '../src/ingest/index.js';
import { unaccounted } from './helpers/accounting.js';
import { CHROMIUM, typesetSample } from './pdf/typeset.js';

const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true' ? `${CHROMIUM} not installed (apt-get install chromium); typeset-PDF tests skipped` : false;

interface Golden {
  issue: { title: string; year: number | null; number: number | null; totalNumber: number | null; publishedOn: string | null; contents: number; index: number };
  documents: Array<{ docNumber: string; title: string; signedOn: string | null }>;
}

describe('typeset gazette PDFs (Chromium)', { skip }, () => {
  let browser: Browser;
  const read = new Map<string, { bytes: Buffer; extracted: Extracted; result: ParseResult }>();
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    for (const id of ['002', '003', '004']) {
      const bytes = readFileSync(await typesetSample(id, browser));
      read.set(id, { bytes, extracted: await extract(bytes, `${id}.pdf`), result: await parseBuffer(bytes, `${id}.pdf`) });
    }
  });
  after(() => browser?.close());

  for (const id of ['002', '003', '004']) {
    const golden = JSON.parse(readFileSync(new URL(`./golden/${id}.json`, import.meta.url), 'utf8')) as Golden;

    it(`${id}: exactly the documents of its golden file (文号, title, 成文日期)`, () => {
      const r = read.get(id)!.result;
      assert.equal(r.source.encoding, 'pdf');
      assert.deepEqual(r.documents.map((d) => ({ docNumber: d.docNumber, title: d.title, signedOn: d.signedOn })), golden.documents);
    });

    it(`${id}: the cover and the listings read as from the text`, () => {
      const i = read.get(id)!.result.issue!;
      const { contents, index, ...cover } = golden.issue;
      assert.deepEqual({ title: i.title, year: i.year, number: i.number, totalNumber: i.totalNumber, publishedOn: i.publishedOn }, cover);
      assert.equal(i.contents.length, contents);
      assert.equal(i.index.length, index);
    });

    it(`${id}: the PDF's radicals are folded (⼈⺠ → 人民) and its page furniture taken out by position`, () => {
      const { extracted, result } = read.get(id)!;
      const raw = read.get(id)!.bytes;
      assert.ok(raw.length > 0);
      assert.doesNotMatch(extracted.text, /[\u2e80-\u2fdf]/);
      assert.ok(extracted.furniture.some((f) => f.kind === 'page-number' && /^·\d+·$/.test(f.text)));
      assert.ok(extracted.furniture.some((f) => f.kind === 'running-header' && f.text.includes('重庆市武隆区人民政府公报')));
      for (const d of result.documents) assert.doesNotMatch(d.text, /·\d+·|重庆市武隆区人民政府公报\s/, d.docNumber ?? '');
    });

    it(`${id}: loses no text — documents + front matter + discarded = the extracted text and its furniture`, () => {
      const { extracted, result: r } = read.get(id)!;
      assert.deepEqual(unaccounted([extracted.text, ...extracted.furniture.map((f) => f.text)], r), []);
    });
  }

  it('002: the two-column 目录 is read column by column, each entry one line', () => {
    const text = read.get('002')!.extracted.text;
    assert.match(text, /^重庆市武隆区人民政府办公室关于印发武隆区进一步加强矿山安全生产工作实施方案的通知……19$/m);
    assert.match(text, /^传达政令$/m, 'vertical motto read top to bottom');
    assert.match(text, /^重庆市武隆区人民政府公报$/m, 'letter-spaced masthead closed up');
  });

  it('004: a ruled table is read row by row, cells in their columns, across a page break', () => {
    const d = read.get('004')!.result.documents.find((x) => x.docNumber === '武隆府办发〔2021〕32号')!;
    const t = d.tables[0]!;
    assert.deepEqual(t.header, ['序号', '类别', '目标及措施', '主要内容', '牵头单位', '责任单位']);
    assert.deepEqual(t.rows.slice(0, 8).map((r) => r[0]), ['1', '2', '3', '4', '5', '6', '7', '8']);
    assert.deepEqual(t.rows[0]!.slice(0, 3), ['1', '空气质量目标', '城区空气质量']);
  });

  it('002: the 11号 decision printed inside 9号 comes out, and 9号 reads on', () => {
    const r = read.get('002')!.result;
    const nine = r.documents.find((d) => d.docNumber === '武隆府发〔2024〕9号')!;
    assert.match(nine.text.replace(/\n/g, ''), /《重庆市森林防火条例》规定的行为/);
  });
});
