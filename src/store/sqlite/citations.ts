/**
 * A document's citations stored small (issue 11): by the document's seq, the 文号 and title once
 * in cited_names (60,074 citations name 8,088 distinct documents on 10k), and the text printed
 * only when it is not 《title》（文号） (citedAs in ../registers.ts).
 */
import type Database from 'better-sqlite3';
import type { Citation } from '../../domain/types.js';
import { citedAs, citedAsSql, quoteToStore } from '../registers.js';
import { internId } from './dictionary.js';
import { stmt } from './statements.js';

/** Replace the citations of the document stored as `seq` (the caller holds the transaction; `fresh`: none yet). */
export function writeCitations(db: Database.Database, seq: number, cites: readonly Citation[], fresh = false): void {
  if (!fresh) stmt(db, 'DELETE FROM citations WHERE doc = ?').run(seq);
  const ins = stmt(db, 'INSERT INTO citations(doc, idx, cited, raw, block) VALUES (?, ?, ?, ?, ?)');
  cites.forEach((c, i) => ins.run(seq, i, internId(db, 'cited_names', { doc_number: c.docNumber, title: c.title }), quoteToStore(c.raw, c.docNumber, c.title), c.block));
}

export function readCitations(db: Database.Database, seq: number): Citation[] {
  const rows = stmt(db, 'SELECT n.doc_number, n.title, c.raw, c.block FROM citations c JOIN cited_names n ON n.id = c.cited WHERE c.doc = ? ORDER BY c.idx').all(seq) as Array<{
    doc_number: string | null; title: string | null; raw: string | null; block: number;
  }>;
  return rows.map((c) => ({ docNumber: c.doc_number, title: c.title, raw: c.raw ?? citedAs(c.doc_number, c.title)!, block: c.block }));
}

/** The SQL of a document's citations as JSON [[文号, title, raw, block], …] in order, for the document as `d`. */
export const CITES_JSON_SQL = `(SELECT json_group_array(json_array(x.doc_number, x.title, x.raw, x.block)) FROM (SELECT n.doc_number, n.title,
  coalesce(c.raw, ${citedAsSql('n.doc_number', 'n.title')}) AS raw, c.block FROM citations c JOIN cited_names n ON n.id = c.cited WHERE c.doc = d.seq ORDER BY c.idx) x)`;
