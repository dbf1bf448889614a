/** Feeding the search index again from the stored documents: after an older INDEX_FEED_VERSION, or a public mark. */
import type Database from 'better-sqlite3';
import { INDEX_FEED_VERSION } from '../../search/document.js';
import { marksByDocument } from '../published.js';
import { publicMarks } from './public-marks.js';
import { readDocument } from './read.js';
import { foldDocument, type SearchIndex } from './search-index.js';

export function refeedIndex(db: Database.Database, index: SearchIndex): number {
  const current = () => db.prepare('SELECT version FROM index_state WHERE id = 1').pluck().get() as number;
  // On every open: look without a lock; take the write lock (and look again) only when owed.
  if (current() === INDEX_FEED_VERSION) return 0;
  return db.transaction((): number => {
    if (current() === INDEX_FEED_VERSION) return 0;
    const released = marksByDocument(publicMarks(db));
    const rows = db.prepare('SELECT seq, id FROM documents ORDER BY seq').all() as Array<{ seq: number; id: string }>;
    for (const r of rows) {
      const doc = readDocument(db, r.id);
      if (doc) index.index(r.seq, foldDocument(doc, released(r.id)));
    }
    db.prepare('UPDATE index_state SET version = ? WHERE id = 1').run(INDEX_FEED_VERSION);
    return rows.length;
  }).immediate();
}

/** One document, with the findings marked public in it unmasked (a marked hotline is found and shown). */
export function refeedDocument(db: Database.Database, index: SearchIndex, id: string): void {
  const seq = db.prepare('SELECT seq FROM documents WHERE id = ?').pluck().get(id) as number | undefined;
  const doc = seq === undefined ? null : readDocument(db, id);
  if (seq !== undefined && doc) index.index(seq, foldDocument(doc, new Set(publicMarks(db, id).map((m) => m.text))));
}
