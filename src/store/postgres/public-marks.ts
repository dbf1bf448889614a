/** Editors' marks that a privacy finding is public: events beside the document, never edits of it. */
import type pg from 'pg';
import type { PublicMark } from '../store.js';

export async function markPublic(db: pg.Pool | pg.PoolClient, m: PublicMark): Promise<void> {
  await db.query('INSERT INTO public_marks (document_id, text, author, reason, created_at) VALUES ($1, $2, $3, $4, $5)', [
    m.documentId, m.text, m.author, m.reason, m.createdAt,
  ]);
}

export async function publicMarks(db: pg.Pool | pg.PoolClient, id?: string): Promise<PublicMark[]> {
  const cols = 'document_id, text, author, reason, created_at';
  const r = id === undefined
    ? await db.query(`SELECT ${cols} FROM public_marks ORDER BY created_at, seq`)
    : await db.query(`SELECT ${cols} FROM public_marks WHERE document_id = $1 ORDER BY created_at, seq`, [id]);
  return r.rows.map((x) => ({ documentId: x.document_id, text: x.text, author: x.author, reason: x.reason, createdAt: x.created_at }));
}
