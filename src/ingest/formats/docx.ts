/**
 * Word (.docx) → text through mammoth: paragraphs and headings one line each (blank lines
 * between, as the extracted samples are), tables kept as rows and cells (tab-separated rows).
 */
import { UserError } from '../../domain/errors.js';
import { blocksToLines } from './html.js';
import type { Extracted } from './types.js';

export async function docxToText(buf: Uint8Array, name: string): Promise<Extracted> {
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(buf) }, { ignoreEmptyParagraphs: true })).value;
  } catch (err) {
    throw new UserError(`${name}: not a readable Word document (${(err as Error).message})`);
  }
  const { load } = await import('cheerio');
  const $ = load(`<body>${html}</body>`);
  const text = blocksToLines($, $('body')).join('\n');
  if (text.trim() === '') throw new UserError(`${name}: Word document with no text`);
  return { format: 'docx', encoding: 'docx', text, furniture: [] };
}
