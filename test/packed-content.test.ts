/**
 * The packed blob writes the body blocks' texts as places in the text (packed-content.ts): every
 * document must come back exactly as packed — block keys in their order — and blobs packed before,
 * with the texts written out, must still be read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { pack, unpack, unpackedFields } from '../src/store/packed-content.js';
import { foldDocument } from '../src/search/document.js';
import { parseFile } from '../src/ingest/index.js';
import type { BodyBlock } from '../src/domain/types.js';
import { ALL_SAMPLES } from './helpers/samples.js';

const contentOf = (d: { body: BodyBlock[]; text: string; simplifiedText?: string; originalText: string }) => ({
  body: d.body, text: d.text, simplifiedText: d.simplifiedText ?? null, originalText: d.originalText,
});
const rest = (b: Buffer) => brotliDecompressSync(b).toString('utf8').split('\u0000')[1]!;

test('every sample document comes back from its blob as it went in, block keys in order, without its body texts written twice', async () => {
  const docs = (await Promise.all(ALL_SAMPLES.map((f) => parseFile(f)))).flatMap((r) => r.documents);
  assert.ok(docs.length > 50);
  for (const d of docs) {
    const b = pack({ ...contentOf(d), folded: foldDocument(d) });
    assert.equal(JSON.stringify(unpackedFields(b)), JSON.stringify({ body: d.body, text: d.text, ...(d.simplifiedText ? { simplifiedText: d.simplifiedText } : {}), originalText: d.originalText }), d.id);
    const long = d.body.find((x) => x.text.length > 20);
    if (long) assert.ok(!rest(b).includes(JSON.stringify(long.text)), `${d.id}: a block's text written out`);
  }
});

test('a body whose blocks are not the text in order keeps its texts, and comes back whole', () => {
  const body: BodyBlock[] = [{ level: 0, text: '第二段' }, { level: 1, marker: '一、', text: '第一段' }];
  const c = { body, text: '第一段\n第二段', simplifiedText: null, originalText: '第一段 第二段' };
  const b = pack({ ...c, folded: { title: '', docnum: '', body: c.text } });
  assert.ok(rest(b).includes('"第二段"'));
  assert.deepEqual(unpack(b).body, body);
});

test('a blob packed before the body texts were left out is read as written', () => {
  const body: BodyBlock[] = [{ level: 0, text: '关于印发' }, { level: 1, marker: '一、', text: '总体要求', attachment: 1 }];
  const c = { body, text: '关于印发\n总体要求', simplifiedText: null, originalText: '关于印发\n总体要求' };
  const old = brotliCompressSync(Buffer.from(`${JSON.stringify({ title: 't', docnum: '', body: c.text })}\u0000${JSON.stringify(c)}`, 'utf8'));
  assert.deepEqual(unpackedFields(old), { body, text: c.text, originalText: c.originalText });
});
