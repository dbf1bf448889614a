/** Feeding the search columns again from the stored documents: after an older INDEX_FEED_VERSION, or a public mark. */
import type pg from 'pg';
import type { OfficialDocument } from '../../domain/types.js';
import { INDEX_FEED_VERSION } from '../../search/document.js';
import { marksByDocument } from '../published.js';
import type { PublicMark } from '../store.js';
import { foldDocument, searchKeys, searchText, type SharedSegmenter } from './indexing.js';
import { markPublic, publicMarks } from './public-marks.js';
import { DOCUMENT_SQL, toDocument } from './read.js';
import { withTransaction } from './tx.js';

export async function refeedIndex(pool: pg.Pool): Promise<number> {
  const version = async (c: pg.Pool | pg.PoolClient) => (await c.query<{ version: number }>('SELECT version FROM index_state')).rows[0]?.version;
  // On every open: look without a lock; lock (and look again) only when owed.
  if ((await version(pool)) === INDEX_FEED_VERSION) return 0;
  return withTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(7155)');
    if ((await version(c)) === INDEX_FEED_VERSION) return 0;
    const released = marksByDocument(await publicMarks(c));
    let n = 0;
    // Keyset pages of 100 documents, so a large database never sits in memory at once.
    for (let after = ''; ; ) {
      const r = await c.query(`${DOCUMENT_SQL} WHERE d.id > $1 ORDER BY d.id LIMIT 100`, [after]);
      for (const row of r.rows) {
        const doc = toDocument(row);
        await feed(c, doc, released(doc.id));
        n++;
      }
      if (r.rows.length < 100) break;
      after = r.rows[r.rows.length - 1].id as string;
    }
    await c.query('UPDATE index_state SET version = $1', [INDEX_FEED_VERSION]);
    return n;
  });
}

/** Record the mark and feed its document again, the marked finding unmasked (found and shown). */
export function markPublicAndRefeed(pool: pg.Pool, lexicon: SharedSegmenter, m: PublicMark): Promise<void> {
  return withTransaction(pool, async (c) => {
    await markPublic(c, m);
    const row = (await c.query(`${DOCUMENT_SQL} WHERE d.id = $1`, [m.documentId])).rows[0];
    if (row) await feed(c, toDocument(row), new Set((await publicMarks(c, m.documentId)).map((x) => x.text)));
    // The text gained the finding: a chunk unfound before may be found now. (Another process keeps
    // its answer until the next ingest; it then cuts the chunk into words, which match here too.)
    lexicon.foundWhole.clear();
  });
}

async function feed(c: pg.PoolClient, doc: OfficialDocument, released: ReadonlySet<string>): Promise<void> {
  const f = foldDocument(doc, released);
  const text = searchText(f);
  await c.query('UPDATE document_content SET search_text = $2, bigrams = $3 WHERE document_id = $1', [doc.id, text, searchKeys(f)]);
}
