/** What every format adapter gives the reader: text laid out as the extracted samples are. */
import type { Artefact, Warning } from '../../domain/types.js';

export type Format = 'text' | 'pdf' | 'docx' | 'ofd' | 'html';

export interface Extracted {
  readonly format: Format;
  /** Shown as the source's encoding: utf-8, gb18030, pdf, pdf+ocr, docx, ofd, html/gb18030… */
  readonly encoding: string;
  readonly text: string;
  /** Page furniture the adapter took out by position (running headers, page numbers). */
  readonly furniture: Artefact[];
  /** What the adapter had to repair (invalid UTF-8 bytes read as U+FFFD, where). */
  readonly warnings?: Warning[];
}

export interface ExtractOptions {
  /** Run OCR (tesseract, chi_sim) on PDF pages without a text layer. */
  readonly ocr?: boolean;
}
