/**
 * The registers documents imply (tasks, targets, 规范性文件 judgement) on SQLite: written with
 * the document at ingest (replacing its old rows), rebuilt from stored documents when the
 * extractors' version moved on, and the listings over them.
 */
import type Database from 'better-sqlite3';
import type { NormativeJudgement } from '../../extract/normative.js';
import type { Target } from '../../extract/targets.js';
import type { TaskAssignment } from '../../extract/tasks.js';
import { clampInt } from '../keys.js';
import {
  knownReferences,
  notHeldSql, REGISTERS_VERSION, targetExtra, taskUnits, toTarget, toTask, unitCounts, type RegisterExtractor, type TargetRow,
} from '../registers.js';
import type { DocumentRegisters, KnownReference, StoredUnitMention, TargetFilter, TaskFilter, UnitCount } from '../store.js';
import { statusInputOf, statusKeys } from '../../extract/status-input.js';
import { noteChange } from './derived.js';
import { readDocument } from './read.js';
import { writeStatusInput } from './status-inputs.js';
import { insertRows, stmt } from './statements.js';

/**
 * Replace one document's registers (the caller holds the transaction), a table's rows in one
 * statement; `fresh`: a document just stored for the first time, with no rows to delete.
 */
export function writeRegisters(db: Database.Database, documentId: string, r: DocumentRegisters, fresh = false): void {
  // task_units go with their tasks (ON DELETE CASCADE).
  if (!fresh) for (const t of ['tasks', 'targets', 'doc_normative', 'unit_mentions']) stmt(db, `DELETE FROM ${t} WHERE document_id = ?`).run(documentId);
  insertRows(db, 'tasks', ['document_id', 'idx', 'doc_number', 'task', 'leader', 'deadline', 'source_json'],
    r.tasks.map((t, i) => [documentId, i, t.docNumber, t.task, t.leader, t.deadline, JSON.stringify(t.source)]));
  insertRows(db, 'task_units', ['document_id', 'idx', 'role', 'position', 'unit', 'printed'],
    r.tasks.flatMap((t, i) => taskUnits(t).map((u) => [documentId, i, u.role, u.position, u.unit, u.printed])));
  insertRows(db, 'unit_mentions', ['document_id', 'unit', 'printed', 'count', 'snippet'], (r.units ?? []).map((m) => [documentId, m.unit, m.printed, m.count, m.snippet]));
  insertRows(db, 'targets', ['document_id', 'idx', 'doc_number', 'indicator', 'indicator_key', 'kind', 'year', 'measure', 'value', 'unit', 'qualifier', 'quote', 'block', 'extra_json'],
    r.targets.map((t, i) => [documentId, i, t.docNumber, t.indicator, t.indicatorKey, t.kind, t.year, t.measure, t.value, t.unit, t.qualifier, t.quote, t.block, targetExtra(t)]));
  stmt(db, 'INSERT INTO doc_normative(document_id, normative, judgement_json) VALUES (?, ?, ?)').run(
    documentId, r.normative.normative ? 1 : 0, JSON.stringify(r.normative),
  );
}

/**
 * Re-extract every stored document's registers when they were made by another REGISTERS_VERSION
 * (or always, with force). One IMMEDIATE transaction that reads the version inside it: two
 * processes opening an old file rebuild once. Returns the number of documents rebuilt.
 */
export function rebuildRegisters(db: Database.Database, extract: RegisterExtractor, force = false): number {
  const current = () => db.prepare('SELECT version FROM register_state WHERE id = 1').pluck().get() as number;
  // Opening is on every command's path: read the version without a lock, and take the write lock
  // (then look again, another process may have rebuilt meanwhile) only when a rebuild is due.
  if (!force && current() === REGISTERS_VERSION) return 0;
  return db.transaction((): number => {
    if (!force && current() === REGISTERS_VERSION) return 0;
    const ids = db.prepare('SELECT id FROM documents ORDER BY seq').pluck().all() as string[];
    // The status inputs are extracted by the same extractors: relations and statuses are owed a
    // full recompute (derived_on NULL), as their inputs may all have moved.
    const change = ids.length > 0 ? noteChange(db) : 0;
    for (const id of ids) {
      const doc = readDocument(db, id);
      if (!doc) continue;
      writeRegisters(db, id, extract(doc));
      const input = statusInputOf(doc);
      writeStatusInput(db, input, statusKeys(input), change);
    }
    db.prepare('UPDATE register_state SET version = ?, derived_on = NULL WHERE id = 1').run(REGISTERS_VERSION);
    return ids.length;
  }).immediate();
}

interface TaskRow {
  document_id: string;
  idx: number;
  doc_number: string | null;
  task: string;
  leader: string | null;
  deadline: string | null;
  source_json: string;
}

