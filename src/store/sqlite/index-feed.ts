/** Re-feeding the search index from the stored documents when it was fed by an older INDEX_FEED_VERSION. */
import type Database from 'better-sqlite3';
import { INDEX_FEED_VERSION } from '../../search/document.js';
import { pack } from './content.js';
import { readDocument } from './read.js';
import { foldDocument, type SearchIndex } from './search-index.js';

export function refeedIndex(db: Database.Database, index: SearchIndex): number {
  const current = () => db.prepare('SELECT version FROM index_state WHERE id = 1').pluck().get() as number;
  // On every open: look without a lock; take the write lock (and look again) only when owed.
  if (current() === INDEX_FEED_VERSION) return 0;
  return db.transaction((): number => {
    if (current() === INDEX_FEED_VERSION) return 0;
    const rows = db.prepare('SELECT seq, id FROM documents ORDER BY seq').all() as Array<{ seq: number; id: string }>;
    const repack = db.prepare('UPDATE document_content SET packed = ? WHERE document_id = ?');
    for (const r of rows) {
      const doc = readDocument(db, r.id);
      if (!doc) continue;
      const folded = foldDocument(doc);
      // Snippets are cut from the folded text packed with the content: it changes with the index.
      repack.run(pack({ body: doc.body, text: doc.text, simplifiedText: doc.simplifiedText ?? null, originalText: doc.originalText, folded }), r.id);
      index.index(r.seq, folded);
    }
    db.prepare('UPDATE index_state SET version = ? WHERE id = 1').run(INDEX_FEED_VERSION);
    return rows.length;
  }).immediate();
}
