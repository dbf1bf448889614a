/**
 * The search side of a document row: folded text for substring matching, ranking and snippets,
 * and the learned lexicon that shapes how a query is cut. Folding and segmentation are src/search's,
 * so both backends find alike.
 */
import type pg from 'pg';
import { isActive, learnTerms } from '../../search/lexicon.js';
import { Segmenter } from '../../search/segment.js';
import { foldDocument, type FoldedDoc } from '../../search/document.js';

export { foldDocument, type FoldedDoc };
export { needleKeys, pgArray, searchKeys } from './keys.js';

/** title \n 文号 \n body: the text a needle is tested on (strpos) and counted in (ranks); the body is where snippets come from. */
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
 * to the segmenter (queries are cut with them).
 */
export async function learn(c: pg.PoolClient, seg: Segmenter, docs: readonly FoldedDoc[]): Promise<void> {
  const terms = learnTerms(docs.flatMap((d) => [d.title, d.body]));
  if (terms.length === 0) return;
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
  seg.addWords(activated);
}
