/**
 * Search on PostgreSQL, with the SQLite store's semantics. Which documents match: exact substrings
 * of the folded text, found through the GIN index of each document's character pairs and checked
 * on the text (holds). How they rank: ts_rank's formula over the needles' occurrences (title and
 * 文号 weighted ten times the body; occurrenceRank) plus bonuses that put title hits and an exact
 * 文号 first. Facets count what passes every filter, as src/search/facets.ts does.
 * Every user string reaches SQL as a parameter.
 */
import type pg from 'pg';
import type { LegalStatus } from '../../domain/types.js';
import { bigrams, charLength } from '../../search/bigrams.js';
import { fold } from '../../search/fold.js';
import { numeric, parseQuery, type Term } from '../../search/query.js';
import type { Segmenter } from '../../search/segment.js';
import { EXCERPT_BEFORE, EXCERPT_LENGTH, makeSnippet } from '../../search/snippet.js';
import { clampInt } from '../keys.js';
import type { DocumentSummary, Facets, SearchHit, SearchLimits, SearchQuery, SearchResult } from '../store.js';
import { needleKeys } from './indexing.js';
import { Params } from './params.js';
import { withTransaction } from './tx.js';
import { LATEST_ISSUE } from './read.js';

const TITLE_BONUS = 20;
const DOCNUM_BONUS = 10;
const EXACT_DOCNUM_BONUS = 1000;
/** Years of titles looked through first for the newest title hits. */
const RECENT_YEARS = 3;
/** Found-whole answers kept at most (a public server hears endless distinct queries). */
const KNOWN_CHUNKS = 10_000;

/**
 * The test that the document_content row `c` holds `s` as a substring: the rows listing every key
 * of it (listed: the GIN index over the key arrays, exact for a needle of one pair), then the
 * folded text itself for the rows the keys leave (checked).
 */
function holds(p: Params, s: string): string {
  const l = listed(p, s);
  if (l !== null && charLength(s) === 2 && pairsOf(s).length === 1) return l;
  return l === null ? checked(p, s) : `(${l} AND ${checked(p, s)})`;
}

/**
 * The index condition for `s` (keys.ts's needleKeys: its digit-bearing trigrams, which make a
 * 文号 fragment's candidates few, and its other pairs): null when it has none (one character).
 */
function listed(p: Params, s: string): string | null {
  const keys = needleKeys(s);
  return keys.length > 0 ? `c.bigrams @> ${p.add(keys)}::text[]` : null;
}

/** The exact test of a row. Needles are lower-cased; the text is lowered only when the needle has letters with case. */
function checked(p: Params, s: string): string {
  return `strpos(${cased(s) ? 'lower(c.search_text)' : 'c.search_text'}, ${p.add(s)}) > 0`;
}

/** Whether a (lower-cased) needle has letters with case: without them strpos on the text finds what it finds on the lowered text, and faster. */
const cased = (s: string) => s.toUpperCase() !== s;

/**
 * How a match ranks: ts_rank's formula for an OR of lexemes, applied to the needles themselves as
 * counted in the row's texts. A needle found n times, weights wj in order (the title's and 文号's
 * occurrences first, 1.0 each; the body's 0.1 — the 1:10:10 of the SQLite BM25), scores
 * Σ wj / j² / (π²/6); the rank is the mean over the needles, below 1 (bonuses are multiples of 10).
 * Counted when searching, on the few hundred documents ranked, so an ingest neither cuts words nor
 * stores vectors: those were a fifth of its CPU. OFFSET 0 keeps each subquery whole: search_text
 * detoasted once for all the needles, each count made once (flattened, the planner put the count
 * expressions wherever n.a and n.t are named: ten replaces of the text a needle, 85 µs a row).
 */
