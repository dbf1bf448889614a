/**
 * PDF → text through pdfjs-dist's text layer. Lines are rebuilt from the items' y positions,
 * pages separated by a blank line, so the result looks like the extracted texts we already repair.
 */
import { UserError } from '../domain/errors.js';

interface TextItemLike {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

export async function pdfToText(buf: Uint8Array, name: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 })
      .promise;
  } catch (err) {
    throw new UserError(`${name}: not a readable PDF (${(err as Error).message})`);
  }
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const lines: string[] = [];
    let current = '';
    let lastY: number | null = null;
    for (const raw of content.items) {
      if (!('str' in raw)) continue;
      const item = raw as TextItemLike;
      const y = item.transform[5] ?? 0;
      if (lastY !== null && Math.abs(y - lastY) > 2) {
        lines.push(current);
        current = '';
      }
      current += item.str;
      lastY = y;
      if (item.hasEOL) {
        lines.push(current);
        current = '';
        lastY = null;
      }
    }
    if (current) lines.push(current);
    pages.push(lines.join('\n'));
  }
  await doc.destroy();
  const text = pages.join('\n\n');
  if (text.replace(/\s+/g, '') === '') throw new UserError(`${name}: PDF has no text layer (scanned images need OCR first)`);
  return text;
}
