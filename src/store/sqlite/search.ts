/**
 * Search on SQLite. Which documents match is decided by exact substring semantics over doc_bg (a
 * term is the phrase of its character pairs, search-index.ts); how they rank by BM25 over those
 * phrases with title and 文号 weighted up, plus bonuses that put title hits and an exact 文号 first.
 * Filters, facets and the bonuses are taken over the in-memory catalog (catalog.ts).
 *
 * Up to limits.ranked matches the order is BM25 and bonuses, exactly. Above, it is the bonuses
 * (title and 文号 hits first), then 成文日期: FTS5's BM25 reads every match again to count document
 * frequencies, about 1 ms a thousand matches, which a province's common words cannot afford. Up to
 * limits.read matches the total and facets are exact; above, they are estimated from the first
 * limits.read (`approximate`, shown as 约), and title and 文号 hits are found in the catalog.
 * A query with a mostly numeric term (〔2024〕17, 2023) is never ranked by BM25: the pairs of digits
 * are in nearly every document, so counting their frequencies reads the longest lists in the index
 * (12 of a 6 ms query's 18 ms at 100,000 documents), and a number's frequency says nothing of
 * relevance; 文号 and title hits come first all the same.
 * User text reaches MATCH only as character-pair tokens (bigrams.ts), never as FTS5 syntax.
 */
import type Database from 'better-sqlite3';
import { charLength, substringExpression } from '../../search/bigrams.js';
import { numeric, parseQuery, type Term } from '../../search/query.js';
import { EXCERPT_BEFORE, EXCERPT_LENGTH, makeSnippet } from '../../search/snippet.js';
import type { SearchHit, SearchLimits, SearchQuery, SearchResult } from '../store.js';
import { clampInt } from '../keys.js';
import { type BodyRead, type Catalog, catalogOf, countFacets, type Holding } from './catalog.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './read.js';
import type { SearchIndex } from './search-index.js';
import { stmt } from './statements.js';
import { foldedHead, unpackFolded } from '../packed-content.js';

/** Weights of bm25(doc_bg), in its columns' order: body, title, docnum. */
const BM25_WEIGHTS = '1.0, 10.0, 10.0';
const TITLE_BONUS = 20;
const DOCNUM_BONUS = 10;
const EXACT_DOCNUM_BONUS = 1000;
/**
 * SQLite's limits. read 5,000: at 100,000 documents a common word reads in 2–8 ms and search p50
 * is 1.5× FTS5 trigram's; 20,000 made it 4.4×. ranked 2,000: BM25 reads every match again.
 */
export const SEARCH_LIMITS: SearchLimits = { read: 5000, ranked: 2000 };

/**
 * Terms as FTS5 expressions over doc_bg. An unquoted chunk of 4+ characters found nowhere whole is
 * split into its jieba words, each required.
 */
class TermMatcher {
  /** What each term is looked for as: itself, or the words of a chunk not found whole. */
  private readonly split = new Map<string, string[]>();

  constructor(
    private readonly db: Database.Database,
    private readonly index: SearchIndex,
    private readonly catalog: Catalog,
  ) {}

  expr(t: Term): string {
    const parts = this.parts(t).map(substringExpression);
    return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
  }

  parts(t: Term): string[] {
    const key = `${t.phrase ? '"' : ''}${t.text}`;
    let parts = this.split.get(key);
    if (!parts) this.split.set(key, (parts = this.cut(t)));
    return parts;
  }

  private cut(t: Term): string[] {
    if (t.phrase || charLength(t.text) < 4 || this.foundWhole(t.text)) return [t.text];
    // An unspaced Chinese query (武隆区禁火令通知) is a string of words: require each of them.
    const words = this.index.seg().cut(t.text).filter((w) => charLength(w) >= 2);
    return words.length < 2 ? [t.text] : words;
  }

  private foundWhole(text: string): boolean {
    let found = this.catalog.foundWhole.get(text);
    if (found === undefined) {
      found = stmt(this.db, 'SELECT 1 FROM doc_bg WHERE doc_bg MATCH ? LIMIT 1', true).get(substringExpression(text)) !== undefined;
      this.catalog.foundWhole.set(text, found);
    }
    return found;
  }
}