function occurrenceRank(p: Params, needles: readonly string[]): string {
  const count = (t: string, x: string) => `(octet_length(${t}) - octet_length(replace(${t}, ${x}, ''))) / octet_length(${x})`;
  const rows = needles.map((n) => {
    const x = p.add(n);
    return `(${count('d.search_title', x)} + ${count("lower(coalesce(d.doc_number, ''))", x)}, ${count(cased(n) ? 'r.lowered' : 'r.t', x)})`;
  });
  // The lowered text too, once, when a needle has letters with case (the text keeps its case).
  const lowered = needles.some(cased) ? ", lower(c.search_text) AS lowered" : '';
  return `(SELECT sum(0.9 * ${inverseSquares('least(n.a, n.t)')} + 0.1 * ${inverseSquares('n.t')}) / ${PI2_6 * needles.length}
    FROM documents d JOIN document_content c ON c.document_id = d.id
      CROSS JOIN LATERAL (SELECT c.search_text || '' AS t${lowered} OFFSET 0) r
      CROSS JOIN LATERAL (SELECT * FROM (VALUES ${rows.join(', ')}) v(a, t) OFFSET 0) n
    WHERE d.id = f.id)`;
}

const PI2_6 = Math.PI ** 2 / 6;

/** Σ 1/j² for j = 1…n: exact to 3, then Euler–Maclaurin's π²/6 − 1/n + 1/2n² − 1/6n³ (off by < 2e-4). */
function inverseSquares(n: string): string {
  return `(CASE WHEN ${n} < 1 THEN 0 WHEN ${n} = 1 THEN 1 WHEN ${n} = 2 THEN 1.25
    ELSE ${PI2_6} - 1.0::float8 / ${n} + 0.5::float8 / (${n} * ${n}) - 1.0::float8 / (6 * ${n} * ${n} * ${n}) END)`;
}

/** A needle's distinct character pairs, as the bigram arrays and the title keys list them. */
const pairsOf = (s: string) => [...bigrams(s).keys()];

/**
 * An unquoted chunk of 4+ characters found nowhere whole (武隆区禁火令通知) is a string of words:
 * it matches where each of its 2+-character words is. Decided over the whole corpus, as SQLite does.
 */
async function splitUnfound(db: pg.PoolClient, seg: Segmenter, terms: Term[], known: Map<string, boolean>): Promise<Map<string, string[]>> {
  const splits = new Map<string, string[]>();
  const candidates = new Map<string, string[]>();
  for (const t of terms) {
    if (t.phrase || charLength(t.text) < 4) continue;
    const words = seg.cut(t.text).filter((w) => charLength(w) >= 2);
    if (words.length >= 2) candidates.set(t.text, words);
  }
  const texts = [...candidates.keys()].filter((t) => !known.has(t));
  if (known.size + texts.length > KNOWN_CHUNKS) known.clear();
  if (texts.length > 0) {
    const p = new Params();
    const r = await db.query<{ found: boolean[] }>(
      `SELECT ARRAY[${texts.map((t) => `EXISTS (SELECT 1 FROM document_content c WHERE ${holds(p, t)})`).join(', ')}] AS found`,
      p.values,
    );
    texts.forEach((t, i) => known.set(t, r.rows[0]!.found[i]!));
  }
  for (const [t, words] of candidates) if (!known.get(t)) splits.set(t, words);
  return splits;
}

/**
 * One statement in a read-only transaction whose plans use the indexes: the planner prices a
 * sequential scan by the table pages and not by the TOASTed texts and arrays each row drags in, so
 * it would pick one for every common word; and JIT compiling a big plan costs more than it runs.
 */
export function search(pool: pg.Pool, seg: Segmenter, q: SearchQuery, limits: SearchLimits = PG_SEARCH_LIMITS,
  foundWhole = new Map<string, boolean>()): Promise<SearchResult> {
  return withTransaction(pool, (c) => searchIn(c, seg, q, limits, foundWhole), 'BEGIN READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL jit = off');
}

/**
 * PostgreSQL's SearchLimits (store.ts). Each match read costs the server some 25 µs (a longer
 * needle's text tested, the document row and status joined) and each one ranked a few more (its
 * text counted), several times SQLite's in-memory catalog. At 10,000 documents, server CPU per bench
 * query: with 2,000 read and 1,000 ranked p50 30 ms, p99 60 ms; with 1,000 and 500, 20 and 40 ms.
 * At 100,000 (session 8, load 1.0, the 65 queries × 5 in one process): 500 read, 250 ranked: wall
 * p50 36.6, p99 58.2 ms, server CPU 28.3 ms a query; 250 and 250: 24.1, 44.9 and 19.2. Totals above
 * 250 are estimated from the first 250 matches in table order; a match set of up to 250 is exact and ranked.
 */
