/**
 * `gongbao ingest <dir>`: every supported file under the directory, told by its content (a .docx
 * named .bin, an OFD without an extension, a saved page as .htm), one line per file saying what
 * was read; what is no gazette format is listed as skipped, a broken file as failed (exit 2), and
 * the rest is stored.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { collectInputs } from '../src/cli/commands/ingest.js';
import { gbkPage, META, toDocx, toOfd, webPage } from './helpers/formats.js';
import { documentLines } from './helpers/sample-document.js';
import { sample } from './helpers/samples.js';

const run = promisify(execFile);
const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gongbao-dir-'));
const inbox = join(dir, 'inbox');

before(async () => {
  mkdirSync(join(inbox, 'web'), { recursive: true });
  copyFileSync(sample('003'), join(inbox, '公报2023-2.txt'));
  writeFileSync(join(inbox, '通知.bin'), await toDocx(documentLines('004', '武隆府办发〔2021〕32号')));
  writeFileSync(join(inbox, '公文36'), await toOfd(documentLines('002', '武隆府办发〔2024〕36号')));
  writeFileSync(join(inbox, 'web', 'content_26.htm'), gbkPage(webPage(documentLines('004', '武隆府办发〔2021〕26号'), { ...META, 文号: '武隆府办发〔2021〕26号' }, 'gb2312')));
  writeFileSync(join(inbox, 'README.md'), '# 收文\n本目录存放公报。\n');
  writeFileSync(join(inbox, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  writeFileSync(join(inbox, 'broken.pdf'), '%PDF-1.4\nthis is not really a pdf');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest a directory', () => {
  it('finds files by content; skips the rest with a reason', () => {
    const { files, skipped } = collectInputs([inbox]);
    assert.deepEqual(files.map((f) => f.slice(inbox.length + 1)).sort(), ['broken.pdf', 'web/content_26.htm', '公报2023-2.txt', '公文36', '通知.bin'].sort());
    assert.deepEqual(
      skipped.map((s) => [s.path.slice(inbox.length + 1), s.reason]).sort(),
      [
        ['README.md', '.md file (plain text is read from .txt files)'],
        ['photo.png', 'an image (put scans in a PDF and use --ocr)'],
      ],
    );
  });

  it('reports per file what it read, lists the broken one, stores the rest', async () => {
    const db = join(dir, 'dir.db');
    const r = await run(process.execPath, ['--import', 'tsx', MAIN, 'ingest', inbox, '--db', db], { maxBuffer: 16 << 20 }).then(
      () => assert.fail('a broken file makes the exit code 2'),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    assert.equal(r.code, 2);
    const out = r.stdout.trim().split('\n');
    const line = (name: string) => out.find((l) => l.startsWith(join(inbox, name)));
    assert.match(line('README.md')!, /: skipped — \.md file/);
    assert.match(line('photo.png')!, /: skipped — an image/);
    assert.match(line('公报2023-2.txt')!, /: utf-8, 重庆市武隆区人民政府公报 2023年第2期, 16 documents, \d+ warnings — added$/);
    assert.match(line('通知.bin')!, /: docx, .*, 1 document, \d+ warnings — added$/);
    assert.match(line('公文36')!, /: ofd, .*, 1 document, \d+ warnings — added$/);
    assert.match(line('web/content_26.htm')!, /: html\/gb18030, .*, 1 document, \d+ warnings — added$/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /^gongbao: .*broken\.pdf: not a readable PDF/);
    assert.match(out[out.length - 1]!, /^5 files: 4 issues \(4 added, 0 replaced, 0 unchanged\), 19 documents, \d+ warnings, 2 skipped, 1 failed$/);
  });
});
