/**
 * Search on SQLite. Which documents match is decided by exact substring semantics (trigram FTS
 * for 3+ characters, bigram postings below that); how they rank by BM25 over jieba words with
 * title and 文号 weighted up, plus bonuses that put title hits and an exact 文号 first.
 * User text reaches SQL only as bound parameters, and MATCH only through ftsQuote.
 */
import type Database from 'better-sqlite3';
import { charLength } from '../../search/bigrams.js';
import { DIMS, orderFacet, wanted } from '../../search/facets.js';
import { ftsQuote, parseQuery, type Term } from '../../search/query.js';
import { EXCERPT_BEFORE, EXCERPT_LENGTH, makeSnippet } from '../../search/snippet.js';
import type { Facets, SearchHit, SearchQuery, SearchResult } from '../store.js';
import { clampInt } from '../keys.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './read.js';

type Dim = keyof Facets;
import { bigramToken, type SearchIndex } from './search-index.js';
import { stmt } from './statements.js';

/** Weights of bm25(doc_words): title, docnum, body. */
const BM25_WEIGHTS = '10.0, 10.0, 1.0';
const TITLE_BONUS = 20;
const DOCNUM_BONUS = 10;
const EXACT_DOCNUM_BONUS = 1000;

/** One hit of the ranked list as it leaves SQL: only what the order needs (ties are settled in JS). */
interface Ranked {
  readonly seq: number;
  /** How many rows rank above the first tie group of the page. */
  readonly before: number;
  readonly score: number;
  readonly sg: string;
  readonly id: string;
}

/**
 * The SQL for the documents matching a term (a compound SELECT of one `seq` column): trigram FTS
 * for 3+ characters, bigram postings below that. An unquoted chunk of 4+ characters found nowhere
 * whole is split into its jieba words, each required.
 */
class TermMatcher {
  /** Words an unquoted chunk was split into when it was not found whole (for ranking/highlight). */
  readonly splits = new Map<string, string[]>();

  constructor(
    private readonly db: Database.Database,
    private readonly index: SearchIndex,
  ) {}

  /** A simple SELECT of the documents matching the term; its arguments appended to args. */
  sql(t: Term, args: unknown[]): string {
    const parts = this.parts(t).map((p) => substringSql(p, args));
    return parts.length === 1 ? parts[0]! : `SELECT seq FROM (${parts.join(' INTERSECT ')})`;
  }

  private parts(t: Term): string[] {
    if (t.phrase || charLength(t.text) < 4 || this.foundWhole(t.text)) return [t.text];
    // An unspaced Chinese query (武隆区禁火令通知) is a string of words: require each of them.
    const words = this.index.seg().cut(t.text).filter((w) => charLength(w) >= 2);
    if (words.length < 2) return [t.text];
    this.splits.set(t.text, words);
    return words;
  }

  private foundWhole(text: string): boolean {
    return stmt(this.db, 'SELECT 1 FROM doc_tri WHERE doc_tri MATCH ? LIMIT 1', true).get(ftsQuote(text)) !== undefined;
  }
}

function substringSql(text: string, args: unknown[]): string {
  const n = charLength(text);
  if (n >= 3) return args.push(ftsQuote(text)), 'SELECT rowid AS seq FROM doc_tri WHERE doc_tri MATCH ?';
  // Bigram tokens (search-index.ts): the pair itself, or for one character every pair it starts.
  return args.push(n === 2 ? bigramToken(text) : `${bigramToken(text)}*`), 'SELECT rowid AS seq FROM doc_bi WHERE doc_bi MATCH ?';
}

/** JavaScript's toLowerCase for SQL (SQLite's lower() folds ASCII only), for terms that have cased letters. */
const withLower = new WeakSet<Database.Database>();
function jsLower(db: Database.Database): string {
  if (!withLower.has(db)) {
    db.function('gongbao_lower', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s));
    withLower.add(db);
  }
  return 'gongbao_lower';
}

const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;

/**
 * Everything that grows with the number of matches happens in one SQL statement: the candidate
 * set (compound SELECTs over the FTS and bigram tables), the filters, the facet counts (GROUP BY),
 * BM25 and the bonuses, and the order. Only the page of hits (and any rows tied with its ends on
 * score and date) comes back to JavaScript, which settles ties by id with localeCompare as before.
 */
