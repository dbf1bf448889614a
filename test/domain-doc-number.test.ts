/** 文号: every printed variant normalises to one key; the whole agency code is the series. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ALL_SAMPLES } from './helpers/samples.js';
import { SCAN, findDocNumbers, formatDocNumber, normaliseDocNumber, parseDocNumber, sameDocNumber } from '../src/domain/doc-number.js';

describe('parseDocNumber', () => {
  it('reads the canonical form into agency, year and serial', () => {
    assert.deepEqual(parseDocNumber('武隆府办发〔2024〕17号'), { agency: '武隆府办发', year: 2024, serial: 17 });
  });

  for (const variant of ['武隆府办发[2024]17号', '武隆府办发(2024)17号', '武隆府办发［2024］17号', '武隆府办发（2024）17号', '武隆府办发〔２０２４〕１７号', '武隆府办发 〔2024〕 17 号', '武隆府辦發〔2024〕17號', '武隆府办发\n\n〔2024〕17号']) {
    it(`normalises ${JSON.stringify(variant)}`, () => assert.equal(normaliseDocNumber(variant), '武隆府办发〔2024〕17号'));
  }

  it('keeps the series apart: 武隆府办发, 武隆府办 and 渝府办发 are different documents', () => {
    const a = parseDocNumber('武隆府办发〔2024〕38号')!;
    assert.ok(!sameDocNumber(a, parseDocNumber('武隆府办〔2024〕38号')!));
    assert.ok(!sameDocNumber(a, parseDocNumber('渝府办发〔2024〕38号')!));
    assert.ok(sameDocNumber(a, parseDocNumber('武隆府办发[2024]38号')!));
  });

  it('refuses what is not a 文号', () => {
    for (const s of ['2024年6月13日', '〔2024〕17号', '武隆府办发〔24〕17号', '武隆府办发2024年17号', '']) assert.equal(parseDocNumber(s), null, s);
  });

  it('prints the canonical key', () => assert.equal(formatDocNumber({ agency: '国办发', year: 2023, serial: 19 }), '国办发〔2023〕19号'));
});

describe('findDocNumbers in running text', () => {
  it('finds each citation with its exact span, dropping the words glued before it', () => {
    const text = '根据《重庆市行政规范性文件管理办法》（渝府令〔2019〕329号）相关规定，对（武隆府办发〔2017〕60号）予以废止';
    const found = findDocNumbers(text);
    assert.deepEqual(found.map((f) => formatDocNumber(f.docNumber)), ['渝府令〔2019〕329号', '武隆府办发〔2017〕60号']);
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.raw);
  });

  it('joins a 文号 broken across narrow-column lines (000_: 发改运行\\n\\n〔2022〕1918号)', () => {
    const [f] = findDocNumbers('《关于做好春运工作的通知》（发改运行\n\n〔2022〕1918号）');
    assert.equal(formatDocNumber(f!.docNumber), '发改运行〔2022〕1918号');
  });

  it('does not take the words before it into the agency code (上位文件渝府办发…)', () => {
    const [f] = findDocNumbers('上位文件渝府办发〔2018〕109号已废止');
    assert.equal(f!.docNumber.agency, '渝府办发');
    const [g] = findDocNumbers('根据武隆府发〔2024〕9号');
    assert.equal(g!.docNumber.agency, '武隆府发');
  });
});

describe('old-style 文号 (year first, two digits)', () => {
  it('reads (78)交公路字412号 (field corpus 089) as 交公路字〔1978〕412号, and nothing newer that way', () => {
    assert.equal(normaliseDocNumber('(78)交公路字412号'), '交公路字〔1978〕412号');
    assert.equal(normaliseDocNumber('（21）某某发3号'), null);
  });
});

describe('findDocNumbers: SCAN tried only before each bracket', () => {
  // What SCAN finds trying every character, as findDocNumbers did before.
  const everywhere = (t: string) => [...t.matchAll(new RegExp(SCAN.source, 'g'))].map((m) => [m.index, m[0]]);
  const tried = (t: string) => {
    const out: Array<[number, string]> = [];
    for (const n of findDocNumbers(t)) {
      // findDocNumbers trims the agency; the match it came from ends where it ends.
      const m = everywhere(t).find(([i, s]) => (i as number) + (s as string).length === n.end);
      out.push([m?.[0] as number, m?.[1] as string]);
    }
    return out;
  };

  it('finds what SCAN finds from every character, on every sample', () => {
    for (const f of ALL_SAMPLES) {
      const t = readFileSync(f, 'utf8');
      assert.deepEqual(tried(t), everywhere(t), f);
    }
  });

  it('and on text made of agencies, brackets, years, spaces and numbers', () => {
    const piece = fc.constantFrom('武隆', '府办', '发', '区', '渝', '〔', '（', '[', '(', '2023', '１９', '20', '〕', '）', ']', '第', '12', '号', '號', ' ', '\n', '\u3000', '，', 'a', '《', '》', '关于印发');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (ps) => {
      const t = ps.join('');
      assert.deepEqual(tried(t), everywhere(t));
    }), { numRuns: 3000 });
  });
});
