/**
 * The search side of a document row: folded text for substring matching and snippets, a weighted
 * tsvector of jieba words for ranking, and the learned lexicon that shapes the words.
 * Folding and segmentation are src/search's, so both backends find and rank alike.
 */
import type pg from 'pg';
import { bigrams, charLength } from '../../search/bigrams.js';
import { MAX_TERM_CHARS } from '../../search/query.js';
import { isActive, learnTerms } from '../../search/lexicon.js';
import { Segmenter } from '../../search/segment.js';
import { foldDocument, type FoldedDoc } from '../../search/document.js';

export { foldDocument, type FoldedDoc };

/** title \n 文号 \n body: one column for ILIKE and its trigram index; the body is where snippets come from. */
export function searchText(f: FoldedDoc): string {
  const line = (s: string) => s.replace(/\s+/g, ' ');
  return `${line(f.title)}\n${line(f.docnum)}\n${f.body}`;
}

export function splitSearchText(text: string): FoldedDoc {
  const a = text.indexOf('\n');
  const b = text.indexOf('\n', a + 1);
  return { title: text.slice(0, a), docnum: text.slice(a + 1, b), body: text.slice(b + 1) };
}

/**
 * The searched text again as overlapping chunks of 500 characters, one row each: a substring match
 * is then checked on rows of ~1.5 KB kept in the table page, not on a whole TOASTed text (some
 * 30 µs a document, thousands of documents for a common word). Consecutive chunks share
 * MAX_TERM_CHARS - 1 characters, so any query term lies whole inside some chunk.
 */
const CHUNK_CHARS = 500;
const CHUNK_STEP = CHUNK_CHARS - (MAX_TERM_CHARS - 1);

/** SELECT (document id, seq, chunk) rows of `text` for each row of `from`. */
export function chunksSql(id: string, text: string, from: string): string {
  return `SELECT ${id}, n, substr(${text}, n * ${CHUNK_STEP} + 1, ${CHUNK_CHARS}) FROM ${from},
    generate_series(0, greatest(0, ceil((length(${text}) - ${CHUNK_CHARS})::numeric / ${CHUNK_STEP})::int)) AS n`;
}

/** Distinct 2-character fragments of the searched text, as the SQLite store's postings hold them. */
export function bigramList(f: FoldedDoc): string[] {
  return [...bigrams(`${f.title}\n${f.docnum}\n${f.body}`.toLowerCase()).keys()];
}

/**
 * A text[] literal ({"a","b"}): one text parameter per row, so unnest can carry an array per row
 * (unnest of a two-dimensional array would flatten them).
 */
export function pgArray(items: readonly string[]): string {
  // Escaping item by item was a second of the writing thread at 2,000 documents; few need it.
  if (items.length === 0) return '{}';
  const escape = items.some((s) => s.includes('"') || s.includes('\\'));
  return `{"${(escape ? items.map((s) => s.replace(/[\\"]/g, '\\$&')) : items).join('","')}"}`;
}

/** SQL for the weighted vector from three parameters of space-joined words. */
export const VECTOR_SQL = (t: string, n: string, b: string) =>
  `setweight(to_tsvector('simple', ${t}), 'A') || setweight(to_tsvector('simple', ${n}), 'B') || setweight(to_tsvector('simple', ${b}), 'C')`;

/**
 * document_words split into parts by a lexeme's first character (16 buckets), each lexeme with its
 * positions and weights: ts_rank of an OR of words reads nothing but the weights of each word's
 * positions in order, so when a query's words share a bucket its part ranks exactly as the whole
 * vector does — ~1 KB read in the table page instead of a 14 KB TOASTed vector per document ranked.
 * A part is the whole vector's own text entries ('lexeme':1A,5C) of its bucket, cast back: the
 * entries of a vector's text are its lexemes in order, one per space (a lexeme holds no blank), so
 * they pair with tsvector_to_array. Rebuilding each entry from unnest(vector) cost a subquery a
 * lexeme (2 ms a document, half the word statement's server time). Rows of `where` over `from`
 * (document_words w, or rows of the same columns named w).
 */
export const WORD_BUCKETS = 16;
export function wordPartsSql(where: string, from = 'document_words w'): string {
  return `SELECT document_id, ascii(l) % ${WORD_BUCKETS}, string_agg(e, ' ')::tsvector
    FROM (SELECT w.document_id, unnest(tsvector_to_array(w.vector)) AS l, unnest(string_to_array(w.vector::text, ' ')) AS e
      FROM ${from} WHERE ${where}) x GROUP BY 1, 2`;
}

export function vectorWords(seg: Segmenter, f: FoldedDoc): [string, string, string] {
  return [seg.indexText(f.title), seg.indexText(f.docnum), seg.indexText(f.body)];
}

/**
 * The store's segmenter, kept in step with a lexicon that other processes (another server, the
 * CLI ingesting) may have grown: lexicon_state.version moves whenever a word becomes active.
 */
