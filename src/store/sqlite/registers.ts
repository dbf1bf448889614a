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
  knownReferences, mentionRows, mentionSnippets, notHeldSql, REGISTERS_VERSION, TASK_ROLES, targetExtra, taskUnits, toTarget, toTask, unitCounts,
  type MentionRows, type RegisterExtractor, type StoredMentionRow, type TargetRow,
} from '../registers.js';
import type { DocumentRegisters, KnownReference, StoredUnitMention, TargetFilter, TaskFilter, UnitCount } from '../store.js';
import { statusInputOf, statusKeys } from '../../extract/status-input.js';
import { asBuffer } from '../packed-content.js';
import { noteChange } from './derived.js';
import { internId } from './dictionary.js';
import { readDocument } from './read.js';
import { RELATIONS_SQL } from './relations.js';
import { writeStatusInput } from './status-inputs.js';
import { stmt } from './statements.js';

const nameId = (db: Database.Database, name: string) => internId(db, 'unit_names', { name });

/** A task's or target's 文号 as stored: NULL when it is its document's, '' for none (rare otherwise). */
const ownDocNumber = (docNumber: string | null, documents: string | null) => (docNumber === documents ? null : (docNumber ?? ''));
/** …and read back, with the document as d and the row as t. */
const OWN_DOC_NUMBER = `CASE WHEN t.doc_number IS NULL THEN d.doc_number ELSE nullif(t.doc_number, '') END AS doc_number`;

/**
 * Replace one document's registers (the caller holds the transaction); `fresh`: a document just
 * stored for the first time, with no rows to delete.
 */
