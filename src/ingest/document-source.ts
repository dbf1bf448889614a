import type { Warning } from '../domain/types.js';

/**
 * The seam between splitting an issue (issue level) and reading one document's GB/T 9704
 * elements (document level). The splitter hands over one document's lines in reading order:
 * jump-continued pieces already joined, page numbers / running headers / jump markers already
 * removed, vertical one-character-per-line mastheads already collapsed to one line.
 * Blank lines and the narrow-column line breaks are still there.
 */
export interface DocumentSource {
  readonly lines: readonly string[];
  /**
   * The same lines as printed, where artefacts were cut out of them (a jump marker at the end of
   * 加强重（下转第17页）): the reader measures how full a line was on these. Defaults to `lines`.
   */
  readonly printed?: readonly string[];
  /** The extracted text as it stood (artefacts included), for the "original" view. */
  readonly originalText: string;
  /** What the 目录 / index say about this document, when the splitter matched an entry. */
  readonly hint?: { readonly title?: string; readonly docNumber?: string | null; readonly kind?: '报告' };
  /** Warnings the splitter raised for this document. */
  readonly warnings?: readonly Warning[];
}
