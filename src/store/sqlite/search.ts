/**
 * Search on SQLite. Which documents match is decided by exact substring semantics (trigram FTS
 * for 3+ characters, bigram postings below that); how they rank by BM25 over jieba words with
 * title and 文号 weighted up, plus bonuses that put title hits and an exact 文号 first.
 * User text reaches SQL only as bound parameters, and MATCH only through ftsQuote.
 */
import type Database from 'better-sqlite3';
import { charLength } from '../../search/bigrams.js';
import { computeFacets } from '../../search/facets.js';
import { ftsQuote, parseQuery, type Term } from '../../search/query.js';
import { EXCERPT_BEFORE, EXCERPT_LENGTH, makeSnippet } from '../../search/snippet.js';
import type { SearchHit, SearchQuery, SearchResult } from '../store.js';
import { clampInt } from '../keys.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './read.js';
import type { SearchIndex } from './search-index.js';
import { stmt } from './statements.js';

/** Weights of bm25(doc_words): title, docnum, body. */
const BM25_WEIGHTS = '10.0, 10.0, 1.0';
const TITLE_BONUS = 20;
const DOCNUM_BONUS = 10;
const EXACT_DOCNUM_BONUS = 1000;

interface Row extends SummaryRow {
  readonly search_title: string;
  readonly issuerKey: string | null;
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  return new Set([...a].filter((x) => b.has(x)));
}

class TermMatcher {
  private readonly cache = new Map<string, Set<number>>();
  /** Words an unquoted chunk was split into when it was not found whole (for ranking/highlight). */
  readonly splits = new Map<string, string[]>();

  constructor(
    private readonly db: Database.Database,
    private readonly index: SearchIndex,
  ) {}

  match(t: Term): Set<number> {
    const whole = this.substring(t.text);
    if (whole.size > 0 || t.phrase || charLength(t.text) < 4) return whole;
    // An unspaced Chinese query (武隆区禁火令通知) is a string of words: require each of them.
    const words = this.index.seg().cut(t.text).filter((w) => charLength(w) >= 2);
    if (words.length < 2) return whole;
    this.splits.set(t.text, words);
    return words.map((w) => this.substring(w)).reduce(intersect);
  }

  private substring(text: string): Set<number> {
    const hit = this.cache.get(text);
    if (hit) return hit;
    const n = charLength(text);
    let rows: number[];
    if (n >= 3) rows = stmt(this.db, 'SELECT rowid FROM doc_tri WHERE doc_tri MATCH ?', true).all(ftsQuote(text)) as number[];
    else if (n === 2) rows = stmt(this.db, 'SELECT seq FROM doc_bigrams WHERE bigram = ?', true).all(text) as number[];
    else rows = stmt(this.db, 'SELECT DISTINCT seq FROM doc_bigrams WHERE bigram >= ? AND bigram < ?', true).all(text, `${text}\uffff`) as number[];
    const set = new Set(rows);
    this.cache.set(text, set);
    return set;
  }
}

