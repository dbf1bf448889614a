/** Layout artefacts cut out of real excerpts: vertical mastheads, page numbers, jump markers, running headers. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { removeArtefacts } from '../src/ingest/artefacts.js';
import { parseFile } from '../src/ingest/index.js';
import { sample } from './helpers/samples.js';

const lines000 = readFileSync(sample('000'), 'utf8').split('\n');
/** 1-based, inclusive, as `sed -n a,bp` prints them. */
const excerpt = (from: number, to: number) => lines000.slice(from - 1, to);

describe('removeArtefacts on 000_', () => {
  it('a one-character-per-line masthead (lines 5–16: 重庆市武隆区人民政府文件) goes, the title stays', () => {
    const { lines, artefacts } = removeArtefacts(excerpt(1, 20));
    assert.equal(artefacts.filter((a) => a.kind === 'masthead').map((a) => a.text.trim()).join(''), '重庆市武隆区人民政府文件');
    assert.match(lines.map((l) => l.text).join(''), /关于印发《武隆区政府工作报告》的通知/);
  });

  it('a partial vertical masthead and a page number mid-sentence (lines 410–425: 人民政府文件, ·4·)', () => {
    const { artefacts } = removeArtefacts(excerpt(410, 425));
    const masthead = artefacts.filter((a) => a.kind === 'masthead').map((a) => a.text.trim()).join('');
    assert.equal(masthead, '人民政府文件');
    assert.deepEqual(artefacts.filter((a) => a.kind === 'page-number').map((a) => [a.text.trim(), a.line]), [['·4·', 10]]);
  });

  it('even two characters left by a page break (lines 1617–1620: 重/庆)', () => {
    const { artefacts } = removeArtefacts(excerpt(1615, 1622));
    assert.deepEqual(artefacts.map((a) => a.text.trim()), ['重', '庆']);
  });

  it('jump markers are cut from their lines and remembered with their page', () => {
    const { lines, artefacts } = removeArtefacts([lines000[1534]!, lines000[2396]!]);
    assert.equal(lines[0]!.text, '展区政府领导干部带头讲法，加强重');
    assert.deepEqual(lines[0]!.jumps.map((j) => [j.direction, j.page]), [['out', 17]]);
    assert.equal(lines[1]!.text, '大行政决策合法性审查、民意调查和');
    assert.deepEqual(lines[1]!.jumps.map((j) => [j.direction, j.page]), [['in', 10]]);
    assert.equal(artefacts.length, 2);
  });

  it('single-character body lines are left alone', () => {
    assert.deepEqual(removeArtefacts(['一', '', '二', '', '三']).artefacts, []);
  });
});

describe('running headers', () => {
  it('000_ line 243: 重庆市武隆区人民政府文件 injected mid-sentence is discarded and the sentence rejoined', async () => {
    const r = await parseFile(sample('000'));
    assert.ok(r.discarded.some((a) => a.kind === 'running-header' && a.line === 243));
    const one = r.documents.find((d) => d.docNumber === '武隆府发〔2023〕1号')!;
    assert.match(one.text, /分别新增40家、4家、2家/);
  });

  it('000_ line 1616: the instrument title printed mid-sentence at a page break is discarded, the sentence rejoined', async () => {
    const r = await parseFile(sample('000'));
    assert.ok(r.discarded.some((a) => a.kind === 'running-header' && a.line === 1616 && a.text === '武隆区2023年安全生产与自然灾害防治工作要点'));
    const two = r.documents.find((d) => d.docNumber === '武隆府发〔2023〕2号')!;
    assert.match(two.text, /救援力量覆盖率以及应急救援、执法装备标准配备率达100%。/);
    assert.doesNotMatch(two.text, /武隆区2023年安全生产/);
  });

  it('000_ line 3329: the instrument title at the top of a page, between a heading and its text, is discarded', async () => {
    const r = await parseFile(sample('000'));
    assert.ok(r.discarded.some((a) => a.kind === 'running-header' && a.line === 3329));
    const doc = r.documents.find((d) => d.docNumber === '武隆府办〔2023〕4号')!;
    const i = doc.body.findIndex((b) => b.text === '三、工作重点');
    assert.match(doc.body[i + 1]!.text, /^（一）着力产业集聚/);
  });

  it('a title printed where titles belong stays: the instrument titles after the signature blocks of 002_–004_', async () => {
    for (const id of ['002', '003', '004']) {
      const r = await parseFile(sample(id));
      assert.deepEqual(r.discarded.filter((a) => a.kind === 'running-header' && !/文件$/.test(a.text.trim())), [], id);
    }
  });
});
