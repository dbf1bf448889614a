/**
 * The registers documents imply (tasks, targets, 规范性文件 judgement) on PostgreSQL, with the
 * SQLite store's semantics: written with the document at ingest (replacing its old rows), rebuilt
 * from stored documents when the extractors' version moved on, and the listings over them.
 * Text orders use COLLATE "C" (byte order), as SQLite compares.
 */
import type pg from 'pg';
import type { NormativeJudgement } from '../../extract/normative.js';
import type { Target } from '../../extract/targets.js';
import type { TaskAssignment } from '../../extract/tasks.js';
import { clampInt } from '../keys.js';
import {
  knownReferences, mentionRows, mentionSnippets, notHeldSql, REGISTERS_VERSION, targetExtra, toTarget, toTask, unitCounts, type RegisterExtractor,
  type StoredMentionRow, type TargetRow,
} from '../registers.js';
import type { DocumentRegisters, KnownReference, StoredUnitMention, TargetFilter, TaskFilter, UnitCount } from '../store.js';
import { Params } from './params.js';
import { DOCUMENT_SQL, toDocument } from './read.js';
import { withTransaction } from './tx.js';

type Db = pg.Pool | pg.PoolClient;

/** Replace documents' registers, a few statements for all of them (the caller holds the transaction). */
export async function writeRegisters(c: pg.PoolClient, docs: ReadonlyArray<readonly [string, DocumentRegisters]>): Promise<void> {
  if (docs.length === 0) return;
  const ids = docs.map(([id]) => id);
  for (const t of ['tasks', 'targets', 'doc_normative', 'unit_mentions', 'unit_excerpts']) await c.query(`DELETE FROM ${t} WHERE document_id = ANY($1::text[])`, [ids]);
  const ts = docs.flatMap(([id, r]) => r.tasks.map((t, i) => ({ id, i, t })));
  if (ts.length > 0) {
    const arr = (x: string) => `ARRAY(SELECT jsonb_array_elements_text(x.${x}::jsonb))`;
    await c.query(
      `INSERT INTO tasks (document_id, idx, doc_number, task, leader, deadline, source, leads, responsible, cooperating, printed)
       SELECT x.id, x.i, x.doc_number, x.task, x.leader, x.deadline, x.source::jsonb, ${arr('leads')}, ${arr('responsible')}, ${arr('cooperating')}, x.printed::jsonb
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         AS x(id, i, doc_number, task, leader, deadline, source, leads, responsible, cooperating, printed)`,
      [
        ts.map((x) => x.id), ts.map((x) => x.i), ts.map(({ t }) => t.docNumber), ts.map(({ t }) => t.task), ts.map(({ t }) => t.leader),
        ts.map(({ t }) => t.deadline), ts.map(({ t }) => JSON.stringify(t.source)), ts.map(({ t }) => JSON.stringify(t.leads)),
        ts.map(({ t }) => JSON.stringify(t.responsible)), ts.map(({ t }) => JSON.stringify(t.cooperating)), ts.map(({ t }) => JSON.stringify(t.printed ?? {})),
      ],
    );
  }
  const mentions = docs.map(([id, r]) => ({ id, ...mentionRows(r) }));
  const ms = mentions.flatMap((x) => x.rows.map((m) => ({ id: x.id, m })));
  if (ms.length > 0) {
    await c.query(
      `INSERT INTO unit_mentions (document_id, unit, printed, count, at, snippet) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[])`,
      [ms.map((x) => x.id), ms.map(({ m }) => m.unit), ms.map(({ m }) => m.printed), ms.map(({ m }) => m.count), ms.map(({ m }) => m.at), ms.map(({ m }) => m.snippet)],
    );
  }
  const excerpts = mentions.filter((x) => x.excerpt);
  if (excerpts.length > 0) {
    await c.query('INSERT INTO unit_excerpts (document_id, packed) SELECT * FROM unnest($1::text[], $2::bytea[])', [excerpts.map((x) => x.id), excerpts.map((x) => x.excerpt)]);
  }
  const gs = docs.flatMap(([id, r]) => r.targets.map((t, i) => ({ id, i, t })));
  if (gs.length > 0) {
    await c.query(
      `INSERT INTO targets (document_id, idx, doc_number, indicator, indicator_key, kind, year, measure, value, unit, qualifier, quote, block, extra)
       SELECT id, i, a, b, c, d, e, f, g, h, j, k, l, m::jsonb
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::float8[], $10::text[], $11::text[],
         $12::text[], $13::int[], $14::text[]) AS x(id, i, a, b, c, d, e, f, g, h, j, k, l, m)`,
      [
        gs.map((x) => x.id), gs.map((x) => x.i), gs.map(({ t }) => t.docNumber), gs.map(({ t }) => t.indicator), gs.map(({ t }) => t.indicatorKey),
        gs.map(({ t }) => t.kind), gs.map(({ t }) => t.year), gs.map(({ t }) => t.measure), gs.map(({ t }) => t.value), gs.map(({ t }) => t.unit),
        gs.map(({ t }) => t.qualifier), gs.map(({ t }) => t.quote), gs.map(({ t }) => t.block), gs.map(({ t }) => targetExtra(t)),
      ],
    );
  }
  await c.query('INSERT INTO doc_normative (document_id, normative, judgement) SELECT * FROM unnest($1::text[], $2::boolean[], $3::jsonb[])', [
    ids, docs.map(([, r]) => r.normative.normative), docs.map(([, r]) => JSON.stringify(r.normative)),
  ]);
}