export function searchSqlite(db: Database.Database, index: SearchIndex, q: SearchQuery): SearchResult {
  const parsed = parseQuery(q.q ?? '');
  const positive = parsed.groups.filter((g) => !g.negated);
  const negative = parsed.groups.filter((g) => g.negated);
  const m = new TermMatcher(db, index);
  const args: unknown[] = [];
  const where: string[] = [];
  // Compound SELECTs are left-associative: each OR group is wrapped so that groups intersect whole.
  const union = (terms: Term[]) => terms.map((t) => m.sql(t, args)).join(' UNION ');
  const group = (terms: Term[]) => (terms.length === 1 ? m.sql(terms[0]!, args) : `SELECT seq FROM (${union(terms)})`);

  // No positive term: every document (browsing with filters).
  if (positive.length > 0) where.push(`d.seq IN (${positive.map((g) => group(g.terms)).join(' INTERSECT ')})`);
  if (negative.length > 0) where.push(`d.seq NOT IN (${union(negative.flatMap((g) => g.terms))})`);
  const column = { year: 'd.year', issuer: 'd.issuer_key', kind: 'd.kind', status: 'd.status' } as const;
  for (const d of DIMS) {
    const v = wanted(q, d);
    // A year compares as text in computeFacets: '2023.0' or '02023' match nothing there, nor here.
    if (v !== undefined) (where.push(`${column[d]} = ?`), args.push(d !== 'year' ? v : String(Number(v)) === v ? Number(v) : null));
  }

  const terms = positive.flatMap((g) => g.terms);
  const parts = (t: Term) => m.splits.get(t.text) ?? [t.text];
  // Date range and field choice: plain conditions on the document row.
  if (q.from) (where.push('d.signed_on >= ?'), args.push(q.from));
  if (q.to) (where.push('d.signed_on <= ?'), args.push(q.to));
  const inField = q.field === 'title' ? 'd.search_title' : q.field === 'docNumber' ? "coalesce(d.doc_number, '')" : null;
  if (inField) {
    for (const g of positive) {
      where.push(`(${g.terms.map((t) => `(${(q.field === 'title' ? parts(t) : [t.text]).map((x) => (args.push(x), `instr(${inField}, ?) > 0`)).join(' AND ')})`).join(' OR ')})`);
    }
  }
  const needles = [...new Set(terms.flatMap(parts))];
  const seg = needles.length > 0 ? index.seg() : null;
  const words = seg ? [...new Set(needles.flatMap((n) => seg.queryWords(n)))].filter((w) => charLength(w) >= 2 || needles.includes(w)) : [];

  // The score, added up in the order the JavaScript ranking used (same doubles): BM25, then per
  // term the title and 文号 bonuses, then the exact-文号 bonus.
  const scoreArgs: unknown[] = [];
  const score: string[] = [words.length > 0 ? 'coalesce(w.r, 0)' : '0'];
  for (const t of terms) {
    score.push(`(CASE WHEN ${parts(t).map((p) => (scoreArgs.push(p), 'instr(m0.search_title, ?) > 0')).join(' AND ')} THEN ${TITLE_BONUS} ELSE 0 END)`);
    scoreArgs.push(t.text);
    score.push(`(CASE WHEN instr(${CASED.test(t.text) ? `${jsLower(db)}(m0.doc_number)` : 'm0.doc_number'}, ?) > 0 THEN ${DOCNUM_BONUS} ELSE 0 END)`);
  }
  if (parsed.docNumber !== null) (score.push(`(CASE WHEN m0.doc_number = ? THEN ${EXACT_DOCNUM_BONUS} ELSE 0 END)`), scoreArgs.push(parsed.docNumber));
  const bm25 = words.length > 0 && terms.length > 0;

  const limit = clampInt(q.limit, 20, 200);
  const offset = clampInt(q.offset, 0, Number.MAX_SAFE_INTEGER);
  const facet = (d: Dim) => `SELECT '${d}', ${column[d].slice(2)}, count(*), NULL, NULL, NULL FROM m WHERE ${column[d].slice(2)} IS NOT NULL GROUP BY 2`;
  const sql = `
    WITH m0 AS MATERIALIZED (
      SELECT d.seq, d.id, coalesce(d.signed_on, '') AS sg, d.year, d.issuer_key, d.kind, d.status, d.search_title, d.doc_number
      FROM documents d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    )${bm25 ? `, w AS MATERIALIZED (
      -- +rowid: filter the word matches by the candidates instead of one FTS lookup per candidate.
      SELECT rowid AS seq, -bm25(doc_words, ${BM25_WEIGHTS}) AS r FROM doc_words WHERE doc_words MATCH ? AND +rowid IN (SELECT seq FROM m0)
    )` : ''}, m AS MATERIALIZED (
      SELECT m0.seq, m0.id, m0.sg, m0.year, m0.issuer_key, m0.kind, m0.status, ${terms.length > 0 && q.sort !== 'date' ? score.join(' + ') : '0'} AS score
      FROM m0 ${bm25 ? 'LEFT JOIN w ON w.seq = m0.seq' : ''}
    ), p AS MATERIALIZED (
      SELECT score, sg FROM m ORDER BY score DESC, sg DESC LIMIT ? OFFSET ?
    ), hi AS MATERIALIZED (
      SELECT score, sg FROM p ORDER BY score DESC, sg DESC LIMIT 1
    ), lo AS MATERIALIZED (
      SELECT score, sg FROM p ORDER BY score, sg LIMIT 1
    ), before AS MATERIALIZED (
      SELECT count(*) AS n FROM m, hi WHERE (m.score, m.sg) > (hi.score, hi.sg)
    )
    SELECT 'total', NULL, count(*), NULL, NULL, NULL FROM m
    ${DIMS.map((d) => `UNION ALL ${facet(d)}`).join('\n    ')}
    -- The page's rows in the order of score and date, with every row tied with its first or last
    -- on both: ids order them in JavaScript. before.n: how many rows rank above them all.
    UNION ALL SELECT 'hit', m.seq, before.n, m.score, m.sg, m.id FROM hi, lo, before, m
      WHERE (m.score, m.sg) BETWEEN (lo.score, lo.sg) AND (hi.score, hi.sg)`;
  const rows = stmt(db, sql).raw().all(...args, ...(bm25 ? [words.map(ftsQuote).join(' OR ')] : []), ...(terms.length > 0 && q.sort !== 'date' ? scoreArgs : []), limit, offset) as Array<
    [string, string | number | null, number, number | null, string | null, string | null]
  >;

  let total = 0;
  const facets: Facets = { year: [], issuer: [], kind: [], status: [] };
  const ranked: Ranked[] = [];
  for (const [kind, value, n, score, sg, id] of rows) {
    if (kind === 'total') total = n;
    else if (kind === 'hit') ranked.push({ seq: value as number, before: n, score: score!, sg: sg!, id: id! });
    else facets[kind as Dim].push({ value: String(value), count: n });
  }
  for (const d of DIMS) orderFacet(d, facets[d]);

  // The rows come as whole groups of equal score and date around the page; order them as before.
  ranked.sort((a, b) => b.score - a.score || b.sg.localeCompare(a.sg) || a.id.localeCompare(b.id));
  const first = ranked[0]?.before ?? 0;
  const page = ranked.slice(offset - first, offset - first + limit);
  const summaries = new Map(
    (stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.seq IN (SELECT value FROM json_each(?))`).all(JSON.stringify(page.map((r) => r.seq))) as SummaryRow[]).map((r) => [r.seq, r]),
  );
  const snippet = excerpter(index, needles);
  const hits: SearchHit[] = page.map((r) => ({ ...toSummary(summaries.get(r.seq)!), score: Math.round(r.score * 1000) / 1000, snippet: snippet(r.seq) }));
  return { total, facets, hits };
}

/**
 * The stretch of folded body around the earliest match of any needle. The folded text is kept
 * once, packed with the document's content (the search tables are contentless): unpacking one
 * document costs about 0.1 ms, and only the page's documents are unpacked.
 */
function excerpter(index: SearchIndex, needles: readonly string[]) {
  const lower = needles.some((n) => /[a-z]/.test(n));
  return (seq: number): string => {
    const hay = index.folded(seq)?.body ?? '';
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
