/**
 * Each document's status inputs (src/extract/status-input.ts), kept at ingest (migration 19) as the
 * SQLite store keeps them: the recompute after an ingest reads them instead of reading back, unpacking
 * and re-extracting every stored document (its loadWorld was 1.8 s of the client's CPU at 2,000
 * documents, growing with the corpus). Only what the document rows do not hold is kept.
 */
import type pg from 'pg';
import { statusInputOf, type StatusInput } from '../../extract/status-input.js';
import { textList } from './params.js';
import { CITES_SQL, DOCUMENT_SQL, toDocument } from './read.js';

/** The stored part: validity, normative judgement and repeals (id, 文号, title, date and citations are the document's rows). */
const stored = (s: StatusInput) => JSON.stringify({ validity: s.validity, normative: s.normative, repeals: s.repeals });

export async function writeStatusInputs(c: pg.PoolClient, inputs: readonly StatusInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const l = textList(inputs.map(stored));
  await c.query(`INSERT INTO document_status_inputs (document_id, input) SELECT * FROM unnest($1::text[], ${l.sql('$2')})`, [inputs.map((s) => s.id), l.value]);
}

/**
 * Every stored document's status inputs in allDocuments' order (by id), as statusInputOf gives them
 * for the document read back; a document without a stored row is read and extracted.
 */
export async function allStatusInputs(db: pg.Pool | pg.PoolClient): Promise<StatusInput[]> {
  const out: StatusInput[] = [];
  const missing = new Map<string, number>();
  for (let after = ''; ; ) {
    const r = await db.query<{ id: string; doc_number: string | null; title: string; signed_on: string | null; input: string | null; cites: StatusInput['cites'] }>(
      `SELECT d.id, d.doc_number, d.title, d.signed_on, s.input, ${CITES_SQL} AS cites
       FROM documents d LEFT JOIN document_status_inputs s ON s.document_id = d.id WHERE d.id > $1 ORDER BY d.id LIMIT 1000`,
      [after],
    );
    for (const row of r.rows) {
      if (row.input === null) missing.set(row.id, out.length);
      out.push({ id: row.id, docNumber: row.doc_number, title: row.title, signedOn: row.signed_on, ...(row.input ? JSON.parse(row.input) : {}), cites: row.cites });
    }
    if (r.rows.length < 1000) break;
    after = r.rows[r.rows.length - 1]!.id;
  }
  if (missing.size > 0) {
    const docs = await db.query(`${DOCUMENT_SQL} WHERE d.id = ANY($1::text[])`, [[...missing.keys()]]);
    for (const row of docs.rows) out[missing.get(row.id as string)!] = statusInputOf(toDocument(row));
  }
  return out;
}

/** Migration 19: the inputs of the documents stored before it, 200 at a time. */
export async function backfillStatusInputs(c: pg.PoolClient): Promise<void> {
  for (let after = ''; ; ) {
    const r = await c.query(`${DOCUMENT_SQL} WHERE d.id > $1 ORDER BY d.id LIMIT 200`, [after]);
    await writeStatusInputs(c, r.rows.map((row) => statusInputOf(toDocument(row))));
    if (r.rows.length < 200) return;
    after = r.rows[r.rows.length - 1].id as string;
  }
}