export const PG_SEARCH_LIMITS: SearchLimits = { read: 250, ranked: 250 };

async function searchIn(db: pg.PoolClient, seg: Segmenter, q: SearchQuery, limits: SearchLimits, foundWhole: Map<string, boolean>): Promise<SearchResult> {
  const parsed = parseQuery(q.q ?? '');
  const positive = parsed.groups.filter((g) => !g.negated);
  const negative = parsed.groups.filter((g) => g.negated);
  const terms = positive.flatMap((g) => g.terms);
  const splits = await splitUnfound(db, seg, terms, foundWhole);
  const parts = (t: Term) => splits.get(t.text) ?? [t.text];
  const needles = [...new Set(terms.flatMap(parts))];

  const p = new Params();
  // Which documents match: one condition on the content rows. The bigram GIN index gives the rows
  // listing every pair of the needles (bitmaps ANDed and ORed as the groups are), in table order,
  // and the folded text of those rows is checked as they come, so a read stops after its first
  // matches instead of building whole sets. Excluded terms are checked on the text alone.
  // A group of several terms (超充 OR 充电桩) is the OR of their index conditions, then the OR of
  // their exact tests: the planner re-tests an OR of mixed conditions whole on every row, and an
  // array containment test parses the row's whole bigram array (a text test does not).
  const group = (g: (typeof positive)[number]) => {
    if (g.terms.length === 1) return parts(g.terms[0]!).map((x) => holds(p, x)).join(' AND ');
    const conditions = g.terms.map((t) => parts(t).map((x) => listed(p, x)));
    if (conditions.some((c) => c.includes(null))) return `(${g.terms.map((t) => `(${parts(t).map((x) => holds(p, x)).join(' AND ')})`).join(' OR ')})`;
    const any = (xs: string[][]) => `(${xs.map((x) => `(${x.join(' AND ')})`).join(' OR ')})`;
    return `${any(conditions as string[][])} AND ${any(g.terms.map((t) => parts(t).map((x) => checked(p, x))))}`;
  };
  const excluded = negative.flatMap((g) => g.terms);
  const where = () => [...positive.map(group), ...excluded.map((t) => `NOT ${checked(p, t.text)}`)].join(' AND ');
  const limit = clampInt(q.limit, 20, 200);
  const offset = clampInt(q.offset, 0, Number.MAX_SAFE_INTEGER);
  // Terms are read no further than limits.read matches (boundedRead); a query of filters alone, or
  // of excluded terms alone, reads every document, exactly.
  const only = positive.length === 1 && positive[0]!.terms.length === 1 && excluded.length === 0 ? parts(positive[0]!.terms[0]!) : null;
  const read = Math.max(limits.read, offset + limit);

  // Sorted by date, no score is computed (an unused parameter is an error in PostgreSQL).
  const scored = terms.length > 0 && q.sort !== 'date';
  // Bonuses still apply to a query with a numeric term; the rank does not (numeric above).
  const rank = scored && !terms.some((t) => numeric(t.text)) ? occurrenceRank(p, needles) : '0';
  const bonus: string[] = [];
  for (const t of scored ? terms : []) {
    const inTitle = parts(t).map((x) => `strpos(d.search_title, ${p.add(x)}) > 0`).join(' AND ');
    bonus.push(`CASE WHEN ${inTitle} THEN ${TITLE_BONUS} ELSE 0 END`);
    bonus.push(`CASE WHEN strpos(lower(coalesce(d.doc_number, '')), ${p.add(t.text)}) > 0 THEN ${DOCNUM_BONUS} ELSE 0 END`);
  }
  if (parsed.docNumber !== null && scored) bonus.push(`CASE WHEN d.doc_number = ${p.add(parsed.docNumber)} THEN ${EXACT_DOCNUM_BONUS} ELSE 0 END`);

  // Filters apply before facets: the facets count what passes every filter and add up to the total.
  // The row's own (date range, field choice, year, issuer, kind): plain conditions on the document
  // row, applied in the read as well — a year's documents may all lie past the first matches in
  // table order (the corpus is stored a government at a time), and a read of those first ones would
  // find none of them. The status is derived: filtered after the joins.
  const rowFilters: string[] = [];
  if (q.from) rowFilters.push(`d.signed_on >= ${p.add(q.from)}`);
  if (q.to) rowFilters.push(`d.signed_on <= ${p.add(q.to)}`);
  const inField = q.field === 'title' ? 'd.search_title' : q.field === 'docNumber' ? "lower(coalesce(d.doc_number, ''))" : null;
  if (inField) {
    for (const g of positive) {
      rowFilters.push(`(${g.terms.map((t) => `(${(q.field === 'title' ? parts(t) : [t.text]).map((x) => `strpos(${inField}, ${p.add(x)}) > 0`).join(' AND ')})`).join(' OR ')})`);
    }
  }
  if (q.year !== undefined && q.year !== null) rowFilters.push(`d.year = ${p.add(q.year)}`);
  if (q.issuer) rowFilters.push(`d.issuer_key = ${p.add(fold(q.issuer))}`);
  if (q.kind) rowFilters.push(`d.kind = ${p.add(q.kind)}`);
  const filters = q.status ? [`status = ${p.add(q.status)}`] : [];
  // No term to look for: the documents passing the row filters, through their indexes.
  const passing = `SELECT d.id AS document_id FROM documents d${rowFilters.length ? ` WHERE ${rowFilters.join(' AND ')}` : ''}`;
  const sample = positive.length === 0
    ? exactRead(excluded.length ? `${passing} EXCEPT SELECT document_id FROM document_content c WHERE ${excluded.map((t) => holds(p, t.text)).join(' OR ')}` : passing)
    : boundedRead(p, where(), read, rowFilters);
  // Facets and total count what was read, each match standing for `weight` documents (1 when exact).
  const facet = (d: keyof Facets) =>
    `SELECT '${d}' AS facet, ${d}::text AS value, round(count(*) * (SELECT weight FROM st))::int AS count FROM f WHERE sampled AND ${d} IS NOT NULL GROUP BY ${d}`;
  // Above the read limit, the documents that must lead the page whether or not the read reached
  // them (as the SQLite store's certainHits): the newest with the term in the title, the exact 文号.
  // The titles' keys (migration 17: character pairs and the year signed) find the documents with a
  // word in the title. The newest are looked for among the last RECENT_YEARS years' first — a word
  // common in titles (领导小组: 7,000 at 100k) then costs a few hundred rows read and sorted, not
  // all of them — and in every year when those hold too few.
  const titled = (x: string) => {
    const pairs = pairsOf(x);
    return `${pairs.length ? `title_keys(d.search_title, d.signed_on) @> ${p.add(pairs)}::text[] AND ` : ''}strpos(d.search_title, ${p.add(x)}) > 0`;
  };
  const inTitle = only?.map(titled).join(' AND ');
  const wanted = offset + limit + 200;
  const newest = (where: string, n: number) => `SELECT d.id FROM documents d WHERE NOT (SELECT exact FROM st) AND ${inTitle} AND ${where}
      ORDER BY d.signed_on DESC, d.id LIMIT ${p.add(n)}`;
  const titleCtes = only === null ? '' : `, years AS (SELECT ARRAY(SELECT 'y' || (y - k) FROM generate_series(0, ${RECENT_YEARS - 1}) k) AS keys
      FROM (SELECT CASE WHEN m ~ '^[0-9]{4}' THEN left(m, 4)::int END AS y FROM (SELECT max(signed_on) AS m FROM documents) a) b),
    recent AS MATERIALIZED (${newest('title_keys(d.search_title, d.signed_on) && (SELECT keys FROM years)', wanted)})`;
  const certain = only === null ? [] : [
    `(SELECT id FROM recent WHERE (SELECT count(*) FROM recent) >= ${p.add(wanted)})`,
    `(${newest(`d.signed_on IS NOT NULL AND (SELECT count(*) FROM recent) < ${p.add(wanted)}`, wanted)})`,
    `(SELECT d.id FROM documents d WHERE NOT (SELECT exact FROM st) AND ${inTitle} AND d.signed_on IS NULL ORDER BY d.id LIMIT ${p.add(wanted)})`,
    ...(parsed.docNumber !== null ? [`(SELECT d.id FROM documents d WHERE NOT (SELECT exact FROM st) AND d.doc_number = ${p.add(parsed.docNumber)})`] : []),
  ];
  // The score is rank (occurrenceRank, below 1) plus bonuses (multiples of 10): the page lies in the
  // bonus tiers at or above the one its last hit falls in, so only their documents are ranked.
  const text = `
    WITH ${sample}, st AS (SELECT exact, weight, exact AND n <= ${p.add(limits.ranked)} AS ranked FROM rs)${titleCtes}, c AS MATERIALIZED (
      -- Matching on the indexes alone, once per document, whatever row estimates the planner has.
      SELECT document_id, true AS sampled FROM r${certain.length ? `
      UNION ALL SELECT id, false FROM (${certain.join(' UNION ')}) x WHERE id NOT IN (SELECT document_id FROM r)` : ''}
    ), m AS (
      -- issuer: the folded key, what filters and facets compare; printed_issuer: what hits show.
      SELECT d.id, c.sampled, d.doc_number, d.title, d.signed_on, d.issuer_key AS issuer, d.issuer AS printed_issuer, d.kind, d.year,
        coalesce(k.status, s.status, '未知') AS status${bonus.map((b, i) => `, ${b} AS b${i}`).join('')}
      -- EFFECTIVE_STATUS (read.ts) as joins: two index probes per match add up over thousands of matches.
      FROM c JOIN documents d ON d.id = c.document_id LEFT JOIN statuses s ON s.document_id = d.id
        LEFT JOIN (SELECT DISTINCT ON (document_id) document_id, status FROM corrections ORDER BY document_id, created_at DESC, seq DESC) k
          ON k.document_id = d.id ${rowFilters.length ? `WHERE ${rowFilters.join(' AND ')}` : ''}
    ), f AS MATERIALIZED (
      SELECT *, ${bonus.length ? bonus.map((_, i) => `b${i}`).join(' + ') : '0'} AS bonus FROM m ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
    ), tier AS (
      SELECT coalesce((SELECT bonus FROM f ORDER BY bonus DESC LIMIT 1 OFFSET ${p.add(Math.max(0, limit + offset - 1))}), -1) AS bonus
    ), page AS (
      SELECT f.*, (coalesce(CASE WHEN (SELECT ranked FROM st) THEN ${rank} END, 0)::float8${bonus.map((_, i) => ` + f.b${i}`).join('')})::float8 AS score
      FROM f WHERE f.bonus >= (SELECT bonus FROM tier)
      ORDER BY score DESC, f.signed_on DESC NULLS LAST, f.id LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}
    )
    SELECT
      (SELECT round(count(*) * (SELECT weight FROM st))::int FROM f WHERE sampled) AS total,
      NOT (SELECT exact FROM st) AS approximate,
      (SELECT coalesce(json_agg(h), '[]') FROM (
        -- The page first, then its latest issue and the excerpt: only the page's texts are read.
        SELECT f.id, f.doc_number, f.title, f.signed_on, f.printed_issuer AS issuer, f.kind, f.status, f.issue_id, f.score,
          e.start > 1 AS cut_before, left(e.text, ${EXCERPT_LENGTH}) AS excerpt, length(e.text) > ${EXCERPT_LENGTH} AS cut_after
        FROM (SELECT d.*, ${LATEST_ISSUE} AS issue_id FROM page d) f
        JOIN document_content c ON c.document_id = f.id CROSS JOIN LATERAL (${excerptSql(p, needles)}) e
        ORDER BY f.score DESC, f.signed_on DESC NULLS LAST, f.id) h) AS hits,
      (SELECT coalesce(json_agg(x), '[]') FROM (${(['year', 'issuer', 'kind', 'status'] as const).map(facet).join(' UNION ALL ')}) x) AS facets`;
  const row = (await db.query(text, p.values)).rows[0] as { total: number; approximate: boolean; hits: HitRow[]; facets: FacetRow[] };
  return {
    total: row.total,
    facets: toFacets(row.facets),
    hits: row.hits.map((h) => toHit(h, needles)),
    ...(row.approximate ? { approximate: true } : {}),
  };
}