export class SharedSegmenter {
  private readonly seg = new Segmenter();
  private seen: string | null = null;
  private seenChanges: string | null = null;
  /**
   * Whether each unquoted chunk a query held was found whole in the corpus (search.ts cuts the
   * unfound ones into words), kept while the corpus has not changed (register_state.changes, which
   * every ingest and correction moves): a search need not ask the server again.
   */
  readonly foundWhole = new Map<string, boolean>();

  async current(db: pg.Pool | pg.PoolClient): Promise<Segmenter> {
    const r = (await db.query<{ version: string | null; changes: string | null }>(
      'SELECT (SELECT version FROM lexicon_state) AS version, (SELECT changes FROM register_state) AS changes',
    )).rows[0];
    const v = r?.version ?? '0';
    if ((r?.changes ?? null) !== this.seenChanges) {
      this.foundWhole.clear();
      this.seenChanges = r?.changes ?? null;
    }
    if (v !== this.seen) {
      const rows = await db.query<{ word: string; source: string; count: number }>('SELECT word, source, count FROM lexicon');
      this.seg.addWords(rows.rows.filter(isActive).map((r) => r.word));
      this.seen = v;
    }
    return this.seg;
  }
}

/**
 * Count candidate words of newly ingested documents; the words that just became active are added
 * to the segmenter (before the new documents are cut) and returned.
 */
export async function learn(c: pg.PoolClient, seg: Segmenter, docs: readonly FoldedDoc[]): Promise<string[]> {
  const terms = learnTerms(docs.flatMap((d) => [d.title, d.body]));
  if (terms.length === 0) return [];
  const res = await c.query<{ word: string; source: string; count: number }>(
    `INSERT INTO lexicon (word, source, count) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
     ON CONFLICT (word) DO UPDATE SET count = lexicon.count + EXCLUDED.count RETURNING word, source, count`,
    [terms.map((t) => t.word), terms.map((t) => t.source), terms.map((t) => t.count)],
  );
  const added = new Map(terms.map((t) => [t.word, t.count]));
  const activated = res.rows
    .filter((r) => isActive(r) && !isActive({ source: r.source, count: r.count - (added.get(r.word) ?? 0) }))
    .map((r) => r.word);
  if (activated.length > 0) await c.query('UPDATE lexicon_state SET version = version + 1');
  return seg.addWords(activated);
}

/** Re-cut stored documents holding newly learned words (the others cannot change). */
export async function resegment(c: pg.PoolClient, seg: Segmenter, words: readonly string[], skip: readonly string[]): Promise<void> {
  if (words.length === 0) return;
  // Found through the indexes, as search finds a term: two characters in the bigram arrays, longer
  // words in the chunks (pg_trgm takes LIKE ANY as one bitmap). A regular expression over every
  // chunk read the whole table once a batch: 30 of the server's 155 s in a 10k ingest.
  const short = words.filter((w) => charLength(w) <= 2).map((w) => w.toLowerCase());
  const long = words.filter((w) => charLength(w) > 2).map((w) => `%${w.replace(/[\\%_]/g, '\\$&')}%`);
  // The planner would scan the tables for the few words it cannot estimate (as search.ts explains).
  await c.query('SET LOCAL enable_seqscan = off');
  const rows = await c.query<{ document_id: string; search_text: string }>(
    `SELECT document_id, search_text FROM document_content
     WHERE document_id IN (SELECT document_id FROM document_content WHERE bigrams && $1::text[]
       UNION SELECT document_id FROM document_chunks WHERE text LIKE ANY ($2::text[])) AND NOT (document_id = ANY($3::text[]))`,
    [short, long, skip],
  );
  await c.query('RESET enable_seqscan');
  if (rows.rows.length === 0) return;
  // One statement for all of them: a newly learned unit name can touch most of the corpus.
  const cut = rows.rows.map((r) => vectorWords(seg, splitSearchText(r.search_text)));
  const ids = rows.rows.map((r) => r.document_id);
  await c.query(
    `UPDATE document_words w SET vector = ${VECTOR_SQL('x.t', 'x.n', 'x.b')}
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(id, t, n, b) WHERE w.document_id = x.id`,
    [ids, cut.map((w) => w[0]), cut.map((w) => w[1]), cut.map((w) => w[2])],
  );
  await rewriteWordParts(c, ids);
}

/** Derive the parts of these documents' vectors again (after their document_words rows were written). */
export async function rewriteWordParts(c: pg.PoolClient, ids: readonly string[]): Promise<void> {
  await c.query('DELETE FROM document_word_parts WHERE document_id = ANY($1::text[])', [ids]);
  await c.query(`INSERT INTO document_word_parts (document_id, bucket, vector) ${wordPartsSql('w.document_id = ANY($1::text[])')}`, [ids]);
}
