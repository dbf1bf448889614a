/**
 * Every document's filter, facet and ranking fields in memory, by seq: search filters, counts
 * facets and scores title and 文号 hits over thousands of matches without a row look-up each (a
 * B-tree probe per match per facet was most of a large query's cost). Read once, and again when
 * the database changed: another process's commit (PRAGMA data_version) or this connection's own
 * (total_changes()). About 200 bytes a document.
 */
import type Database from 'better-sqlite3';
import { DIMS, orderFacet, wanted } from '../../search/facets.js';
import type { Facets, SearchQuery } from '../store.js';
import { PairPostings } from '../../search/pair-postings.js';
import { stmt } from './statements.js';

/** Characters lower-casing may change or split: a pair holding one is tested, not taken from the postings. */
const UNFOLDED = /[\p{Lu}\p{Ll}\p{Lt}\p{M}]/u;



/** A document's folded body as far as it was decoded: `whole`, or its head (packed-content.ts foldedHead). */
export interface BodyRead {
  readonly body: string;
  readonly whole: boolean;
}

/** Characters of unpacked text kept for snippets: 16 M (32 MB), some 4,000 documents of the scale corpus. */
const REMEMBERED_CHARS = 16_000_000;

export interface CatalogEntry {
  readonly seq: number;
  readonly id: string;
  /** 成文日期, '' when unknown: the secondary order. */
  readonly sg: string;
  readonly title: string;
  readonly docNumber: string | null;
}

/** Documents that may hold a text (the candidates), and the exact test of one. */
export interface Holding {
  /** Ascending seqs; null when any document may. */
  readonly candidates: Int32Array | null;
  holds(seq: number): boolean;
}

/** What the catalog is made of: one row a document, in ascending seq. */
export interface CatalogRow extends CatalogEntry {
  /** The facet values, in DIMS's order (year as written, issuer as its key). */
  readonly facets: ReadonlyArray<string | null>;
}

/**
 * Filters and facets read columns (typed arrays by seq) rather than an object per document: at
 * 100,000 documents a pass over objects scattered on the heap cost 10 ms in cache misses alone.
 */
export class Catalog {
  /** Every seq, ascending. */
  readonly seqs: Int32Array;
  /** Entries by seq (seqs are dense: an array indexes faster than a Map). */
  private readonly bySeq: Array<CatalogEntry | undefined>;
  /** Per facet dimension, the distinct values (null included) that codes number. */
  readonly values: ReadonlyArray<ReadonlyArray<string | null>>;
  /** Per facet dimension, each seq's value as a number into values (-1: no document has the seq). */
  readonly codes: readonly Int32Array[];
  /** Each seq's 成文日期 as its rank among the distinct ones, '' first: ranks compare as the dates do. */
  readonly dateRank: Int32Array;
  private readonly dates: readonly string[];
  private readonly numbers: ReadonlyArray<ReadonlyMap<string | null, number>>;

  constructor(rows: readonly CatalogRow[]) {
    const limit = (rows[rows.length - 1]?.seq ?? 0) + 1;
    this.seqs = Int32Array.from(rows, (r) => r.seq);
    this.bySeq = new Array<CatalogEntry | undefined>(limit);
    const values: Array<Array<string | null>> = DIMS.map(() => []);
    const numbers = DIMS.map(() => new Map<string | null, number>());
    const codes = DIMS.map(() => new Int32Array(limit).fill(-1));
    this.dates = [...new Set(rows.map((r) => r.sg))].sort();
    const rankOf = new Map(this.dates.map((d, i) => [d, i]));
    this.dateRank = new Int32Array(limit);
    for (const { facets, ...e } of rows) {
      this.bySeq[e.seq] = e;
      this.dateRank[e.seq] = rankOf.get(e.sg)!;
      facets.forEach((v, i) => {
        let c = numbers[i]!.get(v);
        if (c === undefined) (numbers[i]!.set(v, (c = values[i]!.length)), values[i]!.push(v));
        codes[i]![e.seq] = c;
      });
    }
    this.values = values;
    this.numbers = numbers;
    this.codes = codes;
  }

  /** Folded bodies of recent hits (or their heads), for snippets: dropped with the catalog when the database changes. */
  private readonly bodies = new Map<number, BodyRead>();

  private bodyChars = 0;