export function searchSqlite(db: Database.Database, index: SearchIndex, q: SearchQuery): SearchResult {
  const parsed = parseQuery(q.q ?? '');
  const positive = parsed.groups.filter((g) => !g.negated);
  const negative = parsed.groups.filter((g) => g.negated);
  const m = new TermMatcher(db, index);
  const union = (terms: Term[]): Set<number> => {
    const out = new Set<number>();
    for (const t of terms) for (const x of m.match(t)) out.add(x);
    return out;
  };

  // null: no positive term, every document (browsing with filters).
  const candidates = positive.length === 0 ? null : positive.map((g) => union(g.terms)).reduce(intersect);
  const excluded = negative.length > 0 ? union(negative.flatMap((g) => g.terms)) : new Set<number>();

  const rows = (
    candidates === null
      ? stmt(db, `SELECT ${SUMMARY_COLUMNS}, d.search_title, d.issuer_key AS issuerKey FROM documents d`).all()
      : stmt(db, `SELECT ${SUMMARY_COLUMNS}, d.search_title, d.issuer_key AS issuerKey FROM documents d WHERE d.seq IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...candidates]))
  ) as Row[];
  const { matching, facets } = computeFacets(rows.filter((r) => !excluded.has(r.seq)), q);

  const terms = positive.flatMap((g) => g.terms);
  const needles = [...new Set(terms.flatMap((t) => m.splits.get(t.text) ?? [t.text]))];
  const scores = rank(db, index, needles, matching);
  const score = (r: Row): number => {
    let s = scores.get(r.seq) ?? 0;
    for (const t of terms) {
      const parts = m.splits.get(t.text) ?? [t.text];
      if (parts.every((p) => r.search_title.includes(p))) s += TITLE_BONUS;
      if (r.docNumber && r.docNumber.toLowerCase().includes(t.text)) s += DOCNUM_BONUS;
    }
    if (parsed.docNumber !== null && r.docNumber === parsed.docNumber) s += EXACT_DOCNUM_BONUS;
    return s;
  };
  const scored = matching.map((r) => ({ r, s: terms.length > 0 ? score(r) : 0 }));
  scored.sort(
    (a, b) => b.s - a.s || (b.r.signedOn ?? '').localeCompare(a.r.signedOn ?? '') || a.r.id.localeCompare(b.r.id),
  );
  const limit = clampInt(q.limit, 20, 200);
  const offset = clampInt(q.offset, 0, Number.MAX_SAFE_INTEGER);
  const snippet = excerpter(db, needles);
  const hits: SearchHit[] = scored
    .slice(offset, offset + limit)
    .map(({ r, s }) => ({ ...toSummary(r), score: Math.round(s * 1000) / 1000, snippet: snippet(r.seq) }));
  return { total: matching.length, facets, hits };
}

/** Characters searched first for a snippet: most documents show their first match early. */
const SNIPPET_PREFIX = 4000;

/**
 * The stretch of body around the earliest match of any needle, cut in SQL so that a long document
 * (the 政府工作报告 is 100k characters) never crosses into JavaScript whole; the start of the
 * text is searched first, the whole body only when the match lies further in.
 */
function excerpter(db: Database.Database, needles: readonly string[]) {
  const firstIn = (hay: string) =>
    stmt(db, `SELECT min(${needles.map(() => `coalesce(nullif(instr(${hay}, ?), 0), 1e12)`).join(', ')}, 1e12) FROM doc_tri WHERE rowid = ?`, true);
  const lower = needles.some((n) => /[a-z]/.test(n));
  const inPrefix = needles.length ? firstIn(lower ? `lower(substr(body, 1, ${SNIPPET_PREFIX}))` : `substr(body, 1, ${SNIPPET_PREFIX})`) : null;
  const inBody = needles.length ? firstIn(lower ? 'lower(body)' : 'body') : null;
  const cut = stmt(db, `SELECT substr(body, ?, ${EXCERPT_LENGTH + 1}) FROM doc_tri WHERE rowid = ?`, true);
  return (seq: number): string => {
    let p = (inPrefix?.get(...needles, seq) as number | undefined) ?? 1e12;
    if (p >= 1e12 && inBody) p = (inBody.get(...needles, seq) as number | undefined) ?? 1e12;
    const start = p >= 1e12 ? 1 : Math.max(1, p - EXCERPT_BEFORE);
    const text = (cut.get(start, seq) as string | undefined) ?? '';
    return makeSnippet(text.slice(0, EXCERPT_LENGTH), needles, 100, { cutBefore: start > 1, cutAfter: text.length > EXCERPT_LENGTH });
  };
}

/** BM25 over jieba words of the query, as one OR expression of quoted words. */
function rank(db: Database.Database, index: SearchIndex, needles: string[], rows: readonly Row[]): Map<number, number> {
  const out = new Map<number, number>();
  if (needles.length === 0 || rows.length === 0) return out;
  const seg = index.seg();
  const words = [...new Set(needles.flatMap((n) => seg.queryWords(n)))].filter((w) => charLength(w) >= 2 || needles.includes(w));
  if (words.length === 0) return out;
  const wanted = new Set(rows.map((r) => r.seq));
  const ranked = stmt(db, `SELECT rowid AS seq, bm25(doc_words, ${BM25_WEIGHTS}) AS r FROM doc_words WHERE doc_words MATCH ?`)
    .all(words.map(ftsQuote).join(' OR ')) as Array<{ seq: number; r: number }>;
  for (const { seq, r } of ranked) if (wanted.has(seq)) out.set(seq, -r);
  return out;
}