/** CTEs r (the matches read: document_id) and rs (n read, exact, weight): every match, exactly. */
function exactRead(matched: string): string {
  return `r AS MATERIALIZED (SELECT DISTINCT document_id FROM (${matched}) x), rs AS (SELECT count(*) AS n, true AS exact, 1 AS weight FROM r)`;
}

/** A row's page in its table (`alias`: the table's name in the read), the order a bitmap heap scan hands rows over in. */
const block = (alias: string) => `(${alias}.ctid::text::point)[0]::bigint`;

/**
 * CTE rs over the read r (document_id, blk): how many were read, whether that was all of them (at
 * most `read`), and the weight of each — 1 when exact, else the table's pages over the pages read:
 * a read cut short has covered a leading stretch of `table`, as the SQLite store scales by rowids.
 */
function scaled(p: Params, table: string, read: number): string {
  const exact = `count(*) <= ${p.add(read)}`;
  const pages = `greatest(1, pg_relation_size('${table}') / current_setting('block_size')::bigint)`;
  return `rs AS (SELECT count(*) AS n, ${exact} AS exact, CASE WHEN ${exact} THEN 1 ELSE ${pages}::float8 / (max(blk) + 1) END AS weight FROM r)`;
}

/**
 * CTEs r and rs for the content rows meeting `where` whose document row (d) meets `rowFilters`,
 * read no further than `read` matches, in table order as the index hands them over (a bitmap heap
 * scan).
 */
