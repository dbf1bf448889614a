/**
 * Every document's filter, facet and ranking fields in memory, by seq: search filters, counts
 * facets and scores title and 文号 hits over thousands of matches without a row look-up each (a
 * B-tree probe per match per facet was most of a large query's cost). Read once, and again when
 * the database changed: another process's commit (PRAGMA data_version) or this connection's own
 * (total_changes()). About 200 bytes a document.
 */
import type Database from 'better-sqlite3';
import { DIMS, orderFacet, wanted } from '../../search/facets.js';
import type { FoldedDoc } from '../../search/document.js';
import type { Facets, SearchQuery } from '../store.js';
import { PairPostings } from '../../search/pair-postings.js';
import { stmt } from './statements.js';

/** Characters lower-casing may change or split: a pair holding one is tested, not taken from the postings. */
const UNFOLDED = /[\p{Lu}\p{Ll}\p{Lt}\p{M}]/u;

type Dim = keyof Facets;

/** Characters of unpacked text kept for snippets: 16 M (32 MB), some 4,000 documents of the scale corpus. */
const REMEMBERED_CHARS = 16_000_000;

export interface CatalogEntry {
  readonly seq: number;
  readonly id: string;
  /** 成文日期, '' when unknown: the secondary order. */
  readonly sg: string;
  readonly year: number | null;
  readonly issuer: string | null;
  readonly kind: string | null;
  readonly status: string | null;
  readonly title: string;
  readonly docNumber: string | null;
  /** The facet values (year, issuer, kind, status) as numbers into Catalog.values. */
  readonly codes: readonly number[];
}

/** Entries that may hold a text (the candidates), and the exact test of one. */
export interface Holding {
  /** Ascending indexes into Catalog.entries; null when any entry may. */
  readonly candidates: Int32Array | null;
  holds(e: CatalogEntry): boolean;
}

export class Catalog {
  /** Entries in ascending seq. */
  readonly entries: readonly CatalogEntry[];
  /** Entries by seq (seqs are dense: an array indexes faster than a Map). */
  private readonly bySeq: Array<CatalogEntry | undefined>;

  /** Per facet dimension, the distinct values (null included) that entries' codes number. */
  readonly values: ReadonlyArray<ReadonlyArray<string | null>>;

  constructor(entries: CatalogEntry[], values: Array<Array<string | null>>) {
    this.entries = entries;
    this.values = values;
    this.bySeq = new Array<CatalogEntry | undefined>((entries[entries.length - 1]?.seq ?? 0) + 1);
    for (const e of entries) this.bySeq[e.seq] = e;
  }

  /** Unpacked folded texts of recent hits, for snippets: dropped with the catalog when the database changes. */
  private readonly folded = new Map<number, FoldedDoc | undefined>();

  private foldedChars = 0;

  /** Least recently used first out, by size: a Map iterates in insertion order. */
  remember(seq: number, read: () => FoldedDoc | undefined): FoldedDoc | undefined {
    if (this.folded.has(seq)) {
      const f = this.folded.get(seq);
      this.folded.delete(seq);
      return this.folded.set(seq, f), f;
    }
    const f = read();
    const size = (f: FoldedDoc | undefined) => (f ? f.title.length + f.docnum.length + f.body.length : 0);
    for (const [old, g] of this.folded) {
      if (this.foldedChars + size(f) <= REMEMBERED_CHARS) break;
      this.folded.delete(old);
      this.foldedChars -= size(g);
    }
    this.foldedChars += size(f);
    return this.folded.set(seq, f), f;
  }

  /** Titles and 文号 by their pairs, built on first use (holding). */
  private pairs: { title: PairPostings; docNumber: PairPostings } | null = null;

  /**
   * The entries whose title holds every word, or whose 文号 holds the word (lower-cased first
   * when `lower`): candidates from the pair postings, and the exact test to run on those that
   * matter (a test on every match cost 300 ns each, milliseconds a query at 100,000 documents).
   */
  holding(field: 'title' | 'docNumber', words: readonly string[], lower = false): Holding {
    this.pairs ??= {
      title: new PairPostings(this.entries.map((e) => e.title)),
      docNumber: new PairPostings(this.entries.map((e) => e.docNumber)),
    };
    let candidates: Int32Array | null = null;
    for (const w of words) {
      const c = this.pairs[field].candidates(w);
      if (c !== null && (candidates === null || c.length < candidates.length)) candidates = c;
    }
    // One word of one pair, with no letter case or mark to fold: the postings are the answer.
    const w = words[0]!;
    if (candidates !== null && words.length === 1 && w.length === 2 && !UNFOLDED.test(w)) return { candidates, holds: () => true };
    return {
      candidates,
      holds: (e) => {
        const v = e[field];
        if (v === null) return false;
        const text = lower ? v.toLowerCase() : v;
        return words.every((w) => text.includes(w));
      },
    };
  }