export function writeRegisters(
  db: Database.Database, documentId: string, r: DocumentRegisters, fresh = false, mentions: MentionRows = mentionRows(r),
): void {
  const row = stmt(db, 'SELECT seq, doc_number FROM documents WHERE id = ?').get(documentId) as { seq: number; doc_number: string | null } | undefined;
  if (row === undefined) return;
  const doc = row.seq;
  // A document's unit mentions go with its unit_excerpts row (a trigger), task_units with tasks.
  if (!fresh) {
    for (const t of ['tasks', 'unit_excerpts', 'targets']) stmt(db, `DELETE FROM ${t} WHERE doc = ?`).run(doc);
    stmt(db, 'DELETE FROM doc_normative WHERE document_id = ?').run(documentId);
  }
  const task = stmt(db, 'INSERT INTO tasks(doc, idx, doc_number, task, leader, deadline, block, source_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const unit = stmt(db, 'INSERT INTO task_units(doc, idx, role, position, unit, printed) VALUES (?, ?, ?, ?, ?, ?)');
  r.tasks.forEach((t, i) => {
    const block = t.source.kind === 'block' ? t.source.block : null;
    task.run(doc, i, ownDocNumber(t.docNumber, row.doc_number), t.task, t.leader, t.deadline, block, block === null ? JSON.stringify(t.source) : null);
    for (const u of taskUnits(t)) {
      unit.run(doc, i, TASK_ROLES.indexOf(u.role), u.position, nameId(db, u.unit), u.printed === u.unit ? null : nameId(db, u.printed));
    }
  });
  const { rows, excerpt } = mentions;
  const mention = stmt(db, 'INSERT INTO unit_mentions(unit, doc, printed, count, at, snippet) VALUES (?, ?, ?, ?, ?, ?)');
  const units = new Set<number>();
  for (const m of rows) {
    const unitId = nameId(db, m.unit);
    units.add(unitId);
    mention.run(unitId, doc, nameId(db, m.printed), m.count, m.at, m.snippet);
  }
  if (rows.length > 0) stmt(db, 'INSERT INTO unit_excerpts(doc, units, packed) VALUES (?, ?, ?)').run(doc, JSON.stringify([...units]), excerpt && asBuffer(excerpt));
  const target = stmt(
    db,
    `INSERT INTO targets(doc, idx, doc_number, indicator, indicator_key, kind, year, measure, value, unit, qualifier, quote, block, extra_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  r.targets.forEach((t, i) =>
    target.run(
      doc, i, ownDocNumber(t.docNumber, row.doc_number), t.indicator, t.indicatorKey, t.kind, t.year, t.measure, t.value, t.unit, t.qualifier, t.quote, t.block, targetExtra(t),
    ),
  );
  stmt(db, 'INSERT INTO doc_normative(document_id, normative, judgement) VALUES (?, ?, ?)').run(
    documentId, r.normative.normative ? 1 : 0, internId(db, 'judgements', { json: JSON.stringify(r.normative) }),
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
  doc: number;
  idx: number;
  doc_number: string | null;
  task: string;
  leader: string | null;
  deadline: string | null;
  block: number | null;
  source_json: string | null;
}

export function listTasks(db: Database.Database, f: TaskFilter = {}): { total: number; items: TaskAssignment[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.unit !== undefined) {
    where.push('(t.doc, t.idx) IN (SELECT u.doc, u.idx FROM task_units u JOIN unit_names n ON n.id = u.unit WHERE n.name = ?)');
    args.push(f.unit);
  }
  if (f.documentId !== undefined) (where.push('t.doc = (SELECT seq FROM documents WHERE id = ?)'), args.push(f.documentId));
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = stmt(db, `SELECT count(*) FROM tasks t ${clause}`, true).get(...args) as number;
  const limit = f.limit === undefined ? -1 : clampInt(f.limit, 50, 1_000_000);
  const offset = clampInt(f.offset, 0, Number.MAX_SAFE_INTEGER);
  const rows = stmt(
    db,
    `SELECT d.id AS document_id, t.doc, t.idx, ${OWN_DOC_NUMBER}, t.task, t.leader, t.deadline, t.block, t.source_json FROM tasks t JOIN documents d ON d.seq = t.doc ${clause}
     ORDER BY d.signed_on IS NULL, d.signed_on DESC, d.id, t.idx LIMIT ? OFFSET ?`,
  ).all(...args, limit, offset) as TaskRow[];
  const units = stmt(
    db,
    `SELECT u.role, n.name AS unit, coalesce(p.name, n.name) AS printed FROM task_units u
     JOIN unit_names n ON n.id = u.unit LEFT JOIN unit_names p ON p.id = u.printed
     WHERE u.doc = ? AND u.idx = ? ORDER BY u.role, u.position`,
  );
  const items = rows.map((r) => {
    const source = r.block === null ? JSON.parse(r.source_json!) : { kind: 'block', block: r.block };
    const us = (units.all(r.doc, r.idx) as Array<{ role: number; unit: string; printed: string }>).map((u) => ({ ...u, role: TASK_ROLES[u.role]! }));
    return toTask({ ...r, source }, us);
  });
  return { total, items };
}

export function listUnits(db: Database.Database): UnitCount[] {
  // A unit named twice on one task counts that task once (as registerByUnit does).
  const all = (sql: string) => stmt(db, sql).all() as never[];
  const named = (sql: string) => `SELECT n.name AS unit, x.* FROM (${sql}) x JOIN unit_names n ON n.id = x.u`;
  const roles = all(named('SELECT unit AS u, role AS r, count(*) AS n FROM (SELECT DISTINCT unit, role, doc, idx FROM task_units) GROUP BY unit, role')) as Array<{
    unit: string; r: number; n: number;
  }>;
  return unitCounts({
    roles: roles.map((x) => ({ unit: x.unit, role: TASK_ROLES[x.r]!, n: x.n })),
    tasks: all(named('SELECT unit AS u, count(*) AS n FROM (SELECT DISTINCT unit, doc, idx FROM task_units) GROUP BY unit')),
    documents: all(named('SELECT unit AS u, count(*) AS n FROM (SELECT unit, doc FROM task_units UNION SELECT unit, doc FROM unit_mentions) GROUP BY unit')),
    spellings: all(
      `SELECT n.name AS unit, p.name AS printed FROM (SELECT unit, coalesce(printed, unit) AS printed FROM task_units UNION SELECT unit, printed FROM unit_mentions) x
       JOIN unit_names n ON n.id = x.unit JOIN unit_names p ON p.id = x.printed`,
    ),
  });
}

export function listUnitMentions(db: Database.Database, unit: string): StoredUnitMention[] {
  return mentionSnippets(
    stmt(
      db,
      `SELECT d.id AS documentId, p.name AS printed, m.count, m.at, m.snippet, e.packed AS excerpt
       FROM unit_mentions m JOIN documents d ON d.seq = m.doc JOIN unit_names p ON p.id = m.printed LEFT JOIN unit_excerpts e ON e.doc = m.doc
       WHERE m.unit = (SELECT id FROM unit_names WHERE name = ?) ORDER BY d.id, m.count DESC, p.name`,
    ).all(unit) as StoredMentionRow[],
  );
}

export function listTargets(db: Database.Database, f: TargetFilter = {}): { total: number; items: Target[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.indicatorKey !== undefined) (where.push('t.indicator_key = ?'), args.push(f.indicatorKey));
  if (f.year !== undefined) (where.push('t.year = ?'), args.push(f.year));
  if (f.kind !== undefined) (where.push('t.kind = ?'), args.push(f.kind));
  if (f.documentId !== undefined) (where.push('t.doc = (SELECT seq FROM documents WHERE id = ?)'), args.push(f.documentId));
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = stmt(db, `SELECT count(*) FROM targets t ${clause}`, true).get(...args) as number;
  const limit = f.limit === undefined ? -1 : clampInt(f.limit, 50, 1_000_000);
  const offset = clampInt(f.offset, 0, Number.MAX_SAFE_INTEGER);
  const rows = stmt(
    db,
    `SELECT d.id AS document_id, ${OWN_DOC_NUMBER}, t.indicator, t.indicator_key, t.kind, t.year, t.measure, t.value, t.unit, t.qualifier,
       t.quote, t.block, t.extra_json AS extra FROM targets t JOIN documents d ON d.seq = t.doc ${clause}
     ORDER BY d.id, t.idx LIMIT ? OFFSET ?`,
  ).all(...args, limit, offset) as TargetRow[];
  return { total, items: rows.map(toTarget) };
}

export function getNormative(db: Database.Database, documentId: string): NormativeJudgement | null {
  const json = stmt(db, 'SELECT j.json FROM doc_normative n JOIN judgements j ON j.id = n.judgement WHERE n.document_id = ?', true).get(documentId) as
    | string
    | undefined;
  return json === undefined ? null : (JSON.parse(json) as NormativeJudgement);
}


export function listReferences(db: Database.Database): KnownReference[] {
  return knownReferences({
    index: stmt(db, `SELECT key, doc_number, title, source FROM doc_references r WHERE ${notHeldSql('r.doc_number', 'r.title')} ORDER BY key`).all() as never,
    relations: stmt(
      db,
      `SELECT x.object_id AS key, x.object_doc_number AS doc_number, x.object_title AS title, x.subject_id, x.verb
       FROM (${RELATIONS_SQL("WHERE o.key LIKE 'ref:%'")}) x WHERE ${notHeldSql('x.object_doc_number', 'x.object_title')}`,
    ).all() as never,
    statuses: stmt(db, `SELECT document_id, status, since FROM statuses WHERE document_id LIKE 'ref:%'`).all() as never,
  });
}
