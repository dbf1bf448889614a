/**
 * OCR for scanned PDFs with Debian's tools: pdftoppm (poppler-utils) rasterises each page at
 * 200 dpi, tesseract (tesseract-ocr + chi_sim) reads it. One page at a time, so memory stays flat.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../../domain/errors.js';

const run = promisify(execFile);

/** Is `tesseract` installed with the simplified-Chinese model, and pdftoppm beside it? */
export async function ocrAvailable(): Promise<boolean> {
  try {
    const { stdout, stderr } = await run('tesseract', ['--list-langs']);
    await run('pdftoppm', ['-v']);
    return /\bchi_sim\b/.test(stdout + stderr);
  } catch {
    return false;
  }
}

const WIDE = '[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef《》“”]';

/**
 * tesseract's habits on Chinese print, undone: spaces between characters, and the 文号's
 * 六角括号 〔〕 read as [ ], 【】 or dropped (武隆府发[ 2024 ] 9号 → 武隆府发〔2024〕9号).
 */
export function tidyOcr(text: string): string {
  return text
    .replace(new RegExp(`(?<=${WIDE}) +(?=${WIDE})`, 'g'), '')
    .replace(/([\u4e00-\u9fa5]{2,10}?[发办函字令]?)\s*[〔\[［【(（{]?\s*((?:19|20)\d{2})\s*[〕\]］】)）}]\s*(\d{1,4})\s*号/g, '$1〔$2〕$3号');
}

/** Text of one page image. */
export async function ocrImage(png: string): Promise<string> {
  const { stdout } = await run('tesseract', [png, '-', '-l', 'chi_sim', '--psm', '6'], { maxBuffer: 64 << 20 });
  return tidyOcr(stdout);
}

export async function ocrPdf(buf: Uint8Array, name: string): Promise<string> {
  if (!(await ocrAvailable())) throw new UserError(`${name}: --ocr needs tesseract with chi_sim and pdftoppm (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)`);
  const dir = await mkdtemp(join(tmpdir(), 'gongbao-ocr-'));
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, buf);
    const { stdout } = await run('pdfinfo', [pdf]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
    const texts: string[] = [];
    for (let p = 1; p <= pages; p++) {
      await run('pdftoppm', ['-r', '200', '-gray', '-png', '-f', String(p), '-l', String(p), pdf, join(dir, 'page')]);
      const png = (await readdir(dir)).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
      texts.push(await ocrImage(join(dir, png)));
      await rm(join(dir, png));
    }
    return texts.join('\n\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
