/**
 * A scan (a PDF page with no text layer): one clear line saying it needs OCR, exit 2; with --ocr,
 * tesseract (chi_sim) reads it. The scan is a typeset gazette page rasterised with pdftoppm and
 * printed back to PDF as an image by Chromium.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { UserError } from '../src/domain/errors.js';
import { ocrAvailable, tidyOcr } from '../src/ingest/formats/ocr.js';
import { parseBuffer } from '../src/ingest/index.js';
import { CHROMIUM, typesetSample } from './pdf/typeset.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gongbao-ocr-test-'));
const hasOcr = await ocrAvailable();
const skip =
  process.env.CI === 'true' ? false : !existsSync(CHROMIUM) ? `${CHROMIUM} not installed; OCR tests skipped` : !hasOcr ? 'tesseract with chi_sim or pdftoppm not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils); OCR tests skipped' : false;

describe('tesseract habits undone', () => {
  it('spaces between characters go, the 文号 gets its 六角括号 back', () => {
    assert.equal(tidyOcr('武隆府发[ 2024 ] 9号'), '武隆府发〔2024〕9号');
    assert.equal(tidyOcr('武隆府办发 2024 】 17号'), '武隆府办发〔2024〕17号');
    assert.equal(tidyOcr('区政府 特颁布 森林防火禁火令。'), '区政府特颁布森林防火禁火令。');
    assert.equal(tidyOcr('禁火时间 : 每年 7 月 10 日 ;'), '禁火时间：每年7月10日；');
    assert.equal(tidyOcr('1. 按照 GB 17691'), '1. 按照 GB 17691');
  });
});

describe('a scanned gazette page', { skip }, () => {
  let scan: Buffer;
  before(async () => {
    assert.ok(hasOcr, 'tesseract with chi_sim and pdftoppm are required under CI=true');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      // Page 4 of the typeset 002: the masthead, 文号, title and first paragraphs of 武隆府发〔2024〕9号.
      const typeset = await typesetSample('002', browser);
      await run('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', '-f', '4', '-l', '4', typeset, join(dir, 'page')]);
      const png = readFileSync(join(dir, 'page.png')).toString('base64');
      const page = await browser.newPage();
      await page.setContent(`<html><body style="margin:0"><img src="data:image/png;base64,${png}" style="width:210mm;height:297mm;display:block"></body></html>`);
      scan = await page.pdf({ format: 'A4', margin: { top: '0', bottom: '0', left: '0', right: '0' }, printBackground: true });
    } finally {
      await browser.close();
    }
    writeFileSync(join(dir, 'scan.pdf'), scan);
  });

  it('without --ocr: one line saying it needs OCR, exit 2', async () => {
    await assert.rejects(parseBuffer(scan, 'scan.pdf'), (e: unknown) => e instanceof UserError && /scan\.pdf: PDF has no text layer .*needs OCR.*--ocr/.test(e.message));
    const err = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'parse', join(dir, 'scan.pdf')]).catch((e) => e);
    assert.equal(err.code, 2);
    assert.equal(err.stderr.trim().split('\n').length, 1);
    assert.match(err.stderr, /needs OCR/);
  });

  it('with --ocr: the page is read by position, its 文号 and title found, lines wrapped at the edge rejoined', async () => {
    const r = await parseBuffer(scan, 'scan.pdf', undefined, { ocr: true });
    assert.equal(r.source.encoding, 'pdf+ocr');
    assert.equal(r.documents.length, 1);
    assert.equal(r.documents[0]!.docNumber, '武隆府发〔2024〕9号');
    assert.match(r.documents[0]!.title, /关于发布森林防火禁火令的通告$/);
    assert.ok(r.documents[0]!.body.some((b) => /^为有效预防和遏制森林火灾，.*区政府特颁布森林防火禁火令。$/.test(b.text)), 'first paragraph whole');
  });
});
