/** What a document is searched by, folded: shared by both backends so they index the same text. */
import type { OfficialDocument } from '../domain/types.js';
import { deidentifyDocument } from '../extract/privacy-mask.js';
import { fold } from './fold.js';

/**
 * What the index is fed, versioned: a store whose index was fed by an older version (before the
 * index held de-identified text, or with older privacy rules) feeds it again when it opens. Bump
 * when foldDocument or the privacy rules change what a document is indexed by (2: traditional
 * pages, persons named after their unit).
 */
export const INDEX_FEED_VERSION = 2;

export interface FoldedDoc {
  readonly title: string;
  readonly docnum: string;
  readonly body: string;
}

/**
 * The folded fields a document is searched by; traditional pages are found by simplified words.
 * The index holds the de-identified text: nobody finds a person by name or number, and snippets
 * (cut from this text) never show them; `released`: findings an editor marked public.
 */
export function foldDocument(stored: OfficialDocument, released: ReadonlySet<string> = new Set()): FoldedDoc {
  const doc = deidentifyDocument(stored, released);
  // Tables are searchable too; add their cells unless the document text already carries them.
  const missing = doc.tables.filter((t) => {
    const cell = [...t.header, ...t.rows.flat()].find((c) => c.trim().length >= 4);
    return cell !== undefined && !doc.text.includes(cell.trim());
  });
  const tables = missing.map((t) => [t.title ?? '', t.header.join(' '), ...t.rows.map((r) => r.join(' '))].join('\n'));
  const body = [doc.simplifiedText ?? doc.text, ...tables].join('\n');
  return { title: fold(doc.title), docnum: doc.docNumber ? fold(doc.docNumber) : '', body: fold(body) };
}
