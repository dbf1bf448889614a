/**
 * Search on SQLite. Which documents match is decided by exact substring semantics over doc_bg (a
 * term is the phrase of its character pairs, search-index.ts); how they rank by BM25 over those
 * phrases with title and 文号 weighted up, plus bonuses that put title hits and an exact 文号 first.
 * Filters, facets and the bonuses are taken over the in-memory catalog (catalog.ts).
 *
 * Up to MATCHES_READ matches everything is exact. A query matching more is answered from what a
 * bounded amount of index reading gives: the newest MATCHES_READ matches, and a stratified sample
 * of the older ones (SLICES ranges of seq, each read up to its share): the total and the facets
 * are estimates (`approximate`, shown as 约), and the order is title and 文号 hits first, then by
 * 成文日期 — FTS5's BM25 needs a pass over every match to count document frequencies, which is
 * what a province's common words cannot afford.
 * User text reaches MATCH only as character-pair tokens (bigrams.ts), never as FTS5 syntax.
 */
import type Database from 'better-sqlite3';
import { charLength, substringExpression } from '../../search/bigrams.js';
import { DIMS, orderFacet } from '../../search/facets.js';
import { parseQuery, type Term } from '../../search/query.js';
import { EXCERPT_BEFORE, EXCERPT_LENGTH, makeSnippet } from '../../search/snippet.js';
import type { FoldedDoc } from '../../search/document.js';
import type { SearchHit, SearchQuery, SearchResult } from '../store.js';
import { clampInt } from '../keys.js';
import { Catalog, catalogOf, type CatalogEntry, countFacets } from './catalog.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './read.js';
import type { SearchIndex } from './search-index.js';
import { stmt } from './statements.js';

/** Weights of bm25(doc_bg): title, docnum, body. */
const BM25_WEIGHTS = '10.0, 10.0, 1.0';
const TITLE_BONUS = 20;
const DOCNUM_BONUS = 10;
const EXACT_DOCNUM_BONUS = 1000;
/** Matches read whole before a query is answered from a sample (about 2 ms of index reading). */
export const MATCHES_READ = 2000;
const SLICES = 8;

/**
 * Terms as FTS5 expressions over doc_bg. An unquoted chunk of 4+ characters found nowhere whole is
 * split into its jieba words, each required.
 */
class TermMatcher {
  /** Words an unquoted chunk was split into when it was not found whole (for ranking/highlight). */
  readonly splits = new Map<string, string[]>();

  constructor(
    private readonly db: Database.Database,
    private readonly index: SearchIndex,
  ) {}

  expr(t: Term): string {
    const parts = this.parts(t).map(substringExpression);
    return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
  }

  parts(t: Term): string[] {
    const known = this.splits.get(t.text);
    if (known) return known;
    if (t.phrase || charLength(t.text) < 4 || this.foundWhole(t.text)) return [t.text];
    // An unspaced Chinese query (武隆区禁火令通知) is a string of words: require each of them.
    const words = this.index.seg().cut(t.text).filter((w) => charLength(w) >= 2);
    if (words.length < 2) return [t.text];
    this.splits.set(t.text, words);
    return words;
  }

  private foundWhole(text: string): boolean {
    return stmt(this.db, 'SELECT 1 FROM doc_bg WHERE doc_bg MATCH ? LIMIT 1', true).get(substringExpression(text)) !== undefined;
  }
}

const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;

/** What one query matched, with each entry's weight (1, or the inverse of its sampling rate). */
interface Matches {
  readonly entries: Array<readonly [CatalogEntry, number]>;
  readonly exact: boolean;
}

