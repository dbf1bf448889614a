/**
 * Bytes → the text the reader consumes, whatever the format: sniffed from the content (a .txt
 * that is really a PDF is read as a PDF), then handed to one adapter per format. Radicals are
 * folded here, once, before anything reads the text.
 */
import { UserError } from '../../domain/errors.js';
import { decodeText, isPdf } from '../decode.js';
import { foldRadicals } from '../radicals.js';
import { docxToText } from './docx.js';
import { htmlToText, looksLikeHtml } from './html.js';
import { ofdToText } from './ofd.js';
import { pdfToText } from './pdf.js';
import type { ExtractOptions, Extracted, Format } from './types.js';

export type { Extracted, ExtractOptions, Format } from './types.js';

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

type Sniffed = { format: Format } | { unsupported: string };

const TEXT_NAME = /(\.(txt|text)|\/[^./]+)$/i;

/**
 * What a file found in a directory is, from its first bytes (4 KB do): PDF, zip (.docx or OFD —
 * told apart when read), web page, plain text; other files are skipped with the reason. Plain
 * text is taken from .txt files (and files without an extension) only: a README.md or a CSV
 * beside the gazettes is not one.
 */
export function sniffHead(head: Uint8Array, path: string): Sniffed | { format: 'zip' } {
  if (head.length === 0) return { unsupported: 'empty file' };
  if (isPdf(head)) return { format: 'pdf' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { format: 'zip' };
  const binary = binaryKind(head);
  if (binary) return { unsupported: binary };
  if (looksLikeHtml(head)) return { format: 'html' };
  if (TEXT_NAME.test(`/${path.replace(/\\/g, '/')}`)) return { format: 'text' };
  const ext = /\.([^./\\]+)$/.exec(path)?.[1] ?? '';
  return { unsupported: `.${ext.toLowerCase()} file (plain text is read from .txt files)` };
}

function binaryKind(buf: Uint8Array): string | null {
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) return 'a Word 97–2003 .doc (save it as .docx)';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47]) || startsWith(buf, [0xff, 0xd8, 0xff]) || startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) {
    return 'an image (put scans in a PDF and use --ocr)';
  }
  return null;
}

/** What the bytes are: a supported format, or the reason they are not. */
export async function sniff(buf: Uint8Array): Promise<Sniffed> {
  if (isPdf(buf)) return { format: 'pdf' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const { default: JSZip } = await import('jszip');
    let names: string[];
    try {
      names = Object.keys((await JSZip.loadAsync(buf)).files);
    } catch (err) {
      return { unsupported: `broken zip archive (${(err as Error).message})` };
    }
    if (names.includes('word/document.xml')) return { format: 'docx' };
    if (names.some((n) => /^\/?OFD\.xml$/i.test(n))) return { format: 'ofd' };
    return { unsupported: 'a zip archive that is neither a Word .docx nor an OFD' };
  }
  const binary = binaryKind(buf);
  if (binary) return { unsupported: binary };
  if (looksLikeHtml(buf)) return { format: 'html' };
  return { format: 'text' };
}

/** Read a file's bytes as text, by its content. Unsupported or broken input → UserError naming the file. */
export async function extract(buf: Uint8Array, name: string, opts: ExtractOptions = {}): Promise<Extracted> {
  if (buf.length === 0) throw new UserError(`${name}: empty file`);
  const kind = await sniff(buf);
  if ('unsupported' in kind) throw new UserError(`${name}: unsupported: ${kind.unsupported}`);
  const out = await adapter(kind.format)(buf, name, opts);
  return { ...out, text: foldRadicals(out.text) };
}

function adapter(format: Format): (buf: Uint8Array, name: string, opts: ExtractOptions) => Promise<Extracted> {
  switch (format) {
    case 'pdf':
      return pdfToText;
    case 'docx':
      return docxToText;
    case 'ofd':
      return ofdToText;
    case 'html':
      return htmlToText;
    case 'text':
      return async (buf, name) => {
        const d = decodeText(buf, name);
        return { format: 'text', encoding: d.encoding, text: d.text, furniture: [], ...(d.warnings ? { warnings: d.warnings } : {}) };
      };
  }
}
