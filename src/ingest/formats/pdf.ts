/**
 * PDF → text through pdfjs-dist's text items and their positions (`layout.ts` does the reading
 * order). A PDF without a text layer (a scan) needs OCR: refused with that reason, or — with
 * `ocr` — rasterised and read page by page (`ocr.ts`).
 */
import { UserError } from '../../domain/errors.js';
import { foldRadicals } from '../radicals.js';
import { layOut, type LaidPage, type Run } from './layout.js';
import { ocrPdf } from './ocr.js';
import type { ExtractOptions, Extracted } from './types.js';

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

async function readPages(buf: Uint8Array, name: string): Promise<LaidPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (err) {
    throw new UserError(`${name}: not a readable PDF (${(err as Error).message})`);
  }
  try {
    const pages: LaidPage[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [x0, y0, x1, y1] = page.view as number[];
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItemLike;
        if (item.str.trim() === '') continue;
        const [a = 0, b = 0, , d = 0, e = 0, f = 0] = item.transform;
        // Rotated text (a stamp, a sideways table) is read where it starts; its size is the glyph height.
        const size = Math.hypot(a, b) || Math.abs(d) || 1;
        runs.push({ text: foldRadicals(item.str), x: e - x0!, y: f - y0!, w: item.width, size });
      }
      pages.push({ width: x1! - x0!, height: y1! - y0!, runs });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export async function pdfToText(buf: Uint8Array, name: string, opts: ExtractOptions = {}): Promise<Extracted> {
  const pages = await readPages(buf, name);
  const { text, furniture } = layOut(pages);
  if (text.replace(/\s+/g, '') !== '') return { format: 'pdf', encoding: 'pdf', text, furniture };
  if (!opts.ocr) throw new UserError(`${name}: PDF has no text layer (a scan): it needs OCR — run again with --ocr (needs tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils)`);
  return { format: 'pdf', encoding: 'pdf+ocr', ...(await ocrPdf(buf, name)) };
}
