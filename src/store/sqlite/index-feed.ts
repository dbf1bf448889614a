/** Re-feeding the search index from the stored documents when it was fed by an older INDEX_FEED_VERSION. */
import type Database from 'better-sqlite3';
import { INDEX_FEED_VERSION } from '../../search/document.js';
import { readDocument } from './read.js';
import { foldDocument, type SearchIndex } from './search-index.js';

export function refeedIndex(db: Database.Database, index: SearchIndex): number {
  const current = () => db.prepare('SELECT version FROM index_state WHERE id = 1').pluck().get() as number;
  // On every open: look without a lock; take the write lock (and look again) only when owed.
  if (current() === INDEX_FEED_VERSION) return 0;
  return db.transaction((): number => {
    if (current() === INDEX_FEED_VERSION) return 0;
    const rows = db.prepare('SELECT seq, id FROM documents ORDER BY seq').all() as Array<{ seq: number; id: string }>;
    for (const r of rows) {
      const doc = readDocument(db, r.id);
      if (doc) index.index(r.seq, foldDocument(doc));
    }
    db.prepare('UPDATE index_state SET version = ? WHERE id = 1').run(INDEX_FEED_VERSION);
    return rows.length;
  }).immediate();
}
