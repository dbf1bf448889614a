/** 政策解读, 问答库 and the audit log in SQLite: one JSON row per record, links and status beside it. */
import type Database from 'better-sqlite3';
import { editorialText, type AuditEntry, type EditorialFilter, type InterpretationRecord, type QaEntry } from '../editorial.js';

type Kind = 'interpretation' | 'qa';
const TABLE: Record<Kind, { rows: string; links: string }> = {
  interpretation: { rows: 'interpretations', links: 'interpretation_documents' },
  qa: { rows: 'qa_entries', links: 'qa_documents' },
};

export function saveRecord(db: Database.Database, kind: Kind, r: InterpretationRecord | QaEntry): void {
  const t = TABLE[kind];
  db.transaction(() => {
    db.prepare(`INSERT INTO ${t.rows}(id, status, search_text, json, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET status = excluded.status, search_text = excluded.search_text, json = excluded.json, updated_at = excluded.updated_at`)
      .run(r.id, r.status, editorialText(r).toLowerCase(), JSON.stringify(r), r.updatedAt);
    db.prepare(`DELETE FROM ${t.links} WHERE record_id = ?`).run(r.id);
    const link = db.prepare(`INSERT OR IGNORE INTO ${t.links}(record_id, document_id) VALUES (?, ?)`);
    for (const d of r.documentIds) link.run(r.id, d);
  })();
}

export function getRecord<T>(db: Database.Database, kind: Kind, id: string): T | null {
  const json = db.prepare(`SELECT json FROM ${TABLE[kind].rows} WHERE id = ?`).pluck().get(id) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as T);
}

export function listRecords<T>(db: Database.Database, kind: Kind, f: EditorialFilter = {}): T[] {
  const t = TABLE[kind];
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.documentId !== undefined) {
    where.push(`id IN (SELECT record_id FROM ${t.links} WHERE document_id = ?)`);
    args.push(f.documentId);
  }
  if (f.status !== undefined) {
    const s = Array.isArray(f.status) ? f.status : [f.status];
    where.push(`status IN (${s.map(() => '?').join(', ')})`);
    args.push(...s);
  }
  if (f.q) {
    where.push(`instr(search_text, ?) > 0`);
    args.push(f.q.toLowerCase());
  }
  const sql = `SELECT json FROM ${t.rows}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id`;
  return (db.prepare(sql).pluck().all(...args) as string[]).map((j) => JSON.parse(j) as T);
}

export function appendAudit(db: Database.Database, e: AuditEntry): void {
  db.prepare('INSERT INTO audit_log(at, author, action, target, detail_json) VALUES (?, ?, ?, ?, ?)').run(e.at, e.author, e.action, e.target, JSON.stringify(e.detail));
}

export function listAudit(db: Database.Database, limit = 100): AuditEntry[] {
  const rows = db.prepare('SELECT at, author, action, target, detail_json FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as Array<Record<string, string>>;
  return rows.map((r) => ({ at: r.at!, author: r.author!, action: r.action!, target: r.target!, detail: JSON.parse(r.detail_json!) as Record<string, unknown> }));
}
