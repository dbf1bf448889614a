/** Input handling: every supported encoding gives the same documents; bad input one clear line. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { UserError } from '../src/domain/errors.js';
import { parseBuffer } from '../src/ingest/index.js';
import { sample } from './helpers/samples.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gongbao-input-'));

/** A one-page PDF; `text` null gives a page with no text layer (a scan). */
function pdf(text: string | null): Buffer {
  const stream = text === null ? '' : `BT /F1 12 Tf 72 712 Td (${text}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const summary = (r: Awaited<ReturnType<typeof parseBuffer>>) => r.documents.map((d) => [d.docNumber, d.title, d.signedOn]);

describe('encodings', () => {
  const text = readFileSync(sample('002'), 'utf8');
  const expected = parseBuffer(Buffer.from(text, 'utf8'), '002.txt').then(summary);

  for (const [name, buf, encoding] of [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8-bom'],
    ['GB18030', iconv.encode(text, 'gb18030'), 'gb18030'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
  ] as const) {
    it(`reads ${name} to the same documents`, async () => {
      const r = await parseBuffer(buf, `002-${encoding}.txt`);
      assert.equal(r.source.encoding, encoding);
      assert.deepEqual(summary(r), await expected);
    });
  }
});

describe('bad input gets one clear error naming the file', () => {
  const cases: Array<[string, Buffer, RegExp]> = [
    ['empty.txt', Buffer.alloc(0), /empty\.txt: empty file/],
    ['blank.txt', Buffer.from('  \n\n \n'), /blank\.txt: empty file/],
    ['binary.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /binary\.bin: binary file/],
    ['novel.txt', Buffer.from('从前有座山，山里有座庙。\n庙里有个老和尚。\n'), /novel\.txt: not an official document: no title, 文号/],
    ['scan.pdf', pdf(null), /scan\.pdf: PDF has no text layer/],
    ['letter.pdf', pdf('Dear reader, this is not a gazette.'), /letter\.pdf: not Chinese text/],
    ['broken.pdf', Buffer.from('%PDF-1.4\nthis is not really a pdf'), /broken\.pdf: /],
  ];
  for (const [name, buf, message] of cases) {
    it(name, async () => {
      await assert.rejects(parseBuffer(buf, name), (err: unknown) => err instanceof UserError && message.test(err.message));
    });
  }

  it('the CLI prints one line, exit code 2, no stack trace', async () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const err = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'parse', file]).then(
      () => assert.fail('expected exit code 2'),
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    assert.equal(err.code, 2);
    assert.equal(err.stderr.trim().split('\n').length, 1);
    assert.match(err.stderr, /empty\.txt: empty file/);
    assert.doesNotMatch(err.stderr, /at .*\.ts:\d+/);
  });

  it('a missing file is a clear error too', async () => {
    const err = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'parse', join(dir, 'nope.txt')]).catch((e) => e);
    assert.equal(err.code, 2);
    assert.match(err.stderr, /nope\.txt: cannot read \(ENOENT\)/);
  });
});
