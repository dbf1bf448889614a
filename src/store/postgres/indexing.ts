/**
 * The search side of a document row: folded text for substring matching and snippets, a weighted
 * tsvector of jieba words for ranking, and the learned lexicon that shapes the words.
 * Folding and segmentation are src/search's, so both backends find and rank alike.
 */
import type pg from 'pg';
import { needleKeys } from './keys.js';
import { textList } from './params.js';
import { isActive, learnTerms } from '../../search/lexicon.js';
import { Segmenter } from '../../search/segment.js';
import { foldDocument, type FoldedDoc } from '../../search/document.js';

export { foldDocument, type FoldedDoc };
export { digitTrigrams, needleKeys, pgArray, searchKeys } from './keys.js';

/** title \n 文号 \n body: the text a needle is tested on (strpos) and re-cut from; the body is where snippets come from. */
export function searchText(f: FoldedDoc): string {
  const line = (s: string) => s.replace(/\s+/g, ' ');
  return `${line(f.title)}\n${line(f.docnum)}\n${f.body}`;
}

export function splitSearchText(text: string): FoldedDoc {
  const a = text.indexOf('\n');
  const b = text.indexOf('\n', a + 1);
  return { title: text.slice(0, a), docnum: text.slice(a + 1, b), body: text.slice(b + 1) };
}

/** SQL for the weighted vector from three parameters of space-joined words. */
export const VECTOR_SQL = (t: string, n: string, b: string) =>
  `setweight(to_tsvector('simple', ${t}), 'A') || setweight(to_tsvector('simple', ${n}), 'B') || setweight(to_tsvector('simple', ${b}), 'C')`;

/**
 * The weighted vector kept in parts by a lexeme's first character (16 buckets), each lexeme with
 * its positions and weights; the whole vector is not stored. ts_rank (default normalization) reads
 * nothing but the query's lexemes' positions and weights, so the parts of the buckets a query's
 * lexemes fall in, joined as text and cast back, rank exactly as the whole vector does (search.ts)
 * — ~1 KB read in the table page instead of a 14 KB TOASTed vector per document ranked.
 * A part is the vector's own text entries ('lexeme':1A,5C) of its bucket: the entries of a vector's
 * text are its lexemes in order, one per space (a lexeme holds no blank), so they pair with
 * tsvector_to_array. Rebuilding each entry from unnest(vector) cost a subquery a lexeme.
 * Rows of `where` over `from` (rows with columns document_id and vector named w).
 */
export const WORD_BUCKETS = 16;
export function wordPartsSql(where: string, from: string): string {
  return `SELECT document_id, ascii(l) % ${WORD_BUCKETS}, string_agg(e, ' ')::tsvector
    FROM (SELECT w.document_id, unnest(tsvector_to_array(w.vector)) AS l, unnest(string_to_array(w.vector::text, ' ')) AS e
      FROM ${from} WHERE ${where}) x GROUP BY 1, 2`;
}

/**
 * Write the word parts of documents (ids with their vectorWords), replacing any they had: the
 * vectors are made in the statement and only their parts stored.
 */
export async function writeWordParts(c: pg.PoolClient, ids: readonly string[], words: ReadonlyArray<readonly [string, string, string]>, replace = true): Promise<void> {
  if (replace) await c.query('DELETE FROM document_word_parts WHERE document_id = ANY($1::text[])', [ids]);
  const [t, n, b] = [0, 1, 2].map((i) => textList(words.map((w) => w[i]!)));
  await c.query(
    `WITH w AS MATERIALIZED (SELECT x.id AS document_id, ${VECTOR_SQL('x.t', 'x.n', 'x.b')} AS vector
       FROM unnest($1::text[], ${t!.sql('$2')}, ${n!.sql('$3')}, ${b!.sql('$4')}) AS x(id, t, n, b))
     INSERT INTO document_word_parts (document_id, bucket, vector) ${wordPartsSql('true', 'w')}`,
    [ids, t!.value, n!.value, b!.value],
  );
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
  // Found through the key index, as search finds a term (two characters exactly by their pair,
  // longer words by their keys), one bitmap for them all; the rows' texts, which come here to be
  // cut anyway, are then tested here. Testing each row's text on the server for each word whose
  // keys it lists read the TOASTed text once a word (19 s of a 2,000-document ingest), and a
  // regular expression over every row read the whole table once a batch.
  const lower = words.map((w) => w.toLowerCase());
  const values: unknown[] = [skip];
  const add = (v: unknown) => `$${values.push(v)}`;
  const found = lower.map((w) => needleKeys(w)).filter((k) => k.length > 0).map((k) => `c.bigrams @> ${add(k)}::text[]`);
  if (found.length === 0) return;
  // The planner would scan the table for the few words it cannot estimate (as search.ts explains).
  await c.query('SET LOCAL enable_seqscan = off');
  const listed = await c.query<{ document_id: string; search_text: string }>(
    `SELECT document_id, search_text FROM document_content c WHERE (${found.join(' OR ')}) AND NOT (document_id = ANY($1::text[]))`,
    values,
  );
  await c.query('RESET enable_seqscan');
  const cased = lower.some((w) => w.toUpperCase() !== w);
  const rows = listed.rows.filter((r) => {
    const t = cased ? r.search_text.toLowerCase() : r.search_text;
    return lower.some((w) => t.includes(w));
  });
  if (rows.length === 0) return;
  // One statement for all of them: a newly learned unit name can touch most of the corpus.
  await writeWordParts(c, rows.map((r) => r.document_id), rows.map((r) => vectorWords(seg, splitSearchText(r.search_text))));
}
