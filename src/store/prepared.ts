/**
 * A parsed file with the per-document work that needs no database done ahead of the store: the
 * folded, de-identified search text, the registers, the status inputs, the privacy review and (for
 * SQLite) the packed content. `gongbao ingest` prepares in its parse workers, so the thread that
 * writes does little but write; both stores accept a prepared file or a plain ParseResult (they
 * then compute the same things themselves).
 */
import type { OfficialDocument, ParseResult } from '../domain/types.js';
import { reviewDocument, type ReviewFinding } from '../extract/privacy-review.js';
import { statusInputOf, statusKeys, type StatusInput } from '../extract/status-input.js';
import { foldDocument, type FoldedDoc } from '../search/document.js';
import { extractRegisters, mentionRows, type MentionRows, type RegisterExtractor } from './registers.js';
import type { DocumentRegisters } from './store.js';

export interface PreparedDocument {
  readonly id: string;
  /** The search text, de-identified without public marks (a store folds a marked document again). */
  readonly folded: FoldedDoc;
  /** By the default extractors (a store given its own extractor runs that instead). */
  readonly registers: DocumentRegisters;
  /**
   * The registers' unit mentions as stored, the excerpt brotli-packed (0.35 ms of the storing
   * thread a document), when prepared for SQLite (PostgreSQL's writer packs them itself).
   */
  readonly mentions?: MentionRows;
  readonly status: StatusInput;
  readonly keys: { readonly own: string[]; readonly refs: string[] };
  /** The editors' privacy review (`reviewDocument`), which ingest reports as warnings. */
  readonly review: ReviewFinding[];
  /** The SQLite store's content blob (packed-content.ts `pack`, with `folded`), when prepared for it. */
  readonly packed?: Uint8Array;
  /** The PostgreSQL store's search keys of `folded`, as the text[] literal its row is written with, when prepared for it. */
  readonly searchKeys?: string;
}

/** `prepared[i]` belongs to `result.documents[i]`. */
export interface PreparedResult {
  readonly result: ParseResult;
  readonly prepared: readonly PreparedDocument[];
}

export type Ingestible = ParseResult | PreparedResult;

/** What the bulky-content packer of a store is given (SQLite's `pack`). */
export type Packer = (doc: OfficialDocument, folded: FoldedDoc) => Uint8Array;

/** What the search-key maker of a store is given (PostgreSQL's key literal). */
export type Keyer = (folded: FoldedDoc) => string;

/**
 * What a store has the parse workers make beside the common work: SQLite's content blob (`pack`)
 * and unit-mention rows (`mentions`, by default with the blob), PostgreSQL's key literal.
 */
export interface Makers {
  readonly pack?: Packer;
  readonly mentions?: boolean;
  readonly searchKeys?: Keyer;
}

export function prepareDocument(doc: OfficialDocument, makers: Makers = {}): PreparedDocument {
  const { pack, mentions = pack !== undefined, searchKeys } = makers;
  const folded = foldDocument(doc);
  const registers = extractRegisters(doc);
  const status = statusInputOf(doc, registers.normative);
  return {
    id: doc.id, folded, registers, status, keys: statusKeys(status), review: reviewDocument(doc),
    ...(pack ? { packed: pack(doc, folded) } : {}),
    ...(mentions ? { mentions: mentionRows(registers) } : {}),
    ...(searchKeys ? { searchKeys: searchKeys(folded) } : {}),
  };
}

export function prepareResult(result: ParseResult, makers: Makers = {}): PreparedResult {
  return { result, prepared: result.documents.map((d) => prepareDocument(d, makers)) };
}

export function isPrepared(x: Ingestible): x is PreparedResult {
  return 'prepared' in x && 'result' in x;
}

export const parseResultOf = (x: Ingestible): ParseResult => (isPrepared(x) ? x.result : x);

/**
 * A store's view of one document of a batch: what was prepared, else computed now. A document
 * with public marks is folded (and packed) again, and a store with its own extractor runs it.
 */
export class Preparation {
  private readonly prepared = new Map<OfficialDocument, PreparedDocument>();

  constructor(
    items: readonly Ingestible[],
    private readonly extract: RegisterExtractor,
    private readonly marks: (documentId: string) => ReadonlySet<string>,
  ) {
    for (const x of items) if (isPrepared(x)) x.result.documents.forEach((d, i) => x.prepared[i]?.id === d.id && this.prepared.set(d, x.prepared[i]!));
  }

  private usable(doc: OfficialDocument): PreparedDocument | undefined {
    return this.marks(doc.id).size === 0 ? this.prepared.get(doc) : undefined;
  }

  folded(doc: OfficialDocument): FoldedDoc {
    return this.usable(doc)?.folded ?? foldDocument(doc, this.marks(doc.id));
  }

  registers(doc: OfficialDocument): DocumentRegisters {
    const p = this.prepared.get(doc);
    return p && this.extract === extractRegisters ? p.registers : this.extract(doc);
  }

  /** The unit mentions as rows, from the registers `registers` gives. */
  mentions(doc: OfficialDocument): MentionRows {
    const p = this.prepared.get(doc);
    return (p && this.extract === extractRegisters ? p.mentions : undefined) ?? mentionRows(this.registers(doc));
  }

  status(doc: OfficialDocument): { input: StatusInput; keys: { own: string[]; refs: string[] } } {
    const p = this.prepared.get(doc);
    if (p) return { input: p.status, keys: p.keys };
    const input = statusInputOf(doc);
    return { input, keys: statusKeys(input) };
  }

  /** The packed content when it was packed ahead with the folded text this store uses. */
  packed(doc: OfficialDocument): Uint8Array | undefined {
    return this.usable(doc)?.packed;
  }

  /** The search keys' literal when it was made ahead from the folded text this store uses. */
  searchKeys(doc: OfficialDocument): string | undefined {
    return this.usable(doc)?.searchKeys;
  }
}
