/**
 * Property-based tests of the reader (fast-check): whatever the bytes or text, parsing ends in
 * documents or a UserError (one line for the user), never in another exception. The text
 * arbitraries are built from the pieces gazettes are made of — mastheads, 文号 lines, titles,
 * jump markers, 目录 rows, tables, page numbers, blank lines — shuffled and cut at random, so the
 * runs reach the deep paths of the reader rather than stopping at "not a gazette".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../src/domain/errors.js';
import { parseBuffer, parseText } from '../src/ingest/index.js';

const SOURCE = { file: 'prop.txt', sha256: '0'.repeat(64), encoding: 'utf-8' as const, bytes: 0 };

const PIECES = [
  '重庆市武隆区人民政府文件', '重庆市武隆区人民政府办公室文件', '武隆府发〔2024〕1号', '武隆府办发〔2023〕18号', '渝府办发（2018）109号',
  '重庆市武隆区人民政府', '关于印发武隆区森林防火管理办法的通知', '关于废止部分规范性文件的决定', '各乡镇人民政府，区政府各部门：',
  '一、总体要求', '（一）工作目标', '1.加强领导。', '（1）明确责任', '①细化措施', '第一条 为了加强管理，制定本办法。', '第二章 附则',
  '现将《武隆区森林防火管理办法》印发给你们，请认真贯彻执行。', '本办法自2024年7月1日起施行，有效期5年。', '原《办法》（武隆府发〔2019〕22号）同时废止。',
  '2024年6月1日', '二〇二四年六月十三日', '（此件公开发布）', '（此件依申请公开）', '附件：1.任务分工表', '附件1', '（下转第8页）', '（上接第3页）',
  '（上接第99页）', '·4·', '- 12 -', '目  录', '主要文件目录', '关于印发办法的通知…………………………3', '区政府关于某事的决定（武隆府发〔2024〕2号）',
  '| 序号 | 工作任务 | 牵头单位 | 完成时限 |', '| --- | --- | --- | --- |', '| 1 | 建设项目 | 区发展改革委 | 2024年底 |', '序号\t文件名称\t文件号',
  '1\t关于某事的通知\t武隆府办发〔2017〕60号', '<table><tr><td>甲</td><td>乙</td></tr></table>', '组  长：陈清松  区政府副区长', '重', '庆', '各位代表：',
  '政府工作报告', '抄送：区委办公室。', '武隆区人民政府办公室 2024年6月3日印发', '', '   ', '\u3000\u3000', '\t',
];

const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'〔〕（）()|：:，。、第号页上接下转一二三四五六七八九十0123456789 \t\u3000'), maxLength: 30 }) },
);
// One document as printed: masthead, 文号, title, then a body of random pieces and a closing.
const documentLines = fc
  .tuple(
    fc.constantFrom('重庆市武隆区人民政府文件', '重庆市武隆区人民政府办公室文件', ''),
    fc.integer({ min: 1, max: 300 }).map((n) => `武隆府发〔2024〕${n}号`),
    fc.constantFrom('关于印发武隆区森林防火管理办法的通知', '关于废止部分规范性文件的决定', '重庆市武隆区人民政府关于某事的通知'),
    fc.array(line, { maxLength: 40 }),
    fc.constantFrom(['重庆市武隆区人民政府', '2024年6月1日', '（此件公开发布）'], ['（此件公开发布）'], []),
  )
  .map(([masthead, number, title, body, tail]) => [masthead, '', number, '', title, ...body, ...tail]);
const gazetteText = fc
  .oneof(fc.array(line, { maxLength: 120 }), fc.tuple(fc.array(line, { maxLength: 10 }), fc.array(documentLines, { minLength: 1, maxLength: 5 })).map(([front, docs]) => [...front, ...docs.flat()]))
  .map((ls) => ls.join('\n'));

function parsesOrRefuses(run: () => unknown): void {
  try {
    run();
  } catch (err) {
    if (err instanceof UserError) {
      assert.ok(!err.message.includes('\n'), `a UserError is one line: ${err.message}`);
      return;
    }
    throw err;
  }
}

test('any text built from gazette pieces parses to documents or a one-line UserError', () => {
  fc.assert(
    fc.property(gazetteText, (text) =>
      parsesOrRefuses(() => {
        const r = parseText(text, SOURCE);
        assert.ok(r.documents.length > 0, 'a parse without a UserError has documents');
        for (const d of r.documents) assert.equal(typeof d.text, 'string');
      }),
    ),
    { numRuns: 400 },
  );
});

test('any unicode text parses or is refused with a UserError', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => parsesOrRefuses(() => parseText(text, SOURCE))), { numRuns: 300 });
});

test('any bytes (random, or a gazette in some encoding cut and corrupted) decode and parse or give a UserError', async () => {
  const encoded = fc.tuple(gazetteText, fc.constantFrom('utf8', 'utf16le'), fc.array(fc.nat(), { maxLength: 4 }), fc.nat()).map(
    ([text, enc, flips, cut]) => {
      const b = Buffer.from(text, enc as BufferEncoding);
      for (const f of flips) if (b.length) b[f % b.length] = (b[f % b.length]! ^ 0xff) & 0xff;
      return new Uint8Array(b.subarray(0, b.length ? b.length - (cut % Math.min(4, b.length)) : 0));
    },
  );
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 600 }), encoded), async (bytes) => {
      try {
        await parseBuffer(bytes, 'prop.txt');
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        assert.ok(!err.message.includes('\n'), `a UserError is one line: ${err.message}`);
      }
    }),
    { numRuns: 300 },
  );
});
