/** Reading text by position (PDF items, OFD TextCodes) and folding radicals, on small made-up pages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layOut, type LaidPage, type Run } from '../src/ingest/formats/layout.js';
import { foldRadicals } from '../src/ingest/radicals.js';

const S = 15;
/** A run of `text` set at `size` with one character per `size` of advance. */
const run = (text: string, x: number, y: number, size = S): Run => ({ text, x, y, w: [...text].length * size, size });
const page = (runs: Run[]): LaidPage => ({ width: 600, height: 840, runs });

describe('radicals folded before anything reads the text', () => {
  it('Kangxi radicals (NFKC) and the CJK Radicals Supplement (table)', () => {
    assert.equal(foldRadicals('⼈⺠⽉⼯⽂⻓⻔'), '人民月工文长门');
    assert.equal(foldRadicals('重庆市武隆区人民政府（〔2024〕9号）'), '重庆市武隆区人民政府（〔2024〕9号）');
  });
});

describe('layout by position', () => {
  it('a two-column page is read column by column; a wrapped entry is one line', () => {
    const left = ['区政府文件', '关于发布森林防火禁火令', '的通告……1', '关于废止区政府文件的决', '定……2'];
    const right = ['区办公室文件', '关于印发应急预案的通知', '……4', '关于印发行动计划的通知', '……13'];
    const runs = [run('目　录', 270, 760)];
    // Group headings are set larger; wrapped lines run to the column's right edge.
    left.forEach((t, i) => runs.push(run(t, 60, 720 - i * 24, i === 0 ? 18 : S)));
    right.forEach((t, i) => runs.push(run(t, 320, 720 - i * 24, i === 0 ? 18 : S)));
    const lines = layOut([page(runs)]).text.split('\n').filter(Boolean);
    assert.deepEqual(lines, [
      '目　录',
      '区政府文件',
      '关于发布森林防火禁火令的通告……1',
      '关于废止区政府文件的决定……2',
      '区办公室文件',
      '关于印发应急预案的通知……4',
      '关于印发行动计划的通知……13',
    ]);
  });

  it('a vertical motto (one character a line, stacked) reads as words; a letter-spaced masthead closes up', () => {
    const runs: Run[] = [run('重 庆 市 武 隆 区 人 民 政 府 公 报', 100, 700, 24)];
    ['传达政令', '宣传政策'].forEach((w, c) => [...w].forEach((ch, i) => runs.push(run(ch, 200 + c * 60, 640 - i * 24, 18))));
    const lines = layOut([page(runs)]).text.split('\n').filter(Boolean);
    assert.deepEqual(lines, ['重庆市武隆区人民政府公报', '传达政令', '宣传政策']);
  });

  it('running headers and page numbers are taken out by position; a paragraph broken by a page is one line', () => {
    const body = (p: number, lines: Array<[string, number]>) =>
      page([run('重庆市武隆区人民政府公报　2024年第2期', 200, 810, 9), ...lines.map(([t, x], i) => run(t, x, 700 - i * 24)), run(`·${p}·`, 290, 20, 9)]);
    const full = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const pages = [
      body(1, [['　　第一段开头', 60], [full, 60]]),
      body(2, [['接着上一页的句子。', 60], ['　　第二段。', 60]]),
      body(3, [['　　第三段。', 60]]),
    ];
    const got = layOut(pages);
    assert.deepEqual(got.text.split('\n').filter(Boolean), ['　　第一段开头', `${full}接着上一页的句子。`, '　　第二段。', '　　第三段。']);
    assert.deepEqual(got.furniture.map((f) => f.kind).sort(), ['page-number', 'page-number', 'page-number', 'running-header', 'running-header', 'running-header']);
  });
});

describe('tables by position', () => {
  /** A ruled table's rows: cells at fixed column starts, rows apart by more than the line pitch. */
  const rows = (cells: string[][], top: number): Run[] => cells.flatMap((r, i) => r.map((c, k) => run(c, 60 + k * 150, top - i * 30, 11)));
  const footer = (p: number) => run(`·${p}·`, 290, 20, 9);
  const head = ['序号', '文件名称', '文号'];
  const para = (y: number) => run('　　为做好法律法规的贯彻实施，决定对下列文件予以废止。', 60, y);

  it('rows read as tab-separated cells; a table continued on the next page stays one table', () => {
    const pages = [
      page([para(700), ...rows([head, ['1', '关于印发方案的通知', '武隆府发〔2016〕5号']], 660), footer(1)]),
      page([...rows([['2', '关于加强管理的通知', '武隆府办发〔2017〕60号']], 760), para(700), footer(2)]),
    ];
    const lines = layOut(pages).text.split('\n');
    const at = lines.indexOf('序号\t文件名称\t文号');
    assert.deepEqual(lines.slice(at, at + 3), ['序号\t文件名称\t文号', '1\t关于印发方案的通知\t武隆府发〔2016〕5号', '2\t关于加强管理的通知\t武隆府办发〔2017〕60号']);
  });

  it('a page that prints the header again starts a table of its own', () => {
    const pages = [
      page([...rows([head, ['1', '关于印发方案的通知', '武隆府发〔2016〕5号']], 660), footer(1)]),
      page([...rows([head, ['2', '关于加强管理的通知', '武隆府办发〔2017〕60号']], 760), footer(2)]),
    ];
    const lines = layOut(pages).text.split('\n');
    const second = lines.lastIndexOf('序号\t文件名称\t文号');
    assert.ok(second > lines.indexOf('序号\t文件名称\t文号'));
    assert.equal(lines[second - 1], '', 'a blank line before the repeated header');
  });
});
