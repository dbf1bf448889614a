/** Tables: tab-separated rows (003_), markdown pipe tables with <p> cells (004_), HTML. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDocument } from '../src/ingest/document.js';
import { cleanCell, findTableRuns, parseTable, sameHeader } from '../src/ingest/tables.js';
import { sampleLines, sampleSource } from './ingest-sample-lines.js';

describe('tab-separated tables (003_)', () => {
  it('reads the repeal list of 武隆府发〔2023〕16号 as header + 3 rows', () => {
    const lines = sampleLines('003', 809, 815);
    const [run] = findTableRuns(lines);
    assert.deepEqual({ start: run!.start, end: run!.end, source: run!.source }, { start: 2, end: 6, source: 'tab' });
    const t = parseTable(lines.slice(run!.start, run!.end), 'tab');
    assert.deepEqual(t.header, ['序号', '文件名称', '文件号', '废止理由']);
    assert.equal(t.rows.length, 3);
    assert.equal(t.rows[0]![2], '武隆府办发〔2018〕42号');
  });

  it('keeps rows with lost merged cells as given, padded to the widest row', () => {
    const lines = sampleLines('003', 839, 851);
    const t = parseTable(lines, 'tab');
    assert.deepEqual(t.header, ['补偿科目', '单项明细', '补偿标准', '', '说明及要求']);
    assert.equal(t.rows.length, 12);
    assert.ok(t.rows.every((r) => r.length === 5));
    assert.deepEqual(t.rows[1]!.slice(0, 3), ['', '', '产权调换']);
  });

  it('does not merge two pieces whose headers put the empty column in different places', () => {
    const a = parseTable(sampleLines('003', 839, 851), 'tab');
    const b = parseTable(sampleLines('003', 853, 863), 'tab');
    assert.equal(sameHeader(a.header, b.header), false);
    const doc = buildDocument(sampleSource('003', [816, 864]));
    assert.deepEqual(doc.tables.map((t) => [t.source, t.rows.length]), [['tab', 12], ['tab', 10]]);
    assert.equal(doc.tables[0]!.title, '重庆市武隆区国有土地上房屋征收损失补偿和奖励补助标准');
  });
});

describe('markdown tables (004_)', () => {
  it('strips <p> tags inside cells into line breaks', () => {
    assert.equal(cleanCell(' <p>（一）加强工作指导。</p> <p>1. 加强队伍建设。</p> '), '（一）加强工作指导。\n1. 加强队伍建设。');
    const lines = sampleLines('004', 753, 756);
    const t = parseTable(lines, 'markdown');
    assert.deepEqual(t.header, ['工作任务', '贯彻举措', '牵头单位', '责任单位']);
    assert.equal(t.rows.length, 2);
    assert.match(t.rows[0]![1]!, /^1\. 区政府各部門、各乡镇（街道）要探索建立“政策解读专员”制度.*\n2\. 12345政务服务便民热线/s);
    assert.doesNotMatch(t.rows.flat().join(''), /<\/?p>/);
  });

  it('joins the pieces of the 蓝天行动 table that repeat its header, and keeps rows out of the body', () => {
    const doc = buildDocument(sampleSource('004', [600, 697]));
    const big = doc.tables.find((t) => t.header[0] === '序号' && t.header[1] === '类别');
    assert.ok(big);
    // Items 1–36 plus the second row of item 9 (its first cell lost to a merged cell).
    assert.equal(big.rows.length, 37);
    assert.deepEqual(big.rows.map((r) => r[0]).filter((c) => c === '').length, 1);
    assert.equal(big.rows[36]![0], '36');
    assert.ok(doc.body.every((b) => !b.text.includes('|')));
    assert.ok(doc.text.includes('36\t加强预警预报\t'));
  });

  it('places the 政务公开 task division after the attachment title block', () => {
    const doc = buildDocument(sampleSource('004', [699, 793]));
    assert.equal(doc.tables.length, 3);
    const first = doc.tables[0]!;
    assert.equal(first.title, '武隆区贯彻落实国务院办公厅2021年政务公开工作要点任务分工');
    assert.equal(doc.body[first.afterBlock]!.text, first.title);
    assert.equal(doc.body[first.afterBlock]!.attachment, 2);
  });
});

describe('HTML tables', () => {
  it('reads <tr>/<td> rows', () => {
    const lines = ['<table><tr><th>序号</th><th>文件名称</th></tr>', '<tr><td>1</td><td><p>关于…的通知</p></td></tr></table>'];
    const [run] = findTableRuns(lines);
    const t = parseTable(lines.slice(run!.start, run!.end), run!.source);
    assert.deepEqual([t.header, t.rows], [['序号', '文件名称'], [['1', '关于…的通知']]]);
  });
});
