/**
 * A document's bulky text as the SQLite store keeps it (sqlite/content.ts): body blocks, text,
 * simplified and original text and the folded search text in one brotli blob, packed in the parse
 * workers. The copies are near-identical, so brotli stores them about once (~5 KB a document,
 * against ~28 KB for four lz4 columns); the server neither compresses nor parses them.
 */
import type { BodyBlock, OfficialDocument } from '../../domain/types.js';
import { asBuffer, packDocument, pack, unpack } from '../sqlite/content.js';
import { splitSearchText, type FoldedDoc } from './indexing.js';

/** The blob for a document being stored: the one the parse workers packed, else packed now. */
export function packedFor(doc: OfficialDocument, folded: FoldedDoc, prepared: Uint8Array | undefined): Buffer {
  return prepared ? asBuffer(prepared) : packDocument(doc, folded);
}

/** A row of the columns migration 16 replaces, packed. */
export function packDocumentRow(r: { body: unknown; text: string; simplified_text: string | null; original_text: string; search_text: string }): Buffer {
  return pack({ body: r.body as BodyBlock[], text: r.text, simplifiedText: r.simplified_text, originalText: r.original_text, folded: splitSearchText(r.search_text) });
}

/** The fields of OfficialDocument the blob holds (optional fields absent rather than null, as the parser emits them). */
export function unpackedFields(b: Buffer): Pick<OfficialDocument, 'body' | 'text' | 'originalText' | 'simplifiedText'> {
  const c = unpack(b);
  return { body: c.body, text: c.text, ...(c.simplifiedText != null ? { simplifiedText: c.simplifiedText } : {}), originalText: c.originalText };
}
