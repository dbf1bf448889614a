/**
 * Damaged text is still text: a few invalid UTF-8 bytes, or a file cut mid-character, are read
 * with U+FFFD and a warning saying where (byte offset and line); bytes that are not text at all
 * are still refused.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { UserError } from '../src/domain/errors.js';
import { decodeText, parseBuffer } from '../src/ingest/index.js';
import { sample } from './helpers/samples.js';

const clean = readFileSync(sample('002'));
const lineAt = (buf: Uint8Array, offset: number) => buf.subarray(0, offset).filter((b) => b === 0x0a).length + 1;

/** 002_ with a stray 0xFF byte (never valid in UTF-8) put before three of its CJK characters. */
function damaged(): { buf: Buffer; offsets: number[] } {
  const at = [1000, 60_000, 150_000].map((o) => {
    while (clean[o]! < 0xe0) o++; // the first byte of a three-byte character
    return o;
  });
  const parts: Buffer[] = [];
  let from = 0;
  for (const o of at) parts.push(clean.subarray(from, o), Buffer.from([0xff])), (from = o);
  parts.push(clean.subarray(from));
  return { buf: Buffer.concat(parts), offsets: at.map((o, k) => o + k) };
}

test('three stray bytes: read as UTF-8 with three U+FFFD, and a warning per place with byte offset and line', async () => {
  const { buf, offsets } = damaged();
  const d = decodeText(buf, '002.txt');
  assert.equal(d.encoding, 'utf-8');
  assert.equal([...d.text.matchAll(/\uFFFD/g)].length, offsets.length);
  const r = await parseBuffer(buf, '002.txt');
  assert.deepEqual(
    r.documents.map((x) => x.docNumber),
    (await parseBuffer(clean, '002.txt')).documents.map((x) => x.docNumber),
  );
  const w = r.warnings.filter((x) => x.code === 'invalid-utf8');
  assert.equal(w.length, 1);
  for (const o of offsets) assert.match(w[0]!.message, new RegExp(`byte ${o} \\(line ${lineAt(buf, o)}\\)`));
});

test('a file cut in the middle of its last character is read, with a warning at the cut', async () => {
  let end = clean.length - 1;
  while (clean[end]! < 0xe0) end--; // last three-byte character
  const cut = clean.subarray(0, end + 2);
  const d = decodeText(cut, 'cut.txt');
  assert.equal(d.encoding, 'utf-8');
  assert.ok(d.text.endsWith('\uFFFD'));
  const r = await parseBuffer(cut, 'cut.txt');
  assert.ok(r.documents.length > 0);
  assert.match(r.warnings.find((x) => x.code === 'invalid-utf8')!.message, new RegExp(`byte ${end} \\(line ${lineAt(cut, end)}\\)`));
});

test('not text at all is still refused: random bytes, a PNG, UTF-8 with every tenth byte damaged', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 131) % 256))]);
  const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  const shredded = Buffer.from(clean.subarray(0, 30_000));
  for (let i = 0; i < shredded.length; i += 10) shredded[i] = 0xff;
  for (const [name, buf] of [['png.txt', png], ['noise.txt', noise], ['shredded.txt', shredded]] as const) {
    assert.throws(() => decodeText(buf, name), (e: unknown) => e instanceof UserError && /binary file/.test(e.message), name);
  }
});
