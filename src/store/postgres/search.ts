/**
 * Search in one round trip: substring match (ILIKE, pg_trgm-indexed when available) or jieba-token
 * match decides membership; ts_rank over the weighted vector plus title and 文号 boosts orders it;
 * facets count the whole matched set. Every user string goes in as a parameter.
 */
import type pg from 'pg';
import type { LegalStatus } from '../../domain/types.js';
import { parseQuery, positiveTerms, type Term } from '../../search/query.js';
import type { Segmenter } from '../../search/segment.js';
import type { Facets, SearchHit, SearchQuery, SearchResult } from '../store.js';
import { STATUS_SQL } from './rows.js';
import { snippet } from './snippet.js';
import { bodyOf } from './text.js';

/** Collects parameters and hands back their $n placeholders. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    // PostgreSQL text cannot hold NUL; a user can still type one.
    this.values.push(typeof v === 'string' ? v.replace(/\0/g, '') : v);
    return `$${this.values.length}`;
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');
// The folded title and 文号 are the first two lines of search_text (see text.ts).
const TITLE = `split_part(c.search_text, E'\\n', 1)`;
const DOC_NUMBER = `split_part(c.search_text, E'\\n', 2)`;
const contains = (p: Params, col: string, text: string) => `${col} ILIKE ${p.add(`%${likeEscape(text)}%`)}`;

/**
 * A term matches as a substring; an unquoted one not found whole also matches when each of its
 * words is there (房屋征收补偿 finds 房屋征收与补偿).
 */
function termMatches(p: Params, t: Term, seg: Segmenter): string {
  const whole = contains(p, 'c.search_text', t.text);
  const words = t.phrase ? [] : seg.cut(t.text);
  if (words.length < 2) return whole;
  return `(${whole} OR (${words.map((w) => contains(p, 'c.search_text', w)).join(' AND ')}))`;
}

/** WHERE clauses for the metadata filters shared by search and listing. */
export function filterClauses(
  p: Params,
  f: { year?: number; issuer?: string; kind?: string; status?: LegalStatus | LegalStatus[]; issueId?: string },
): string[] {
  const where: string[] = [];
  if (f.year != null) where.push(`d.year = ${p.add(f.year)}`);
  if (f.issuer) where.push(`d.issuer = ${p.add(f.issuer)}`);
  if (f.kind) where.push(`d.kind = ${p.add(f.kind)}`);
  if (f.issueId) where.push(`d.issue_id = ${p.add(f.issueId)}`);
  if (f.status) where.push(`${STATUS_SQL} = ANY(${p.add(Array.isArray(f.status) ? f.status : [f.status])}::text[])`);
  return where;
}

export async function search(db: pg.Pool, seg: Segmenter, q: SearchQuery): Promise<SearchResult> {
  const parsed = parseQuery(q.q ?? '');
  const p = new Params();
  const where = filterClauses(p, q);
  for (const g of parsed.groups) {
    const alts = g.negated ? g.terms.map((t) => contains(p, 'c.search_text', t.text)) : g.terms.map((t) => termMatches(p, t, seg));
    where.push(g.negated ? `NOT (${alts.join(' OR ')})` : `(${alts.join(' OR ')})`);
  }

  const positive = positiveTerms(parsed);
  const highlight = [...new Set(positive.flatMap((t) => [t.text, ...(t.phrase ? [] : seg.cut(t.text))]))];
  const score: string[] = ['0'];
  const words = [...new Set(positive.flatMap((t) => seg.queryWords(t.text)))];
  // ts_rank weights body (C) 0.2, 文号 (B) 0.4, title (A) 1.0; websearch_to_tsquery never raises.
  if (words.length) score.push(`ts_rank(c.search_vector, websearch_to_tsquery('simple', ${p.add(words.join(' or '))}))`);
  // A term in the title or 文号 outweighs any body-only rank; the exact 文号 outweighs everything.
  for (const t of positive) {
    score.push(`(${contains(p, TITLE, t.text)})::int`, `(${contains(p, DOC_NUMBER, t.text)})::int`);
  }
  if (parsed.docNumber) score.push(`CASE WHEN d.doc_number = ${p.add(parsed.docNumber)} THEN 100 ELSE 0 END`);

  const limit = p.add(Math.max(0, Math.min(q.limit ?? 20, 1000)));
  const offset = p.add(Math.max(0, q.offset ?? 0));
  const facet = (col: string, name: string) =>
    `SELECT '${name}' AS facet, ${col}::text AS value, count(*)::int AS count FROM m WHERE ${col} IS NOT NULL GROUP BY ${col}`;
  const text = `
    WITH m AS (
      SELECT d.id, d.doc_number, d.title, d.signed_on, d.issuer, d.kind, d.year, ${STATUS_SQL} AS status,
        (${score.join(' + ')})::float8 AS score
      FROM documents d JOIN document_content c ON c.document_id = d.id LEFT JOIN statuses s ON s.document_id = d.id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    )
    SELECT
      (SELECT count(*)::int FROM m) AS total,
      (SELECT coalesce(json_agg(h), '[]') FROM (
        SELECT m.*, c.search_text FROM m JOIN document_content c ON c.document_id = m.id
        ORDER BY m.score DESC, m.signed_on DESC NULLS LAST, m.id LIMIT ${limit} OFFSET ${offset}) h) AS hits,
      (SELECT coalesce(json_agg(f), '[]') FROM (
        ${facet('year', 'year')} UNION ALL ${facet('issuer', 'issuer')} UNION ALL
        ${facet('kind', 'kind')} UNION ALL ${facet('status', 'status')}) f) AS facets`;
  const row = (await db.query(text, p.values)).rows[0] as { total: number; hits: HitRow[]; facets: FacetRow[] };
  return {
    total: row.total,
    facets: toFacets(row.facets),
    hits: row.hits.map((h) => toHit(h, highlight)),
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
  score: number;
  search_text: string;
}

interface FacetRow {
  facet: keyof Facets;
  value: string;
  count: number;
}

function toHit(h: HitRow, terms: string[]): SearchHit {
  return {
    id: h.id,
    docNumber: h.doc_number,
    title: h.title,
    signedOn: h.signed_on,
    issuer: h.issuer,
    kind: h.kind,
    status: h.status as LegalStatus,
    score: Math.round(h.score * 1e4) / 1e4,
    snippet: snippet(bodyOf(h.search_text), terms),
  };
}

function toFacets(rows: FacetRow[]): Facets {
  const out: Facets = { year: [], issuer: [], kind: [], status: [] };
  for (const r of rows) out[r.facet].push({ value: r.value, count: r.count });
  for (const list of Object.values(out)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return out;
}
