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
import type { Artefact } from '../../domain/types.js';
import { layOut, type LaidPage, type Run } from './layout.js';

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
 * tesseract's habits on Chinese print, undone: spaces between characters and around numbers,
 * half-width punctuation after Chinese text, and the 文号's
 * 六角括号 〔〕 read as [ ], 【】 or dropped (武隆府发[ 2024 ] 9号 → 武隆府发〔2024〕9号).
 */
const HALF_TO_FULL: Record<string, string> = { ':': '：', ';': '；', ',': '，', '?': '？', '!': '！', '(': '（', ')': '）' };

export function tidyOcr(text: string): string {
  return text
    .replace(new RegExp(`(?<=${WIDE}) *([:;,?!()]) *`, 'g'), (_m, p: string) => HALF_TO_FULL[p]!)
    .replace(new RegExp(`(?<=${WIDE}) +(?=${WIDE}|[0-9])|(?<=[0-9]) +(?=${WIDE})`, 'g'), '')
    .replace(/([\u4e00-\u9fa5]{2,10}?[发办函字令]?)\s*[〔\[［【(（{]?\s*((?:19|20)\d{2})\s*[〕\]］】)）}]\s*(\d{1,4})\s*号/g, '$1〔$2〕$3号');
}

/**
 * One page image → its lines as runs at their place (tesseract's TSV: level 4 boxes are lines,
 * level 5 words), so the page goes through the same position reading as a PDF: running headers,
 * page numbers and wrapped lines are handled alike. Sizes are the page's median line height —
 * ink boxes vary with the characters on the line, print sizes do not.
 */
export async function ocrPage(png: string): Promise<LaidPage> {
  const { stdout } = await run('tesseract', [png, '-', '-l', 'chi_sim', '--psm', '6', 'tsv'], { maxBuffer: 64 << 20 });
  const rows = stdout.split('\n').slice(1).map((l) => l.split('\t')).filter((c) => c.length >= 12);
  const num = (c: string[], k: number) => Number(c[k]);
  const page = rows.find((c) => c[0] === '1');
  const width = page ? num(page, 8) : 0;
  const height = page ? num(page, 9) : 0;
  const lines = new Map<string, { box: string[]; words: string[] }>();
  for (const c of rows) {
    const key = c.slice(1, 5).join(':');
    if (c[0] === '4') lines.set(key, { box: c, words: [] });
    else if (c[0] === '5' && c[11]!.trim()) lines.get(key)?.words.push(c[11]!.trim());
  }
  const boxes = [...lines.values()].filter((l) => l.words.length);
  const heights = boxes.map((l) => num(l.box, 9)).sort((a, b) => a - b);
  const size = heights[Math.floor(heights.length / 2)] ?? 12;
  const runs: Run[] = boxes.map(({ box, words }) => ({
    text: words.join(' '),
    x: num(box, 6),
    y: height - (num(box, 7) + num(box, 9)),
    w: num(box, 8),
    size,
  }));
  return { width, height, runs };
}

export async function ocrPdf(buf: Uint8Array, name: string): Promise<{ text: string; furniture: Artefact[] }> {
  if (!(await ocrAvailable())) throw new UserError(`${name}: --ocr needs tesseract with chi_sim and pdftoppm (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)`);
  const dir = await mkdtemp(join(tmpdir(), 'gongbao-ocr-'));
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, buf);
    const { stdout } = await run('pdfinfo', [pdf]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
    const laid: LaidPage[] = [];
    for (let p = 1; p <= pages; p++) {
      await run('pdftoppm', ['-r', '200', '-gray', '-png', '-f', String(p), '-l', String(p), pdf, join(dir, 'page')]);
      const png = (await readdir(dir)).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
      laid.push(await ocrPage(join(dir, png)));
      await rm(join(dir, png));
    }
    const { text, furniture } = layOut(laid);
    return { text: tidyOcr(text), furniture: furniture.map((f) => ({ ...f, text: tidyOcr(f.text) })) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
