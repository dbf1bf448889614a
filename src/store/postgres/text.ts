/**
 * What the PostgreSQL store indexes for one document. Folding and segmentation come from
 * src/search, the same functions the SQLite store uses, so both backends find the same things.
 */
import type { OfficialDocument } from '../../domain/types.js';
import { fold } from '../../search/fold.js';
import type { Segmenter } from '../../search/segment.js';

export interface SearchFields {
  /** Folded title, 文号 and body, one line each before the body: substring matching runs over it. */
  readonly searchText: string;
  /** Space-joined jieba words, fed to to_tsvector('simple', …). */
  readonly titleWords: string;
  readonly docNumberWords: string;
  readonly bodyWords: string;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function documentSearchFields(d: OfficialDocument, seg: Segmenter): SearchFields {
  const title = oneLine(fold(d.title));
  const docNumber = oneLine(fold(d.docNumber ?? ''));
  const body = fold(d.text);
  return {
    searchText: `${title}\n${docNumber}\n${body}`,
    titleWords: seg.indexText(title),
    docNumberWords: seg.indexText(docNumber),
    bodyWords: seg.indexText(body),
  };
}

/** The folded body back out of a search_text (after the title and 文号 lines). */
export function bodyOf(searchText: string): string {
  const i = searchText.indexOf('\n', searchText.indexOf('\n') + 1);
  return i < 0 ? searchText : searchText.slice(i + 1);
}
