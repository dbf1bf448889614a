/**
 * Snippets cut from the head of a packed blob (content.ts foldedHead, search.ts excerptOf) must be
 * the snippets the whole folded body gives: the head is a true prefix of the body, and an excerpt
 * is taken from it only when the whole text could not place it otherwise.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldedHead, pack, unpackFolded } from '../src/store/packed-content.js';
import { excerptOf } from '../src/store/sqlite/search.js';
import { foldDocument } from '../src/search/document.js';
import { parseFile } from '../src/ingest/index.js';
import { ALL_SAMPLES } from './helpers/samples.js';

const packed = (body: string) => pack({ body: [], text: body, simplifiedText: null, originalText: body, folded: { title: '关于"测试"的通知', docnum: '武府发〔2024〕1号', body } });

test('the head of a blob is a prefix of its folded body, whatever the text (escapes, surrogate pairs, cuts mid-character)', () => {
  const chars = fc.constantFrom('政', '府', '\n', '"', '\\', '\u0001', '𠀀', 'a', 'Z', '〔', ' ', '\t', '\u2028');
  fc.assert(fc.property(fc.array(chars, { minLength: 0, maxLength: 3000 }).map((a) => a.join('')), fc.integer({ min: 1, max: 4000 }), (body, bytes) => {
    const b = packed(body);
    const head = foldedHead(b, bytes);
    if (head === null) return;
    if (head.whole) assert.equal(head.body, body);
    else assert.ok(body.startsWith(head.body), `not a prefix at ${bytes} bytes`);
  }), { numRuns: 300 });
});

test('a head of real documents is read as far as it was decoded, and excerpts from it equal those from the whole body', async () => {
  const docs = (await Promise.all(ALL_SAMPLES.map((f) => parseFile(f)))).flatMap((r) => r.documents).filter((d) => d.text.length > 3000);
  assert.ok(docs.length >= 5);
  let partial = 0;
  for (const d of docs) {
    const folded = foldDocument(d);
    const b = pack({ body: d.body, text: d.text, simplifiedText: d.simplifiedText ?? null, originalText: d.originalText, folded });
    assert.equal(unpackFolded(b).body, folded.body);
    const head = foldedHead(b, 1536)!;
    assert.ok(head && !head.whole && head.body.length > 400 && folded.body.startsWith(head.body));
    // Needles at the start, in the middle and at the end of the body, and one found nowhere.
    const at = (f: number) => folded.body.slice(Math.floor(folded.body.length * f), Math.floor(folded.body.length * f) + 4).replace(/\s/g, '');
    for (const needles of [[at(0.01)], [at(0.5)], [at(0.99)], ['无此词语'], [at(0.5), at(0.02)]]) {
      const want = excerptOf(folded.body, needles, false, Math.max(...needles.map((n) => n.length)), false);
      const got = excerptOf(head.body, needles, false, Math.max(...needles.map((n) => n.length)), true);
      if (got !== null) partial++, assert.equal(got, want, `${d.title}: ${needles.join(' ')}`);
    }
  }
  assert.ok(partial >= docs.length, `only ${partial} excerpts came from heads`);
});

test('a head cut inside an escape (a line break, a quote) is still read, short of the escape', () => {
  // Varied text (a repeated one compresses to nothing), an escape every few characters.
  let x = 7;
  const body = Array.from({ length: 3000 }, (_, i) => (i % 5 === 4 ? ['\n', '"', '\\', '\u0001'][i % 4]! : String.fromCharCode(0x4e00 + ((x = (x * 48271) % 2147483647) % 3000)))).join('');
  const b = packed(body);
  let read = 0;
  for (let bytes = 200; bytes < 1500; bytes++) {
    const head = foldedHead(b, bytes);
    if (head !== null && !head.whole && body.startsWith(head.body)) read++;
  }
  assert.equal(read, 1300);
});