export function searchSqlite(db: Database.Database, index: SearchIndex, q: SearchQuery): SearchResult {
  const parsed = parseQuery(q.q ?? '');
  const positive = parsed.groups.filter((g) => !g.negated);
  const negative = parsed.groups.filter((g) => g.negated).flatMap((g) => g.terms);
  const m = new TermMatcher(db, index);
  const catalog = catalogOf(db);
  const pass = Catalog.filter(q);
  const limit = clampInt(q.limit, 20, 200);
  const offset = clampInt(q.offset, 0, Number.MAX_SAFE_INTEGER);

  // Groups AND, terms of a group OR; a field choice holds every positive group to that column.
  const column = q.field === 'title' ? 'title' : q.field === 'docNumber' ? 'docnum' : null;
  const groups = positive.map((g) => `(${g.terms.map((t) => m.expr(t)).join(' OR ')})`).join(' AND ');
  const excluded = negative.length > 0 ? negative.map((t) => m.expr(t)).join(' OR ') : null;
  const expr = positive.length === 0 ? null : `${column ? `{${column}} : (${groups})` : groups}${excluded ? ` NOT (${excluded})` : ''}`;

  const found = expr === null ? browse(db, catalog, pass, excluded) : matches(db, catalog, pass, expr, offset + limit);
  const terms = positive.flatMap((g) => g.terms);
  const ranked = terms.length > 0 && q.sort !== 'date';
  const total = Math.round(found.entries.reduce((n, [, w]) => n + w, 0));
  const raw = countFacets(found.entries);
  const facets = { year: [], issuer: [], kind: [], status: [] } as SearchResult['facets'];
  for (const d of DIMS) facets[d] = orderFacet(d, raw[d]);

  // The order: score (BM25 when every match was read, and the bonuses), then 成文日期, then id.
  const bm25 = ranked && found.exact && expr !== null ? scores(db, expr) : null;
  const candidates = new Map(found.entries.map(([e]) => [e.seq, e]));
  if (ranked && !found.exact && expr !== null) for (const e of titleHits(db, catalog, pass, expr, terms.map((t) => m.expr(t)), offset + limit)) candidates.set(e.seq, e);
  const score = (e: CatalogEntry): number => {
    let s = bm25?.get(e.seq) ?? 0;
    for (const t of terms) {
      if (m.parts(t).every((p) => e.title.includes(p))) s += TITLE_BONUS;
      if (e.docNumber !== null && (CASED.test(t.text) ? e.docNumber.toLowerCase() : e.docNumber).includes(t.text)) s += DOCNUM_BONUS;
    }
    if (parsed.docNumber !== null && e.docNumber === parsed.docNumber) s += EXACT_DOCNUM_BONUS;
    return s;
  };
  const order = [...candidates.values()].map((e) => ({ e, score: ranked ? score(e) : 0 }));
  order.sort((a, b) => b.score - a.score || (a.e.sg < b.e.sg ? 1 : a.e.sg > b.e.sg ? -1 : a.e.id.localeCompare(b.e.id)));
  const page = order.slice(offset, offset + limit);

  const summaries = new Map(
    (stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.seq IN (SELECT value FROM json_each(?))`).all(JSON.stringify(page.map((r) => r.e.seq))) as SummaryRow[]).map((r) => [r.seq, r]),
  );
  const needles = [...new Set(terms.flatMap((t) => m.parts(t)))];
  const snippet = excerpter(index, catalog, needles);
  const hits: SearchHit[] = page.filter((r) => summaries.has(r.e.seq)).map((r) => ({
    ...toSummary(summaries.get(r.e.seq)!), score: Math.round(r.score * 1000) / 1000, snippet: snippet(r.e.seq),
  }));
  return { total, facets, hits, ...(found.exact ? {} : { approximate: true }) };
}

/** No positive term: every document passing the filters, less those matching an excluded term. */
function browse(db: Database.Database, catalog: Catalog, pass: (e: CatalogEntry) => boolean, excluded: string | null): Matches {
  const out = excluded === null ? null : new Set(rowids(db, 'SELECT rowid FROM doc_bg WHERE doc_bg MATCH ?', excluded));
  return { entries: catalog.entries.filter((e) => pass(e) && !out?.has(e.seq)).map((e) => [e, 1] as const), exact: true };
}

/**
 * The matches of an expression passing the filters: all of them when there are at most
 * MATCHES_READ; else the newest MATCHES_READ (exact for their range of seq) and, below them,
 * SLICES equal ranges of the catalog each read up to its share, weighted by the share read.
 */
function matches(db: Database.Database, catalog: Catalog, pass: (e: CatalogEntry) => boolean, expr: string, paged: number): Matches {
  // A deep page reads the newest matches down to it (the sample alone may hold fewer).
  const read = Math.max(MATCHES_READ, paged);
  const newest = rowids(db, 'SELECT rowid FROM doc_bg WHERE doc_bg MATCH ? ORDER BY rowid DESC LIMIT ?', expr, read + 1);
  const entries: Array<readonly [CatalogEntry, number]> = [];
  const add = (seqs: readonly number[], w: number) => {
    for (const s of seqs) {
      const e = catalog.get(s);
      if (e && pass(e)) entries.push([e, w]);
    }
  };
  if (newest.length <= read) return add(newest, 1), { entries, exact: true };
  const below = newest[read - 1]!;
  add(newest.slice(0, read), 1);
  // The catalog below the newest window, cut into SLICES ranges of equal document count.
  const rest = catalog.entries.filter((e) => e.seq < below);
  const share = Math.ceil(MATCHES_READ / SLICES);
  const slice = stmt(db, 'SELECT rowid FROM doc_bg WHERE doc_bg MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?', true);
  for (let k = 0; k < SLICES && rest.length > 0; k++) {
    const hi = rest[Math.floor(((SLICES - k) * rest.length) / SLICES) - 1];
    const lo = rest[Math.floor(((SLICES - k - 1) * rest.length) / SLICES)];
    if (!hi || !lo || lo.seq > hi.seq) continue;
    const got = slice.all(expr, lo.seq, hi.seq, share) as number[];
    // Read whole when fewer than the share came back; else the share stands for its stretch.
    const weight = got.length < share ? 1 : catalog.countBetween(lo.seq, hi.seq) / catalog.countBetween(got[got.length - 1]!, hi.seq);
    add(got, weight);
  }
  return { entries, exact: false };
}

/** BM25 (weighted by column, higher is better) of every match: only when they are few. */
function scores(db: Database.Database, expr: string): Map<number, number> {
  const rows = stmt(db, `SELECT rowid, -bm25(doc_bg, ${BM25_WEIGHTS}) FROM doc_bg WHERE doc_bg MATCH ?`).raw().all(expr) as Array<[number, number]>;
  return new Map(rows);
}

/** The newest matches with a term in their title (a sample may miss them): they rank first. */
function titleHits(db: Database.Database, catalog: Catalog, pass: (e: CatalogEntry) => boolean, expr: string, terms: readonly string[], n: number): CatalogEntry[] {
  const seqs = rowids(db, 'SELECT rowid FROM doc_bg WHERE doc_bg MATCH ? ORDER BY rowid DESC LIMIT ?', `(${expr}) AND {title} : (${terms.join(' OR ')})`, Math.max(n, 200));
  return seqs.map((s) => catalog.get(s)).filter((e): e is CatalogEntry => e !== undefined && pass(e));
}

function rowids(db: Database.Database, sql: string, ...args: unknown[]): number[] {
  return stmt(db, sql, true).all(...args) as number[];
}

/**
 * The stretch of folded body around the earliest match of any needle. The folded text is kept
 * once, packed with the document's content (the search table is contentless): unpacking one
 * document costs about 0.14 ms, so the catalog keeps the last ones unpacked (a page asked again,
 * the next page of the same query, a popular document).
 */
function excerpter(index: SearchIndex, catalog: Catalog, needles: readonly string[]) {
  const lower = needles.some((n) => /[a-z]/.test(n));
  return (seq: number): string => {
    const hay = catalog.remember(seq, () => index.folded(seq))?.body ?? '';
    const searched = lower ? hay.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : hay;
    let at = Infinity;
    for (const n of needles) {
      const i = searched.indexOf(n);
      if (i >= 0 && i < at) at = i;
    }
    // Positions count characters (code points), as SQL's instr/substr did; most texts have no pairs.
    const chars = /[\uD800-\uDFFF]/.test(hay) ? Array.from(hay) : null;
    const p = at === Infinity ? 0 : chars ? Array.from(hay.slice(0, at)).length : at;
    const start = Math.max(0, p - EXCERPT_BEFORE);
    const length = chars ? chars.length : hay.length;
    const kept = chars ? chars.slice(start, start + EXCERPT_LENGTH).join('') : hay.slice(start, start + EXCERPT_LENGTH);
    return makeSnippet(kept, needles, 100, { cutBefore: start > 0, cutAfter: length > start + EXCERPT_LENGTH });
  };
}