  /** Whether a term is found whole anywhere, as asked before (a query asked again, the next page). */
  readonly foundWhole = new Map<string, boolean>();

  /** One more than the highest seq: the length of an array indexed by seq. */
  get seqLimit(): number {
    return this.bySeq.length;
  }

  get(seq: number): CatalogEntry | undefined {
    return this.bySeq[seq];
  }

  /** How many documents have a seq in [lo, hi]. */
  countBetween(lo: number, hi: number): number {
    return upper(this.entries, hi) - upper(this.entries, lo - 1);
  }

  /** The query's filters (facet values, 成文日期 range) as one test of an entry. */
  static filter(q: SearchQuery): (e: CatalogEntry) => boolean {
    const tests: Array<(e: CatalogEntry) => boolean> = [];
    for (const d of DIMS) {
      const v = wanted(q, d);
      if (v === undefined) continue;
      // A year compares as written: '2023.0' or '02023' match nothing (as in SQL before).
      if (d === 'year') tests.push((e) => e.year !== null && String(e.year) === v);
      else tests.push((e) => e[d] === v);
    }
    if (q.from) tests.push((e) => e.sg !== '' && e.sg >= q.from!);
    if (q.to) tests.push((e) => e.sg !== '' && e.sg <= q.to!);
    if (tests.length === 0) return () => true;
    return tests.length === 1 ? tests[0]! : (e) => tests.every((t) => t(e));
  }
}

/**
 * Facet counts over entries (each standing for `weight` documents), in facets.ts's order: each
 * entry's four values are numbered once per catalog, so counting is array arithmetic, not string hashing.
 */
export function countFacets(catalog: Catalog, entries: readonly CatalogEntry[], weight: number): Facets {
  // One pass over the entries for every dimension.
  const counts = catalog.values.map((values) => new Float64Array(values.length));
  for (const e of entries) {
    const codes = e.codes;
    for (let i = 0; i < counts.length; i++) counts[i]![codes[i]!]! += 1;
  }
  const out = {} as Facets;
  DIMS.forEach((d, i) => {
    out[d] = [];
    catalog.values[i]!.forEach((value, code) => {
      const count = Math.round(counts[i]![code]! * weight);
      if (value !== null && count > 0) out[d].push({ value, count });
    });
    orderFacet(d, out[d]);
  });
  return out;
}

/** Index of the first entry with seq > s. */
function upper(entries: readonly CatalogEntry[], s: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.seq <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const cached = new WeakMap<Database.Database, { key: string; catalog: Catalog }>();

/** The catalog of the database as it is now. */
export function catalogOf(db: Database.Database): Catalog {
  const key = `${stmt(db, 'PRAGMA data_version', true).get()}:${stmt(db, 'SELECT total_changes()', true).get()}`;
  const hit = cached.get(db);
  if (hit && hit.key === key) return hit.catalog;
  const rows = db.prepare(
    `SELECT seq, id, coalesce(signed_on, ''), year, issuer_key, kind, status, search_title, doc_number FROM documents ORDER BY seq`,
  ).raw().all() as Array<[number, string, string, number | null, string | null, string | null, string | null, string, string | null]>;
  const values: Array<Array<string | null>> = DIMS.map(() => []);
  const numbers = DIMS.map(() => new Map<string | null, number>());
  const code = (i: number, v: string | null): number => {
    let c = numbers[i]!.get(v);
    if (c === undefined) (numbers[i]!.set(v, (c = values[i]!.length)), values[i]!.push(v));
    return c;
  };
  const catalog = new Catalog(
    rows.map(([seq, id, sg, year, issuer, kind, status, title, docNumber]) => ({
      seq, id, sg, year, issuer, kind, status, title, docNumber,
      codes: [code(0, year === null ? null : String(year)), code(1, issuer), code(2, kind), code(3, status)],
    })),
    values,
  );
  cached.set(db, { key, catalog });
  return catalog;
}
