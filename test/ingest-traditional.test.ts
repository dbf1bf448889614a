/** Pages in traditional characters (003_): text kept as printed, a simplified form added for search. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as OpenCC from 'opencc-js/t2cn';
import { buildDocument } from '../src/ingest/document.js';
import { simplifiedIfTraditional, toSimplified } from '../src/ingest/traditional.js';
import { sampleLines, sampleSource } from './ingest-sample-lines.js';
import { SAMPLES_DIR } from './helpers/samples.js';

describe('traditional characters', () => {
  it('converts a traditional line of 003_ and leaves simplified text alone', () => {
    const line = sampleLines('003', 1068, 1068)[0]!;
    assert.equal(line, '（六）推進綠色低碳發展。');
    assert.equal(toSimplified(line), '（六）推进绿色低碳发展。');
    assert.equal(simplifiedIfTraditional(sampleLines('002', 74, 136).join('\n')), null);
  });

  it('reads the traditional-character notice 武隆府辦〔2023〕11號 with the same rules', () => {
    const doc = buildDocument(sampleSource('003', [1637, 1678]));
    assert.equal(doc.docNumber, '武隆府办〔2023〕11号');
    assert.equal(doc.title, '重慶市武隆區人民政府辦公室關於建立重慶市武隆區統計工作聯席會議制度的通知');
    assert.equal(doc.issuer, '重慶市武隆區人民政府辦公室');
    assert.equal(doc.kind, '通知');
    assert.equal(doc.addressees, '各街道辦事處，各鄉鎮人民政府，區政府各部門，有關單位');
    assert.ok(doc.text.startsWith('重慶市武隆區人民政府辦公室文件'));
    assert.ok(doc.simplifiedText?.includes('重庆市武隆区人民政府办公室关于建立重庆市武隆区统计工作联席会议制度的通知'));
    assert.deepEqual(doc.body.filter((b) => b.level === 1).map((b) => b.heading), ['主要職能', '成員單位', '工作機制', '工作要求']);
  });

  it('adds simplifiedText for a traditional page in the middle of a simplified document', () => {
    const doc = buildDocument(sampleSource('003', [1040, 1095]));
    assert.ok(doc.text.includes('推進綠色低碳發展'));
    assert.ok(doc.simplifiedText?.includes('推进绿色低碳发展'));
  });

  it('gives no simplifiedText when the document has no traditional characters', () => {
    const doc = buildDocument(sampleSource('002', [107, 123]));
    assert.equal(doc.simplifiedText, undefined);
    assert.equal('simplifiedText' in doc, false);
  });

  it('converts exactly as OpenCC.Converter does: every sample, every dictionary entry in context', () => {
    const opencc = OpenCC.Converter({ from: 't', to: 'cn' });
    const texts = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${SAMPLES_DIR}/${f}`, 'utf8'));
    // Every key of every dictionary of the t2s configuration, alone, in runs (so phrases overlap
    // and compete for the longest match) and between simplified text and surrogate pairs.
    const config = OpenCC.Locale.configs.t2s as unknown as { normalizationChain: string[][]; conversionChain: string[][] };
    const keys = [...config.normalizationChain, ...config.conversionChain].flat().flatMap((d) => d.split('|').map((e) => e.split(' ')[0]!));
    assert.ok(keys.length > 4000, `${keys.length} entries`);
    for (let i = 0; i < keys.length; i += 7) texts.push(keys.slice(i, i + 7).join(''), `一${keys.slice(i, i + 7).join('覆𠀀')}发`);
    texts.push(keys.join(''), keys.join('\n'), '', '覆盖', '𠀀𡃁𨋢', '⿰氵每海');
    for (const t of texts) assert.equal(toSimplified(t), opencc(t), t.slice(0, 40));
    const plain = sampleLines('002', 74, 136).join('\n');
    assert.equal(toSimplified(plain), plain);
  });
});
