/**
 * A document's bulky text, stored once: body blocks, repaired text, simplified text, original text
 * and the folded search text in one brotli-compressed JSON blob. The copies are near-identical, so
 * brotli's window stores them about once (0.55 bytes per byte of text on the scale corpus); the
 * trigram, word and bigram indexes are contentless and snippets are cut from the folded copy here.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { BodyBlock, OfficialDocument } from '../domain/types.js';
import type { FoldedDoc } from '../search/document.js';

export interface PackedContent {
  readonly body: BodyBlock[];
  readonly text: string;
  readonly simplifiedText: string | null;
  readonly originalText: string;
  readonly folded: FoldedDoc;
}

/**
 * Quality 3: a third of the size of deflate's level 1 in less time (0.21 ms per document in a
 * parse worker; quality 4 took 0.31 ms for 4 % smaller blobs, 0.02× of the text).
 * The folded text comes first, then a NUL (JSON escapes it), then the rest: a snippet decodes
 * only the folded part, not the whole document.
 */
export function pack(c: PackedContent): Buffer {
  const { folded, ...rest } = c;
  const raw = Buffer.from(`${JSON.stringify(folded)}\u0000${JSON.stringify(withoutBodyTexts(rest))}`, 'utf8');
  return brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 3, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length, [constants.BROTLI_PARAM_LGWIN]: 22 },
  });
}

type Rest = Omit<PackedContent, 'folded'>;

/**
 * The body blocks' texts are the text's paragraphs, in order: each is written as its length and
 * `bodyAt` holds where it starts in the text (a fifth less for brotli to read: 36 µs a document,
 * and 200 bytes). Blobs packed before (or a body not found in order) keep their texts.
 */
function withoutBodyTexts(r: Rest): Rest | (Omit<Rest, 'body'> & { body: unknown[]; bodyAt: number[] }) {
  const bodyAt: number[] = [];
  let from = 0;
  for (const b of r.body) {
    const at = r.text.indexOf(b.text, from);
    if (at < 0) return r;
    bodyAt.push(at);
    from = at + b.text.length;
  }
  // The text's key keeps its place among the block's keys (a spread keeps the first position).
  return { ...r, body: r.body.map((b) => ({ ...b, text: b.text.length })), bodyAt };
}

function withBodyTexts(r: Rest & { bodyAt?: number[] }): Rest {
  const { bodyAt, ...rest } = r;
  if (bodyAt === undefined) return rest;
  const body = (rest.body as unknown as Array<{ text: number }>).map((b, i) => ({ ...b, text: rest.text.slice(bodyAt[i], bodyAt[i]! + b.text) }));
  return { ...rest, body: body as BodyBlock[] };
}

/** A document's content packed with the folded text it is indexed by (also run in parse workers). */
export function packDocument(d: OfficialDocument, folded: FoldedDoc): Buffer {
  return pack({ body: d.body, text: d.text, simplifiedText: d.simplifiedText ?? null, originalText: d.originalText, folded });
}

/** A blob that crossed a thread boundary (a Uint8Array) as the Buffer better-sqlite3 binds. */
export function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** The blob for a document being stored: the one a parse worker packed, else packed now. */
export function packedFor(doc: OfficialDocument, folded: FoldedDoc, prepared: Uint8Array | undefined): Buffer {
  return prepared ? asBuffer(prepared) : packDocument(doc, folded);
}

/** The fields of OfficialDocument the blob holds (optional fields absent rather than null, as the parser emits them). */
export function unpackedFields(b: Buffer): Pick<OfficialDocument, 'body' | 'text' | 'originalText' | 'simplifiedText'> {
  const c = unpack(b);
  return { body: c.body, text: c.text, ...(c.simplifiedText != null ? { simplifiedText: c.simplifiedText } : {}), originalText: c.originalText };
}

export function unpack(b: Buffer): PackedContent {
  const raw = brotliDecompressSync(b);
  const nul = raw.indexOf(0);
  return { folded: JSON.parse(raw.toString('utf8', 0, nul)), ...withBodyTexts(JSON.parse(raw.toString('utf8', nul + 1))) } as PackedContent;
}

/**
 * Only the folded search text: what snippets and re-segmentation read. The later copies cost few
 * compressed bytes but most of the decoding (they are copies of the first): the first 92% of the
 * blob nearly always holds the folded part whole, decoded in two thirds of the time (a blob cut
 * short decodes as far as it goes); when it does not, the whole blob is decoded.
 */
export function unpackFolded(b: Buffer): FoldedDoc {
  const head = brotliDecompressSync(b.subarray(0, Math.ceil(b.length * 0.92)), { finishFlush: constants.BROTLI_OPERATION_FLUSH });
  const nul = head.indexOf(0);
  const raw = nul >= 0 ? head : brotliDecompressSync(b);
  return JSON.parse(raw.toString('utf8', 0, nul >= 0 ? nul : raw.indexOf(0))) as FoldedDoc;
}

/**
 * The start of the folded body, from the start of the blob: a snippet is cut around the first match,
 * which is mostly near the start, and decoding the whole folded part cost 0.15 ms a document — most
 * of a query's time the first time it is asked (twenty hits). `bytes`: how much of the blob to
 * decode. `whole` when the folded part ended within them. Null when the head cannot be read as a
 * prefix of the body (a blob packed otherwise): the caller decodes it all.
 */
export function foldedHead(b: Buffer, bytes: number): { body: string; whole: boolean } | null {
  if (bytes >= b.length) return { body: unpackFolded(b).body, whole: true };
  const head = brotliDecompressSync(b.subarray(0, bytes), { finishFlush: constants.BROTLI_OPERATION_FLUSH });
  // The folded part ended within the head: it is read from there, not decoded again.
  const nul = head.indexOf(0);
  if (nul >= 0) return { body: (JSON.parse(head.toString('utf8', 0, nul)) as FoldedDoc).body, whole: true };
  // A UTF-8 sequence cut at the end is left out: the string stops at the last whole character.
  let end = head.length;
  for (let k = 1; k <= Math.min(3, end); k++) {
    const byte = head[end - k]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0 && k < (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2)) end -= k;
    break;
  }
  const json = head.toString('utf8', 0, end);
  // The body is the last field (foldDocument's order); its escaped text runs to where the decoding stopped.
  const at = json.indexOf(BODY_KEY);
  if (at < 0 || !json.startsWith('{"title":')) return null;
  // An escape cut in two is left out too.
  const escaped = json.slice(at + BODY_KEY.length).replace(/\\u[0-9a-fA-F]{0,3}$|(?<!\\)(\\\\)*\\$/, (m) => (m.startsWith('\\u') ? '' : m.slice(0, -1)));
  try {
    return { body: JSON.parse(`"${escaped}"`) as string, whole: false };
  } catch {
    return null;
  }
}

const BODY_KEY = ',"body":"';