/**
 * Re-extract every stored document's registers when they were made by another REGISTERS_VERSION
 * (or always, with force), in one transaction under an advisory lock: concurrent openers rebuild once.
 */
export function rebuildRegisters(pool: pg.Pool, extract: RegisterExtractor, force = false): Promise<number> {
  return withTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(7154)');
    const version = (await c.query<{ version: number }>('SELECT version FROM register_state')).rows[0]?.version;
    if (!force && version === REGISTERS_VERSION) return 0;
    let n = 0;
    // Keyset pages of 100 documents, so a large database never sits in memory at once.
    for (let after = ''; ; ) {
      const r = await c.query(`${DOCUMENT_SQL} WHERE d.id > $1 ORDER BY d.id LIMIT 100`, [after]);
      await writeRegisters(c, r.rows.map((row) => {
        const doc = toDocument(row);
        return [doc.id, extract(doc)] as const;
      }));
      n += r.rows.length;
      if (r.rows.length < 100) break;
      after = r.rows[r.rows.length - 1].id as string;
    }
    await c.query('UPDATE register_state SET version = $1', [REGISTERS_VERSION]);
    return n;
  });
}

function page(p: Params, f: { limit?: number; offset?: number }): string {
  const limit = f.limit === undefined ? 'ALL' : p.add(clampInt(f.limit, 50, 1_000_000));
  return `LIMIT ${limit} OFFSET ${p.add(clampInt(f.offset, 0, Number.MAX_SAFE_INTEGER))}`;
}

