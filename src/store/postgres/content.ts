/**
 * A document's bulky text as the SQLite store keeps it (sqlite/content.ts): body blocks, text,
 * simplified and original text and the folded search text in one brotli blob, packed in the parse
 * workers. The copies are near-identical, so brotli stores them about once (~5 KB a document,
 * against ~28 KB for four lz4 columns); the server neither compresses nor parses them. Writing and
 * reading the blob are sqlite/content.ts's (packedFor, unpackedFields); here, only migration 16's
 * packing of rows stored before it.
 */
import type { BodyBlock } from '../../domain/types.js';
import { pack } from '../packed-content.js';
import { splitSearchText } from './indexing.js';

/** A row of the columns migration 16 replaces, packed. */
export function packDocumentRow(r: { body: unknown; text: string; simplified_text: string | null; original_text: string; search_text: string }): Buffer {
  return pack({ body: r.body as BodyBlock[], text: r.text, simplifiedText: r.simplified_text, originalText: r.original_text, folded: splitSearchText(r.search_text) });
}
