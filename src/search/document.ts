/** What a document is searched by, folded: shared by both backends so they index the same text. */
import type { OfficialDocument } from '../domain/types.js';
import { documentMask, maskTable } from '../extract/privacy-mask.js';
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
  // The fields searched, as deidentifyDocument gives them (title and 文号 are never masked); only
  // these are masked: the whole document's blocks and original cost as much again.
  const mask = documentMask(stored, released) ?? ((s: string) => s);
  const searched = mask(stored.simplifiedText ?? stored.text);
  const text = stored.simplifiedText === undefined ? searched : stored.tables.length > 0 ? mask(stored.text) : '';
  // Tables are searchable too; add their cells unless the document text already carries them.
  const tables = stored.tables
    .map((t) => maskTable(t, mask))
    .filter((t) => {
      const cell = [...t.header, ...t.rows.flat()].find((c) => c.trim().length >= 4);
      return cell !== undefined && !text.includes(cell.trim());
    })
    .map((t) => [t.title ?? '', t.header.join(' '), ...t.rows.map((r) => r.join(' '))].join('\n'));
  const body = [searched, ...tables].join('\n');
  return { title: fold(stored.title), docnum: stored.docNumber ? fold(stored.docNumber) : '', body: fold(body) };
}
