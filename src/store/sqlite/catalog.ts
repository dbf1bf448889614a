/**
 * Every document's filter, facet and ranking fields in memory, by seq: search filters, counts
 * facets and scores title and 文号 hits over thousands of matches without a row look-up each (a
 * B-tree probe per match per facet was most of a large query's cost). Read once, and again when
 * the database changed: another process's commit (PRAGMA data_version) or this connection's own
 * (total_changes()). About 200 bytes a document.
 */
import type Database from 'better-sqlite3';
import { DIMS, wanted } from '../../search/facets.js';
import type { FoldedDoc } from '../../search/document.js';
import type { Facets, SearchQuery } from '../store.js';

type Dim = keyof Facets;

/** Unpacked texts kept for snippets: ten pages of hits, about 15 MB. */
const REMEMBERED = 1000;

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
}

export class Catalog {
  /** Entries in ascending seq. */
  readonly entries: readonly CatalogEntry[];
  private readonly bySeq: Map<number, CatalogEntry>;

  constructor(entries: CatalogEntry[]) {
    this.entries = entries;
    this.bySeq = new Map(entries.map((e) => [e.seq, e]));
  }

  /** Unpacked folded texts of recent hits, for snippets: dropped with the catalog when the database changes. */
  private readonly folded = new Map<number, FoldedDoc | undefined>();

  remember(seq: number, read: () => FoldedDoc | undefined): FoldedDoc | undefined {
    if (this.folded.has(seq)) {
      const f = this.folded.get(seq);
      this.folded.delete(seq);
      return this.folded.set(seq, f), f;
    }
    const f = read();
    if (this.folded.size >= REMEMBERED) this.folded.delete(this.folded.keys().next().value!);
    return this.folded.set(seq, f), f;
  }

  get(seq: number): CatalogEntry | undefined {
    return this.bySeq.get(seq);
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
    return (e) => tests.every((t) => t(e));
  }
}

/** Facet counts over entries, each counted with a weight (1, or the inverse of a sampling rate). */
export function countFacets(entries: Iterable<readonly [CatalogEntry, number]>): Facets {
  const counts: Record<Dim, Map<string, number>> = { year: new Map(), issuer: new Map(), kind: new Map(), status: new Map() };
  for (const [e, w] of entries) {
    for (const d of DIMS) {
      const v = d === 'year' ? (e.year === null ? null : String(e.year)) : e[d];
      if (v !== null) counts[d].set(v, (counts[d].get(v) ?? 0) + w);
    }
  }
  const out = {} as Facets;
  for (const d of DIMS) out[d] = [...counts[d]].map(([value, n]) => ({ value, count: Math.round(n) })).filter((f) => f.count > 0);
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
  const key = `${db.pragma('data_version', { simple: true })}:${db.prepare('SELECT total_changes()').pluck().get()}`;
  const hit = cached.get(db);
  if (hit && hit.key === key) return hit.catalog;
  const rows = db.prepare(
    `SELECT seq, id, coalesce(signed_on, ''), year, issuer_key, kind, status, search_title, doc_number FROM documents ORDER BY seq`,
  ).raw().all() as Array<[number, string, string, number | null, string | null, string | null, string | null, string, string | null]>;
  const catalog = new Catalog(rows.map(([seq, id, sg, year, issuer, kind, status, title, docNumber]) => ({ seq, id, sg, year, issuer, kind, status, title, docNumber })));
  cached.set(db, { key, catalog });
  return catalog;
}