  /** A remembered body, made the most recent; undefined when none is. */
  recall(seq: number): BodyRead | undefined {
    const b = this.bodies.get(seq);
    if (b !== undefined) this.bodies.delete(seq), this.bodies.set(seq, b);
    return b;
  }

  /** Remembered (in place of a head read before); least recently used first out, by size. */
  keep(seq: number, b: BodyRead): BodyRead {
    const before = this.bodies.get(seq);
    if (before !== undefined) this.bodies.delete(seq), (this.bodyChars -= before.body.length);
    // A Map iterates in insertion order: the least recently used first.
    for (const [old, g] of this.bodies) {
      if (this.bodyChars + b.body.length <= REMEMBERED_CHARS) break;
      this.bodies.delete(old);
      this.bodyChars -= g.body.length;
    }
    this.bodyChars += b.body.length;
    this.bodies.set(seq, b);
    return b;
  }

  /** Titles and 文号 by their pairs, built on first use (holding). */
  private pairs: { title: PairPostings; docNumber: PairPostings } | null = null;

  /**
   * The documents whose title holds every word, or whose 文号 holds the word (lower-cased first
   * when `lower`): candidates from the pair postings, and the exact test to run on those that
   * matter (a test on every match cost 300 ns each, milliseconds a query at 100,000 documents).
   */
  holding(field: 'title' | 'docNumber', words: readonly string[], lower = false): Holding {
    this.pairs ??= {
      title: new PairPostings(Array.from(this.bySeq, (e) => e?.title ?? null)),
      docNumber: new PairPostings(Array.from(this.bySeq, (e) => e?.docNumber ?? null)),
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
      holds: (seq) => {
        const v = this.bySeq[seq]?.[field] ?? null;
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
    return firstAbove(this.seqs, hi) - firstAbove(this.seqs, lo - 1);
  }

  /**
   * The query's filters (facet values, 成文日期 range) as one test of a seq; false for a seq no
   * document has. `selective` when there are any beyond the document existing.
   */
  filter(q: SearchQuery): ((seq: number) => boolean) & { selective?: true } {
    const tests: Array<(seq: number) => boolean> = [];
    DIMS.forEach((d, i) => {
      const v = wanted(q, d);
      if (v === undefined) return;
      // A value no document has (a year written '2023.0' or '02023' included) matches nothing.
      const code = this.numbers[i]!.get(v) ?? -2;
      const codes = this.codes[i]!;
      tests.push((seq) => codes[seq] === code);
    });
    // Ranks compare as the dates do; an unknown date ('') is outside every range.
    const unknown = this.dates[0] === '' ? 0 : -1;
    const rank = this.dateRank;
    if (q.from) {
      const lo = firstAbove(this.dates, q.from, true);
      tests.push((seq) => rank[seq]! >= lo && rank[seq] !== unknown);
    }
    if (q.to) {
      const hi = firstAbove(this.dates, q.to, false);
      tests.push((seq) => rank[seq]! < hi && rank[seq] !== unknown);
    }
    const codes = this.codes[0]!;
    const exists = (seq: number): boolean => seq < codes.length && codes[seq] !== -1;
    if (tests.length === 0) return exists;
    return Object.assign((seq: number) => exists(seq) && tests.every((t) => t(seq)), { selective: true as const });
  }
}

/**
 * Facet counts over seqs (each standing for `weight` documents), in facets.ts's order: each
 * value is numbered once per catalog, so counting is array arithmetic, not string hashing.
 */
export function countFacets(catalog: Catalog, seqs: ArrayLike<number>, weight: number): Facets {
  const counts = catalog.values.map((values) => new Float64Array(values.length));
  catalog.codes.forEach((codes, i) => {
    const c = counts[i]!;
    for (let j = 0; j < seqs.length; j++) c[codes[seqs[j]!]!]! += 1;
  });
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

/** Index of the first sorted value above x (or, when `orEqual`, at or above it): seqs and dates alike. */
function firstAbove<T extends number | string>(sorted: ArrayLike<T>, x: T, orEqual = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (orEqual ? sorted[mid]! < x : sorted[mid]! <= x) lo = mid + 1;
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
  const catalog = new Catalog(rows.map(([seq, id, sg, year, issuer, kind, status, title, docNumber]) => ({
    seq, id, sg, title, docNumber, facets: [year === null ? null : String(year), issuer, kind, status],
  })));
  cached.set(db, { key, catalog });
  return catalog;
}
