/**
 * Search on PostgreSQL, with the SQLite store's semantics. Which documents match: exact substrings
 * of the folded text (ILIKE, pg_trgm-indexed when the extension exists). How they rank: ts_rank
 * over the jieba-word vector (title and 文号 weighted ten times the body) plus bonuses that put
 * title hits and an exact 文号 first. Facets count what passes every filter, as src/search/facets.ts does.
 * Every user string reaches SQL as a parameter; websearch_to_tsquery cannot raise a syntax error.
 */
import type pg from 'pg';
import type { LegalStatus } from '../../domain/types.js';
import { charLength } from '../../search/bigrams.js';
import { fold } from '../../search/fold.js';
import { parseQuery, type Term } from '../../search/query.js';
import type { Segmenter } from '../../search/segment.js';
import { EXCERPT_BEFORE, EXCERPT_LENGTH, makeSnippet } from '../../search/snippet.js';
import { clampInt } from '../keys.js';
import type { DocumentSummary, Facets, SearchHit, SearchQuery, SearchResult } from '../store.js';
import { Params } from './params.js';
import { EFFECTIVE_STATUS, LATEST_ISSUE } from './read.js';

const TITLE_BONUS = 20;
const DOCNUM_BONUS = 10;
const EXACT_DOCNUM_BONUS = 1000;
/** ts_rank weights {D, C, B, A}: body (C) 0.1, 文号 (B) and title (A) 1.0 — the 1:10:10 of the SQLite BM25. */
const RANK_WEIGHTS = `'{0, 0.1, 1.0, 1.0}'`;

const pattern = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * An unquoted chunk of 4+ characters found nowhere whole (武隆区禁火令通知) is a string of words:
 * it matches where each of its 2+-character words is. Decided over the whole corpus, as SQLite does.
 */
async function splitUnfound(db: pg.Pool, seg: Segmenter, terms: Term[]): Promise<Map<string, string[]>> {
  const splits = new Map<string, string[]>();
  const candidates = new Map<string, string[]>();
  for (const t of terms) {
    if (t.phrase || charLength(t.text) < 4) continue;
    const words = seg.cut(t.text).filter((w) => charLength(w) >= 2);
    if (words.length >= 2) candidates.set(t.text, words);
  }
  if (candidates.size === 0) return splits;
  const texts = [...candidates.keys()];
  const r = await db.query<{ found: boolean[] }>(
    `SELECT array_agg(EXISTS (SELECT 1 FROM document_content c WHERE c.search_text ILIKE p) ORDER BY n) AS found
     FROM unnest($1::text[]) WITH ORDINALITY AS x(p, n)`,
    [texts.map(pattern)],
  );
  texts.forEach((t, i) => {
    if (!r.rows[0]!.found[i]) splits.set(t, candidates.get(t)!);
  });
  return splits;
}

