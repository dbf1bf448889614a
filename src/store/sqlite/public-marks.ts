/** Editors' marks that a privacy finding is public: events beside the document, never edits of it. */
import type Database from 'better-sqlite3';
import type { PublicMark } from '../store.js';

export function markPublic(db: Database.Database, m: PublicMark): void {
  db.prepare('INSERT INTO public_marks(document_id, text, author, reason, created_at) VALUES (?, ?, ?, ?, ?)').run(
    m.documentId, m.text, m.author, m.reason, m.createdAt,
  );
}

export function publicMarks(db: Database.Database, id?: string): PublicMark[] {
  const rows = (
    id === undefined
      ? db.prepare('SELECT * FROM public_marks ORDER BY created_at, seq').all()
      : db.prepare('SELECT * FROM public_marks WHERE document_id = ? ORDER BY created_at, seq').all(id)
  ) as Array<{ document_id: string; text: string; author: string; reason: string; created_at: string }>;
  return rows.map((r) => ({ documentId: r.document_id, text: r.text, author: r.author, reason: r.reason, createdAt: r.created_at }));
}