export function listTasks(db: Database.Database, f: TaskFilter = {}): { total: number; items: TaskAssignment[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.unit !== undefined) (where.push('EXISTS (SELECT 1 FROM task_units u WHERE u.document_id = t.document_id AND u.idx = t.idx AND u.unit = ?)'), args.push(f.unit));
  if (f.documentId !== undefined) (where.push('t.document_id = ?'), args.push(f.documentId));
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = stmt(db, `SELECT count(*) FROM tasks t ${clause}`, true).get(...args) as number;
  const limit = f.limit === undefined ? -1 : clampInt(f.limit, 50, 1_000_000);
  const offset = clampInt(f.offset, 0, Number.MAX_SAFE_INTEGER);
  const rows = stmt(
    db,
    `SELECT t.* FROM tasks t JOIN documents d ON d.id = t.document_id ${clause}
     ORDER BY d.signed_on IS NULL, d.signed_on DESC, t.document_id, t.idx LIMIT ? OFFSET ?`,
  ).all(...args, limit, offset) as TaskRow[];
  const units = stmt(db, 'SELECT role, unit, printed FROM task_units WHERE document_id = ? AND idx = ? ORDER BY role, position');
  const items = rows.map((r) =>
    toTask({ ...r, source: JSON.parse(r.source_json) }, units.all(r.document_id, r.idx) as Array<{ role: string; unit: string; printed: string }>),
  );
  return { total, items };
}

export function listUnits(db: Database.Database): UnitCount[] {
  // A unit named twice on one task counts that task once (as registerByUnit does).
  const all = (sql: string) => stmt(db, sql).all() as never[];
  return unitCounts({
    roles: all('SELECT unit, role, count(*) AS n FROM (SELECT DISTINCT unit, role, document_id, idx FROM task_units) GROUP BY unit, role'),
    tasks: all('SELECT unit, count(*) AS n FROM (SELECT DISTINCT unit, document_id, idx FROM task_units) GROUP BY unit'),
    documents: all(
      'SELECT unit, count(*) AS n FROM (SELECT unit, document_id FROM task_units UNION SELECT unit, document_id FROM unit_mentions) GROUP BY unit',
    ),
    spellings: all('SELECT unit, printed FROM task_units UNION SELECT unit, printed FROM unit_mentions'),
  });
}

export function listUnitMentions(db: Database.Database, unit: string): StoredUnitMention[] {
  return stmt(
    db,
    `SELECT document_id AS documentId, printed, count, snippet FROM unit_mentions WHERE unit = ? ORDER BY document_id, count DESC, printed`,
  ).all(unit) as StoredUnitMention[];
}

export function listTargets(db: Database.Database, f: TargetFilter = {}): { total: number; items: Target[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.indicatorKey !== undefined) (where.push('indicator_key = ?'), args.push(f.indicatorKey));
  if (f.year !== undefined) (where.push('year = ?'), args.push(f.year));
  if (f.kind !== undefined) (where.push('kind = ?'), args.push(f.kind));
  if (f.documentId !== undefined) (where.push('document_id = ?'), args.push(f.documentId));
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = stmt(db, `SELECT count(*) FROM targets ${clause}`, true).get(...args) as number;
  const limit = f.limit === undefined ? -1 : clampInt(f.limit, 50, 1_000_000);
  const offset = clampInt(f.offset, 0, Number.MAX_SAFE_INTEGER);
  const rows = stmt(db, `SELECT *, extra_json AS extra FROM targets ${clause} ORDER BY document_id, idx LIMIT ? OFFSET ?`).all(...args, limit, offset) as TargetRow[];
  return { total, items: rows.map(toTarget) };
}

export function getNormative(db: Database.Database, documentId: string): NormativeJudgement | null {
  const json = stmt(db, 'SELECT judgement_json FROM doc_normative WHERE document_id = ?', true).get(documentId) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as NormativeJudgement);
}


export function listReferences(db: Database.Database): KnownReference[] {
  return knownReferences({
    index: stmt(db, `SELECT key, doc_number, title, source FROM doc_references r WHERE ${notHeldSql('r.doc_number', 'r.title')} ORDER BY key`).all() as never,
    relations: stmt(
      db,
      `SELECT object_id AS key, object_doc_number AS doc_number, object_title AS title, subject_id, verb FROM relations r
       WHERE object_id LIKE 'ref:%' AND ${notHeldSql('r.object_doc_number', 'r.object_title')} ORDER BY rowid`,
    ).all() as never,
    statuses: stmt(db, `SELECT document_id, status, since FROM statuses WHERE document_id LIKE 'ref:%'`).all() as never,
  });
}