export async function search(db: pg.Pool, seg: Segmenter, q: SearchQuery): Promise<SearchResult> {
  const parsed = parseQuery(q.q ?? '');
  const positive = parsed.groups.filter((g) => !g.negated);
  const negative = parsed.groups.filter((g) => g.negated);
  const terms = positive.flatMap((g) => g.terms);
  const splits = await splitUnfound(db, seg, terms);
  const parts = (t: Term) => splits.get(t.text) ?? [t.text];
  const needles = [...new Set(terms.flatMap(parts))];

  const p = new Params();
  // Two characters: the bigram GIN index; otherwise ILIKE, which pg_trgm indexes from three characters.
  const has = (s: string) =>
    charLength(s) === 2 ? `c.bigrams @> ARRAY[${p.add(s)}]::text[]` : `c.search_text ILIKE ${p.add(pattern(s))}`;
  const where: string[] = [];
  for (const g of positive) where.push(`(${g.terms.map((t) => `(${parts(t).map(has).join(' AND ')})`).join(' OR ')})`);
  const excluded = negative.flatMap((g) => g.terms);
  if (excluded.length) where.push(`NOT (${excluded.map((t) => has(t.text)).join(' OR ')})`);

  let rank = '0';
  const score: string[] = ['c.rank'];
  const words = [...new Set(needles.flatMap((n) => seg.queryWords(n)))].filter((w) => charLength(w) >= 2 || needles.includes(w));
  if (words.length && terms.length) {
    rank = `(SELECT ts_rank(${RANK_WEIGHTS}, w.vector, websearch_to_tsquery('simple', ${p.add(words.join(' or '))}))
      FROM document_words w WHERE w.document_id = c.document_id)`;
  }
  // Sorted by date, the score is not computed (an unused parameter is an error in PostgreSQL).
  for (const t of q.sort === 'date' ? [] : terms) {
    const inTitle = parts(t).map((x) => `strpos(d.search_title, ${p.add(x)}) > 0`).join(' AND ');
    score.push(`CASE WHEN ${inTitle} THEN ${TITLE_BONUS} ELSE 0 END`);
    score.push(`CASE WHEN strpos(lower(coalesce(d.doc_number, '')), ${p.add(t.text)}) > 0 THEN ${DOCNUM_BONUS} ELSE 0 END`);
  }
  if (parsed.docNumber !== null && q.sort !== 'date') score.push(`CASE WHEN d.doc_number = ${p.add(parsed.docNumber)} THEN ${EXACT_DOCNUM_BONUS} ELSE 0 END`);

  // Filters apply before facets: the facets count what passes every filter and add up to the total.
  // Date range and field choice: plain conditions on the document row.
  const own: string[] = [];
  if (q.from) own.push(`d.signed_on >= ${p.add(q.from)}`);
  if (q.to) own.push(`d.signed_on <= ${p.add(q.to)}`);
  const inField = q.field === 'title' ? 'd.search_title' : q.field === 'docNumber' ? "lower(coalesce(d.doc_number, ''))" : null;
  if (inField) {
    for (const g of positive) {
      own.push(`(${g.terms.map((t) => `(${(q.field === 'title' ? parts(t) : [t.text]).map((x) => `strpos(${inField}, ${p.add(x)}) > 0`).join(' AND ')})`).join(' OR ')})`);
    }
  }
  const filters: string[] = [];
  if (q.year !== undefined && q.year !== null) filters.push(`year = ${p.add(q.year)}`);
  if (q.issuer) filters.push(`issuer = ${p.add(fold(q.issuer))}`);
  if (q.kind) filters.push(`kind = ${p.add(q.kind)}`);
  if (q.status) filters.push(`status = ${p.add(q.status)}`);
  const limit = p.add(clampInt(q.limit, 20, 200));
  const offset = p.add(clampInt(q.offset, 0, Number.MAX_SAFE_INTEGER));
  const facet = (d: keyof Facets) =>
    `SELECT '${d}' AS facet, ${d}::text AS value, count(*)::int AS count FROM f WHERE ${d} IS NOT NULL GROUP BY ${d}`;
  const text = `
    WITH c AS MATERIALIZED (
      -- Matching on content alone, once per document, whatever row estimates the planner has.
      SELECT c.document_id, coalesce(${rank}, 0)::float8 AS rank FROM document_content c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ), m AS (
      -- issuer: the folded key, what filters and facets compare; printed_issuer: what hits show.
      SELECT d.id, d.doc_number, d.title, d.signed_on, d.issuer_key AS issuer, d.issuer AS printed_issuer, d.kind, d.year,
        ${EFFECTIVE_STATUS} AS status,
        (${terms.length && q.sort !== 'date' ? score.join(' + ') : '0'})::float8 AS score
      FROM c JOIN documents d ON d.id = c.document_id ${own.length ? `WHERE ${own.join(' AND ')}` : ''}
    ), f AS (
      SELECT * FROM m ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
    )
    SELECT
      (SELECT count(*)::int FROM f) AS total,
      (SELECT coalesce(json_agg(h), '[]') FROM (
        -- The page first, then its latest issue and the excerpt: only the page's texts are read.
        SELECT f.id, f.doc_number, f.title, f.signed_on, f.printed_issuer AS issuer, f.kind, f.status, f.issue_id, f.score,
          e.start > 1 AS cut_before, left(e.text, ${EXCERPT_LENGTH}) AS excerpt, length(e.text) > ${EXCERPT_LENGTH} AS cut_after
        FROM (
          SELECT d.*, ${LATEST_ISSUE} AS issue_id FROM (
            SELECT * FROM f ORDER BY f.score DESC, f.signed_on DESC NULLS LAST, f.id LIMIT ${limit} OFFSET ${offset}
          ) d
        ) f JOIN document_content c ON c.document_id = f.id CROSS JOIN LATERAL (${excerptSql(p, needles)}) e
        ORDER BY f.score DESC, f.signed_on DESC NULLS LAST, f.id) h) AS hits,
      (SELECT coalesce(json_agg(x), '[]') FROM (${(['year', 'issuer', 'kind', 'status'] as const).map(facet).join(' UNION ALL ')}) x) AS facets`;
  const row = (await db.query(text, p.values)).rows[0] as { total: number; hits: HitRow[]; facets: FacetRow[] };
  return {
    total: row.total,
    facets: toFacets(row.facets),
    hits: row.hits.map((h) => toHit(h, needles)),
  };
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