const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;

/** What one query matched; each seq stands for `weight` documents (1, or more when estimated). */
interface Matches {
  /** The seqs matched that pass the filters, ascending. */
  readonly seqs: number[];
  /** Matches read from the index, before the filters. */
  readonly read: number;
  readonly weight: number;
  readonly exact: boolean;
}

export function searchSqlite(db: Database.Database, index: SearchIndex, q: SearchQuery, limits: SearchLimits = SEARCH_LIMITS): SearchResult {
  const parsed = parseQuery(q.q ?? '');
  const positive = parsed.groups.filter((g) => !g.negated);
  const negative = parsed.groups.filter((g) => g.negated).flatMap((g) => g.terms);
  const catalog = catalogOf(db);
  const m = new TermMatcher(db, index, catalog);
  const pass = catalog.filter(q);
  const limit = clampInt(q.limit, 20, 200);
  const offset = clampInt(q.offset, 0, Number.MAX_SAFE_INTEGER);

  // Groups AND, terms of a group OR; a field choice holds every positive group to that column.
  const column = q.field === 'title' ? 'title' : q.field === 'docNumber' ? 'docnum' : null;
  const groups = positive.map((g) => `(${g.terms.map((t) => m.expr(t)).join(' OR ')})`).join(' AND ');
  const excluded = negative.length > 0 ? negative.map((t) => m.expr(t)).join(' OR ') : null;
  const expr = positive.length === 0 ? null : `${column ? `{${column}} : (${groups})` : groups}${excluded ? ` NOT (${excluded})` : ''}`;

  const found = expr === null ? browse(db, catalog, pass, excluded) : matches(db, catalog, pass, expr, Math.max(limits.read, offset + limit), offset + limit);
  const terms = positive.flatMap((g) => g.terms);
  const ranked = terms.length > 0 && q.sort !== 'date';
  const total = Math.round(found.seqs.length * found.weight);
  const facets = countFacets(catalog, found.seqs, found.weight);

  // The order: score (BM25 when every match was read, and the bonuses), then 成文日期, then id.
  const wanted = terms.map((t) => ({ parts: m.parts(t), text: t.text, cased: CASED.test(t.text) }));
  // Each term's title and 文号 hits: entries outside the candidates of the pair postings are not tested.
  const titled = ranked ? wanted.map((t) => catalog.holding('title', t.parts)) : [];
  const numbered = ranked ? wanted.map((t) => catalog.holding('docNumber', [t.text], t.cased)) : [];
  const may = (h: Holding): Uint8Array | null => {
    if (h.candidates === null) return null;
    const marks = new Uint8Array(catalog.seqLimit);
    for (const seq of h.candidates) marks[seq] = 1;
    return marks;
  };
  const tests = [...titled.map((h) => ({ h, marks: may(h), points: TITLE_BONUS })), ...numbered.map((h) => ({ h, marks: may(h), points: DOCNUM_BONUS }))];
  const exactly = ranked && parsed.docNumber !== null ? numberedExactly(catalog, parsed.docNumber) : [];
  const bonus = (seq: number): number => {
    let s = 0;
    // Indexed, not destructured: called for each of up to 5,000 matches.
    for (let i = 0; i < tests.length; i++) {
      const t = tests[i]!;
      if ((t.marks === null || t.marks[seq] === 1) && t.h.holds(seq)) s += t.points;
    }
    return exactly.includes(seq) ? s + EXACT_DOCNUM_BONUS : s;
  };
  // The matches with a bonus are the ones bestScores must keep.
  const favoured = new Map<number, number>();
  if (ranked) for (const seq of found.seqs) {
    const b = bonus(seq);
    if (b > 0) favoured.set(seq, b);
  }
  const bm25 = ranked && found.exact && found.read <= limits.ranked && expr !== null && !terms.some((t) => numeric(t.text)) ? bestScores(db, expr, found, favoured, offset + limit) : null;
  const extra = ranked && !found.exact && positive.length === 1 && negative.length === 0 && column === null
    ? certainHits(catalog, pass, titled, exactly, offset + limit + 200) : [];
  for (const seq of extra) favoured.set(seq, bonus(seq));
  // A match without a BM25 score here cannot reach the page (bestScores): only the scored and the favoured are ranked.
  const candidates = bm25 ? found.seqs.filter((seq) => bm25.has(seq) || favoured.has(seq)) : found.seqs;
  const score = (seq: number): number => (bm25 ? (bm25.get(seq) ?? -Infinity) : 0) + (favoured.get(seq) ?? 0);
  const page = topK(catalog, candidates, extra, ranked ? score : () => 0, offset + limit).slice(offset);

  const summaries = new Map(
    (stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.seq IN (SELECT value FROM json_each(?))`).all(JSON.stringify(page.map((r) => r.seq))) as SummaryRow[]).map((r) => [r.seq, r]),
  );
  const needles = [...new Set(terms.flatMap((t) => m.parts(t)))];
  const snippet = excerpter(index, catalog, needles);
  const hits: SearchHit[] = page.filter((r) => summaries.has(r.seq)).map((r) => ({
    ...toSummary(summaries.get(r.seq)!), score: Math.round(r.score * 1000) / 1000, snippet: snippet(r.seq),
  }));
  return { total, facets, hits, ...(found.exact ? {} : { approximate: true }) };
}

/** No positive term: every document passing the filters, less those matching an excluded term. */
function browse(db: Database.Database, catalog: Catalog, pass: (seq: number) => boolean, excluded: string | null): Matches {
  const out = excluded === null ? null : new Set(rowids(db, 'SELECT rowid FROM doc_bg WHERE doc_bg MATCH ?', excluded));
  const seqs: number[] = [];
  for (const seq of catalog.seqs) if (pass(seq) && !out?.has(seq)) seqs.push(seq);
  return { seqs, read: 0, weight: 1, exact: true };
}

/**
 * The matches of an expression passing the filters: all of them, when there are at most
 * limits.read (or as many as the page asked reaches); else the first limits.read in rowid order,
 * each standing for its share of the documents (an estimate). Reading goes in ascending rowid: FTS5
 * reads a doclist backwards only by loading it whole, and its seeks cost as much as reading.
 */
function matches(db: Database.Database, catalog: Catalog, pass: ReturnType<Catalog['filter']>, expr: string, read: number, enough: number): Matches {
  const all = rowids(db, 'SELECT rowid FROM doc_bg WHERE doc_bg MATCH ? ORDER BY rowid LIMIT ?', expr, read + 1);
  const exact = all.length <= read;
  if (!exact) all.length = read;
  const seqs = all.filter(pass);
  if (!exact && pass.selective && seqs.length < enough) return readOn(db, catalog, pass, expr, read, seqs, all[read - 1]!);
  return { seqs, read: all.length, weight: exact ? 1 : readUpTo(catalog, all[read - 1]!), exact };
}

/** What each match read stands for when the read stopped at `last`: the documents over those up to it. */
const readUpTo = (catalog: Catalog, last: number) => catalog.seqs.length / catalog.countBetween(0, last);

/**
 * The first matches read left the page short: documents are stored as their files come, a
 * government at a time, so an issuer's documents can all lie past them. The read goes on in
 * batches until limits.read pass (the estimate then covers up to there) or the matches end (exact).
 */
function readOn(db: Database.Database, catalog: Catalog, pass: (seq: number) => boolean, expr: string, read: number, seqs: number[], after: number): Matches {
  let n = read;
  let last = after;
  for (let more = true; more;) {
    const batch = rowids(db, 'SELECT rowid FROM doc_bg WHERE doc_bg MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?', expr, last, read);
    more = batch.length === read;
    for (const seq of batch) {
      n++;
      last = seq;
      if (pass(seq) && seqs.push(seq) > read) {
        seqs.length = read;
        return { seqs, read: n, weight: readUpTo(catalog, seqs[read - 1]!), exact: false };
      }
    }
  }
  return { seqs, read: n, weight: 1, exact: true };
}

/**
 * BM25 (weighted by column, higher is better) of the matches that can reach the first k places:
 * the best k + b + f by BM25 alone, where b matches have a bonus and f were filtered out. A match
 * with no bonus outside that list has at least k matches above it (higher BM25, bonus or not). A
 * match with a bonus outside it is outranked by every listed match with at least its bonus: when
 * fewer than k of those are listed, every match is scored instead (rare: the title weighs 10 in
 * BM25 already). FTS5 sorts in C, and only the rows that matter cross into JavaScript.
 */
function bestScores(db: Database.Database, expr: string, found: Matches, favoured: ReadonlyMap<number, number>, k: number): Map<number, number> {
  const best = scores(db, expr, k + favoured.size + (found.read - found.seqs.length));
  let most = 0;
  for (const [seq, b] of favoured) if (!best.has(seq) && b > most) most = b;
  if (most === 0) return best;
  let above = 0;
  for (const [seq, b] of favoured) if (best.has(seq) && b >= most) above++;
  return above >= k ? best : scores(db, expr, found.read);
}

function scores(db: Database.Database, expr: string, n: number): Map<number, number> {
  const sql = `SELECT rowid, -bm25(doc_bg, ${BM25_WEIGHTS}) AS r FROM doc_bg WHERE doc_bg MATCH ? ORDER BY bm25(doc_bg, ${BM25_WEIGHTS}) LIMIT ?`;
  return new Map(stmt(db, sql).raw().all(expr, n) as Array<[number, number]>);
}

/**
 * Documents a sample may have missed that must rank first: the newest with every positive term in
 * the title (from the catalog's titles: the same test as the bonus), and the one whose 文号 is the
 * query. They certainly match when the query is one group and excludes nothing; other queries keep
 * to the sample.
 */
function certainHits(catalog: Catalog, pass: (seq: number) => boolean, titled: readonly Holding[], exactly: readonly number[], n: number): number[] {
  const out: number[] = [];
  // Each term's candidates are ascending: walk them together from the end, newest first, until n hold and pass.
  const lists = titled.map((h) => h.candidates ?? catalog.seqs);
  const at = lists.map((l) => l.length - 1);
  while (out.length < n) {
    let seq = -1;
    at.forEach((k, j) => {
      if (k >= 0 && lists[j]![k]! > seq) seq = lists[j]![k]!;
    });
    if (seq < 0) break;
    let holds = false;
    at.forEach((k, j) => {
      if (k >= 0 && lists[j]![k] === seq) (at[j]!--, (holds ||= titled[j]!.holds(seq)));
    });
    if (holds && pass(seq)) out.push(seq);
  }
  return [...out, ...exactly.filter(pass)];
}

/** The documents whose 文号 is exactly the one asked for. */
function numberedExactly(catalog: Catalog, docNumber: string): number[] {
  const h = catalog.holding('docNumber', [docNumber]);
  return Array.from(h.candidates ?? catalog.seqs).filter((seq) => catalog.get(seq)?.docNumber === docNumber);
}

interface Ranked {
  readonly seq: number;
  readonly score: number;
}

/** Score, then 成文日期 (newest first), then id: ties settled as the ranking always has. */
function beats(catalog: Catalog, score: number, seq: number, b: Ranked): boolean {
  if (score !== b.score) return score > b.score;
  const dates = catalog.dateRank;
  if (dates[seq] !== dates[b.seq]) return dates[seq]! > dates[b.seq]!;
  return ids.compare(catalog.get(seq)!.id, catalog.get(b.seq)!.id) < 0;
}

/** localeCompare's order, without building a collator per comparison. */
const ids = new Intl.Collator();

/** The first k seqs in ranking order (the matches, and extra ones not among them), without sorting them all. */
function topK(catalog: Catalog, seqs: readonly number[], extra: readonly number[], score: (seq: number) => number, k: number): Ranked[] {
  if (k <= 0) return [];
  const known = new Set(extra.length > 0 ? seqs : []);
  const all = extra.length > 0 ? [...seqs, ...extra.filter((seq) => !known.has(seq) && known.add(seq))] : seqs;
  const before = (a: Ranked, b: Ranked): boolean => beats(catalog, a.score, a.seq, b);
  if (k > 500) {
    // A deep page: sort them all (insertion into a long list would cost more).
    return all.map((seq) => ({ seq, score: score(seq) })).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, k);
  }
  const top: Ranked[] = [];
  for (const seq of all) {
    const s = score(seq);
    // Most matches are turned away here, before anything is allocated for them.
    if (top.length === k && !beats(catalog, s, seq, top[k - 1]!)) continue;
    const r = { seq, score: s };
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && before(r, top[i - 1]!)) i--;
    top.splice(i, 0, r);
    if (top.length > k) top.pop();
  }
  return top;
}

function rowids(db: Database.Database, sql: string, ...args: unknown[]): number[] {
  return stmt(db, sql, true).all(...args) as number[];
}

/**
 * Blob bytes decoded first for a snippet (the folded body's first ~700 characters on the scale
 * corpus: 32 against 140 µs for the whole folded part). When the first match and the window
 * around it lie there — seven hits in ten on the bench queries — the rest is never decoded.
 */
const HEAD_BYTES = 1536;

/**
 * The stretch of folded body around the earliest match of any needle. The folded text is kept
 * once, packed with the document's content (the search table is contentless): unpacking one
 * document costs about 0.14 ms, so a snippet is cut from the head of the blob when it can be
 * (packed-content.ts foldedHead), and what was decoded is kept in the catalog (a page asked again, the
 * next page of the same query, a popular document).
 */
function excerpter(index: SearchIndex, catalog: Catalog, needles: readonly string[]) {
  const lower = needles.some((n) => /[a-z]/.test(n));
  const longest = Math.max(0, ...needles.map((n) => n.length));
  const whole = (b: Buffer | undefined): BodyRead => ({ body: b ? unpackFolded(b).body : '', whole: true });
  return (seq: number): string => {
    let known = catalog.recall(seq);
    // The blob, when read here: a head that does not settle the excerpt decodes it whole, not read again.
    let b: Buffer | undefined;
    if (known === undefined) {
      b = index.packed(seq);
      known = catalog.keep(seq, (b && foldedHead(b, HEAD_BYTES)) ?? whole(b));
    }
    if (!known.whole) {
      const cut = excerptOf(known.body, needles, lower, longest, true);
      if (cut !== null) return cut;
      known = catalog.keep(seq, whole(b ?? index.packed(seq)));
    }
    return excerptOf(known.body, needles, lower, longest, false)!;
  };
}

/**
 * The excerpt around the earliest match. From the head of a body (`partial`): null unless that
 * settles it — a needle's first occurrence ending there, and the whole window within it.
 */
export function excerptOf(hay: string, needles: readonly string[], lower: boolean, longest: number, partial: boolean): string | null {
  const searched = lower ? hay.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : hay;
  let at = Infinity;
  for (const n of needles) {
    const i = searched.indexOf(n);
    if (i >= 0 && i < at) at = i;
  }
  // An occurrence starting earlier would have ended inside the head too.
  if (partial && (at === Infinity || at + longest > hay.length)) return null;
  // Positions count characters (code points), as SQL's instr/substr did; most texts have no pairs.
  const chars = /[\uD800-\uDFFF]/.test(hay) ? Array.from(hay) : null;
  const p = at === Infinity ? 0 : chars ? Array.from(hay.slice(0, at)).length : at;
  const start = Math.max(0, p - EXCERPT_BEFORE);
  const length = chars ? chars.length : hay.length;
  if (partial && start + EXCERPT_LENGTH >= length) return null;
  const kept = chars ? chars.slice(start, start + EXCERPT_LENGTH).join('') : hay.slice(start, start + EXCERPT_LENGTH);
  return makeSnippet(kept, needles, 100, { cutBefore: start > 0, cutAfter: partial || length > start + EXCERPT_LENGTH });
}
