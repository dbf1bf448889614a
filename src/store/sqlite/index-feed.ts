/** Feeding the search index again from the stored documents: after an older INDEX_FEED_VERSION, or a public mark. */
import type Database from 'better-sqlite3';
import type { OfficialDocument } from '../../domain/types.js';
import { INDEX_FEED_VERSION } from '../../search/document.js';
import { marksByDocument } from '../published.js';
import { pack } from '../packed-content.js';
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
      if (doc) refeed(db, index, r.seq, doc, released(r.id));
    }
    db.prepare('UPDATE index_state SET version = ? WHERE id = 1').run(INDEX_FEED_VERSION);
    return rows.length;
  }).immediate();
}

/** One document, with the findings marked public in it unmasked (a marked hotline is found and shown). */
export function refeedDocument(db: Database.Database, index: SearchIndex, id: string): void {
  const seq = db.prepare('SELECT seq FROM documents WHERE id = ?').pluck().get(id) as number | undefined;
  const doc = seq === undefined ? null : readDocument(db, id);
  if (seq !== undefined && doc) refeed(db, index, seq, doc, new Set(publicMarks(db, id).map((m) => m.text)));
}

function refeed(db: Database.Database, index: SearchIndex, seq: number, doc: OfficialDocument, released: ReadonlySet<string>): void {
  const folded = foldDocument(doc, released);
  // Snippets are cut from the folded text packed with the content: it changes with the index.
  db.prepare('UPDATE document_content SET packed = ? WHERE document_id = ?').run(
    pack({ body: doc.body, text: doc.text, simplifiedText: doc.simplifiedText ?? null, originalText: doc.originalText, folded }),
    doc.id,
  );
  index.index(seq, folded);
}