function boundedRead(p: Params, where: string, read: number, rowFilters: readonly string[]): string {
  const join = rowFilters.length > 0 ? ' JOIN documents d ON d.id = c.document_id' : '';
  return `r AS MATERIALIZED (SELECT c.document_id, ${block('c')} AS blk FROM document_content c${join}
      WHERE ${[where, ...rowFilters].join(' AND ')} LIMIT ${p.add(read + 1)}),
    ${scaled(p, 'document_content', read)}`;
}

interface HitRow {
  id: string;
  doc_number: string | null;
  title: string;
  signed_on: string | null;
  issuer: string | null;
  kind: string | null;
  status: string;
  issue_id: string | null;
  score: number;
  excerpt: string;
  cut_before: boolean;
  cut_after: boolean;
}

interface FacetRow {
  facet: keyof Facets;
  value: string;
  count: number;
}

/**
 * The stretch of body a snippet is cut from, around the earliest match of any needle (as the
 * SQLite store cuts it), so a 100k-character work report never travels to JavaScript whole.
 * The body is search_text after its title and 文号 lines.
 */
function excerptSql(p: Params, needles: string[]): string {
  const body = `regexp_replace(c.search_text, '^[^\\n]*\\n[^\\n]*\\n', '')`;
  const hay = needles.some((n) => /[a-z]/.test(n)) ? 'lower(b.body)' : 'b.body';
  return `SELECT b.body, x.start, substr(b.body, x.start, ${EXCERPT_LENGTH + 1}) AS text
    FROM (SELECT ${body} AS body) b,
    LATERAL (SELECT greatest(1, coalesce(min(nullif(strpos(${hay}, n), 0)), 1) - ${EXCERPT_BEFORE}) AS start
      FROM unnest(${p.add(needles)}::text[]) n) x`;
}

/** A hit is the listing summary (issueId included, as in the SQLite store) plus score and snippet. */
function toHit(h: HitRow, needles: string[]): SearchHit {
  const summary: DocumentSummary = {
    id: h.id,
    docNumber: h.doc_number,
    title: h.title,
    issuer: h.issuer,
    kind: h.kind,
    signedOn: h.signed_on,
    issueId: h.issue_id,
    status: h.status as LegalStatus,
  };
  const snippet = makeSnippet(h.excerpt, needles, 100, { cutBefore: h.cut_before, cutAfter: h.cut_after });
  return { ...summary, score: Math.round(h.score * 1000) / 1000, snippet };
}

/** Most frequent first; years newest first on ties, other values in order. */
function toFacets(rows: FacetRow[]): Facets {
  const out: Facets = { year: [], issuer: [], kind: [], status: [] };
  for (const r of rows) out[r.facet].push({ value: r.value, count: r.count });
  for (const [d, list] of Object.entries(out)) {
    list.sort((a, b) => b.count - a.count || (d === 'year' ? b.value.localeCompare(a.value) : a.value.localeCompare(b.value)));
  }
  return out;
}
