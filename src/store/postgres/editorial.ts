/** 政策解读, 问答库 and the audit log in PostgreSQL: one jsonb row per record, links and status beside it. */
import type pg from 'pg';
import { editorialText, type AuditEntry, type EditorialFilter, type InterpretationRecord, type QaEntry } from '../editorial.js';
import { withTransaction } from './tx.js';

type Kind = 'interpretation' | 'qa';
const TABLE: Record<Kind, { rows: string; links: string }> = {
  interpretation: { rows: 'interpretations', links: 'interpretation_documents' },
  qa: { rows: 'qa_entries', links: 'qa_documents' },
};

export function saveRecord(db: pg.Pool, kind: Kind, r: InterpretationRecord | QaEntry): Promise<void> {
  const t = TABLE[kind];
  return withTransaction(db, async (c) => {
    await c.query(
      `INSERT INTO ${t.rows} (id, status, search_text, json, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, search_text = excluded.search_text, json = excluded.json, updated_at = excluded.updated_at`,
      [r.id, r.status, editorialText(r).toLowerCase(), JSON.stringify(r), r.updatedAt],
    );
    await c.query(`DELETE FROM ${t.links} WHERE record_id = $1`, [r.id]);
    await c.query(`INSERT INTO ${t.links} (record_id, document_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [r.id, [...new Set(r.documentIds)]]);
  });
}

export async function getRecord<T>(db: pg.Pool, kind: Kind, id: string): Promise<T | null> {
  const r = await db.query(`SELECT json FROM ${TABLE[kind].rows} WHERE id = $1`, [id]);
  return (r.rows[0]?.json as T | undefined) ?? null;
}

export async function listRecords<T>(db: pg.Pool, kind: Kind, f: EditorialFilter = {}): Promise<T[]> {
  const t = TABLE[kind];
  const where: string[] = [];
  const args: unknown[] = [];
  const p = (v: unknown) => `$${args.push(v)}`;
  if (f.documentId !== undefined) where.push(`id IN (SELECT record_id FROM ${t.links} WHERE document_id = ${p(f.documentId)})`);
  if (f.status !== undefined) where.push(`status = ANY(${p(Array.isArray(f.status) ? f.status : [f.status])}::text[])`);
  if (f.q) where.push(`strpos(search_text, ${p(f.q.toLowerCase())}) > 0`);
  // COLLATE "C": the same order as SQLite's byte-wise comparison of ids.
  const sql = `SELECT json FROM ${t.rows}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id COLLATE "C"`;
  return (await db.query(sql, args)).rows.map((r) => r.json as T);
}

export async function appendAudit(db: pg.Pool, e: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (at, author, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [e.at, e.author, e.action, e.target, JSON.stringify(e.detail)]);
}

export async function listAudit(db: pg.Pool, limit = 100): Promise<AuditEntry[]> {
  const r = await db.query('SELECT at, author, action, target, detail FROM audit_log ORDER BY seq DESC LIMIT $1', [limit]);
  return r.rows.map((x) => ({ at: x.at as string, author: x.author as string, action: x.action as string, target: x.target as string, detail: x.detail as Record<string, unknown> }));
}