export async function listTasks(db: Db, f: TaskFilter = {}): Promise<{ total: number; items: TaskAssignment[] }> {
  const p = new Params();
  const where: string[] = [];
  if (f.unit !== undefined) {
    const u = p.add([f.unit]);
    where.push(`(t.leads @> ${u}::text[] OR t.responsible @> ${u}::text[] OR t.cooperating @> ${u}::text[])`);
  }
  if (f.documentId !== undefined) where.push(`t.document_id = ${p.add(f.documentId)}`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks t ${clause}`, p.values)).rows[0]!.n;
  const r = await db.query(
    `SELECT t.document_id, t.doc_number, t.task, t.leader, t.deadline, t.source, t.leads, t.responsible, t.cooperating, t.printed
     FROM tasks t JOIN documents d ON d.id = t.document_id ${clause}
     ORDER BY d.signed_on DESC NULLS LAST, t.document_id COLLATE "C", t.idx ${page(p, f)}`,
    p.values,
  );
  const items = r.rows.map((row) => {
    const printed = row.printed as Record<string, string>;
    const role = (name: string, units: string[]) => units.map((unit) => ({ role: name, unit, printed: printed[unit] ?? unit }));
    return toTask(row, [...role('lead', row.leads), ...role('responsible', row.responsible), ...role('cooperating', row.cooperating)]);
  });
  return { total, items };
}

// Every (unit, role, task) of the register, one row each.
const TASK_UNITS = `SELECT u AS unit, 'lead' AS role, document_id, idx FROM tasks, unnest(leads) AS u
  UNION SELECT u, 'responsible', document_id, idx FROM tasks, unnest(responsible) AS u
  UNION SELECT u, 'cooperating', document_id, idx FROM tasks, unnest(cooperating) AS u`;

export async function listUnits(db: Db): Promise<UnitCount[]> {
  // A unit named twice on one task counts that task once (as registerByUnit does).
  const all = async (sql: string) => (await db.query(sql)).rows as never[];
  return unitCounts({
    roles: await all(`SELECT unit, role, count(*)::int AS n FROM (${TASK_UNITS}) x GROUP BY unit, role`),
    tasks: await all(`SELECT unit, count(DISTINCT (document_id, idx))::int AS n FROM (${TASK_UNITS}) x GROUP BY unit`),
    documents: await all(
      `SELECT unit, count(DISTINCT document_id)::int AS n FROM (SELECT unit, document_id FROM (${TASK_UNITS}) x UNION SELECT unit, document_id FROM unit_mentions) y GROUP BY unit`,
    ),
    spellings: await all(
      `SELECT u.unit, coalesce(t.printed ->> u.unit, u.unit) AS printed FROM (${TASK_UNITS}) u JOIN tasks t USING (document_id, idx)
       UNION SELECT unit, printed FROM unit_mentions`,
    ),
  });
}

export async function listUnitMentions(db: Db, unit: string): Promise<StoredUnitMention[]> {
  const r = await db.query(
    `SELECT m.document_id AS "documentId", m.printed, m.count, m.at, m.snippet, e.packed AS excerpt
     FROM unit_mentions m LEFT JOIN unit_excerpts e USING (document_id) WHERE m.unit = $1
     ORDER BY m.document_id COLLATE "C", m.count DESC, m.printed COLLATE "C"`,
    [unit],
  );
  return mentionSnippets(r.rows as StoredMentionRow[]);
}

export async function listTargets(db: Db, f: TargetFilter = {}): Promise<{ total: number; items: Target[] }> {
  const p = new Params();
  const where: string[] = [];
  if (f.indicatorKey !== undefined) where.push(`indicator_key = ${p.add(f.indicatorKey)}`);
  if (f.year !== undefined) where.push(`year = ${p.add(f.year)}`);
  if (f.kind !== undefined) where.push(`kind = ${p.add(f.kind)}`);
  if (f.documentId !== undefined) where.push(`document_id = ${p.add(f.documentId)}`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM targets ${clause}`, p.values)).rows[0]!.n;
  const r = await db.query<TargetRow>(`SELECT * FROM targets ${clause} ORDER BY document_id COLLATE "C", idx ${page(p, f)}`, p.values);
  return { total, items: r.rows.map(toTarget) };
}

export async function getNormative(db: Db, documentId: string): Promise<NormativeJudgement | null> {
  const r = (await db.query<{ judgement: NormativeJudgement }>('SELECT judgement FROM doc_normative WHERE document_id = $1', [documentId])).rows[0];
  return r ? r.judgement : null;
}


export async function listReferences(db: Db): Promise<KnownReference[]> {
  const [index, relations, statuses] = await Promise.all([
    db.query(`SELECT key, doc_number, title, source FROM doc_references r WHERE ${notHeldSql('r.doc_number', 'r.title')} ORDER BY key COLLATE "C"`),
    db.query(
      `SELECT object_id AS key, object_doc_number AS doc_number, object_title AS title, subject_id, verb FROM relations r
       WHERE object_id LIKE 'ref:%' AND ${notHeldSql('r.object_doc_number', 'r.object_title')} ORDER BY seq`,
    ),
    db.query(`SELECT document_id, status, since FROM statuses WHERE document_id LIKE 'ref:%'`),
  ]);
  return knownReferences({ index: index.rows, relations: relations.rows, statuses: statuses.rows });
}
