/**
 * Writing one ParseResult: an issue edition, its documents (one row per document however many
 * issues print it, one occurrence per printing), their facts, and the search index.
 */
import type Database from 'better-sqlite3';
import { parseDocNumber } from '../../domain/doc-number.js';
import type { OfficialDocument, ParseResult } from '../../domain/types.js';
import { parseResultOf, Preparation, type Ingestible } from '../prepared.js';
import { fold } from '../../search/fold.js';
import { documentYear, editionId, issueId, referenceKey } from '../keys.js';
import type { RegisterExtractor } from '../registers.js';
import type { IngestOutcome } from '../store.js';
import { marksByDocument } from '../published.js';
import { writeCitations } from './citations.js';
import { packedFor } from '../packed-content.js';
import { publicMarks } from './public-marks.js';
import { noteChange } from './derived.js';
import { withInternCache } from './dictionary.js';
import { refreshListing } from './read.js';
import { writeRegisters } from './registers.js';
import { oweRemoval, writeStatusInput } from './status-inputs.js';
import type { FoldedDoc, SearchIndex } from './search-index.js';
import { insertRows, stmt } from './statements.js';

const json = (v: unknown) => JSON.stringify(v ?? null);

/**
 * Store a batch of parsed files in one IMMEDIATE transaction: the "seen this file?" checks and the
 * writes are one step even when two processes ingest the same file at once (the second waits, and
 * finds it unchanged). Words are learned from the whole batch at once.
 */
export function ingestResults(db: Database.Database, search: SearchIndex, items: readonly Ingestible[], extract: RegisterExtractor): IngestOutcome[] {
  const results = items.map(parseResultOf);
  // Around the transaction: committed or rolled back, the ids remembered go with it.
  return withInternCache(db, () => db.transaction((): IngestOutcome[] => {
    const seen = new Map<string, string>();
    const fresh = results.map((r) => {
      const known = seen.get(r.source.sha256) ?? (stmt(db, 'SELECT issue_id FROM issue_editions WHERE sha256 = ?', true).get(r.source.sha256) as string | undefined);
      if (known === undefined) seen.set(r.source.sha256, issueId(r));
      return known === undefined;
    });
    // A document printed again keeps its public marks: the index shows those findings as printed.
    const prep = new Preparation(items, extract, marksByDocument(publicMarks(db)));
    const folded = new Map<OfficialDocument, FoldedDoc>();
    results.forEach((r, i) => fresh[i] && r.documents.forEach((d) => folded.set(d, prep.folded(d))));
    // Words learned here cut later queries; the index itself holds character pairs, so nothing is re-cut.
    search.learn([...new Map([...folded].map(([d, f]) => [d.id, f])).values()]);
    const written = new Map<number, FoldedDoc>();
    const outcomes = results.map((r, i) => writeResult(db, search, r, fresh[i] ? folded : null, prep, written, seen));
    // The search rows go in last, one after another: FTS5 flushes its pending terms whenever another
    // statement opens a savepoint, and one flush per document wrote tiny segments (8 ms a document).
    const exists = stmt(db, 'SELECT 1 FROM documents WHERE seq = ?', true);
    search.insertMany([...written].filter(([seq]) => exists.get(seq) !== undefined));
    return outcomes;
  }).immediate());
}

export function ingestResult(db: Database.Database, search: SearchIndex, result: Ingestible, extract: RegisterExtractor): IngestOutcome {
  return ingestResults(db, search, [result], extract)[0]!;
}

/** One file of the batch; folded is null when its content hash is known (unchanged). */
function writeResult(
  db: Database.Database, search: SearchIndex, result: ParseResult, folded: ReadonlyMap<OfficialDocument, FoldedDoc> | null,
  prep: Preparation, written: Map<number, FoldedDoc>, seen: ReadonlyMap<string, string>,
): IngestOutcome {
  const warnings = result.warnings.length + result.documents.reduce((n, d) => n + d.warnings.length, 0);
  const distinct = new Map(result.documents.map((d) => [d.id, d]));
  const id = issueId(result);
  if (folded === null) {
    const known = (stmt(db, 'SELECT issue_id FROM issue_editions WHERE sha256 = ?', true).get(result.source.sha256) as string | undefined) ?? seen.get(result.source.sha256)!;
    return { issueId: known, action: 'unchanged', documents: distinct.size, warnings };
  }
  // Relations and statuses are owed a recompute from here (derived.ts), for what this edition changes.
  const change = noteChange(db);
  const edition = editionId(id, result.source.sha256);
  const now = new Date().toISOString();
  const previous = stmt(db, 'SELECT current_edition FROM issues WHERE id = ?', true).get(id) as string | undefined;
  writeEdition(db, result, id, edition, now);
  // The documents the superseded edition printed: they may be printed nowhere else now.
  let printed: string[] = [];
  if (previous !== undefined) {
    stmt(db, 'UPDATE issue_editions SET superseded_at = ? WHERE id = ?').run(now, previous);
    printed = stmt(db, 'DELETE FROM occurrences WHERE edition_id = ? RETURNING document_id', true).all(previous) as string[];
  }
  result.documents.forEach((doc, position) => {
    if (distinct.get(doc.id) !== doc) return; // printed twice in one issue: the last printing wins
    const f = folded.get(doc)!;
    const { seq, fresh } = writeDocument(db, search, doc, f, prep.packed(doc), now);
    written.set(seq, f);
    writeRegisters(db, doc.id, prep.registers(doc), fresh, prep.mentions(doc));
    const status = prep.status(doc);
    writeStatusInput(db, status.input, status.keys, change, fresh);
    stmt(db, 'INSERT OR IGNORE INTO occurrences(document_id, issue_id, edition_id, position, page_from, page_to) VALUES (?, ?, ?, ?, ?, ?)').run(
      doc.id, id, edition, position, doc.pages?.from ?? null, doc.pages?.to ?? null,
    );
  });
  if (previous !== undefined) removeOrphans(db, search, change, printed);
  // Listing columns: new rows, and rows whose latest printing may have moved (not every row: a
  // replaced edition cost 0.3 s at 100,000 documents).
  refreshListing(db, [...new Set([...distinct.keys(), ...printed])]);
  writeReferences(db, result, edition);
  return { issueId: id, action: previous !== undefined ? 'replaced' : 'added', documents: distinct.size, warnings };
}

function writeEdition(db: Database.Database, r: ParseResult, id: string, edition: string, now: string): void {
  const i = r.issue;
  const title = i?.title ?? r.documents[0]?.title ?? r.source.file;
  const meta = [title, i?.year ?? null, i?.number ?? null, i?.totalNumber ?? null, i?.publishedOn ?? null] as const;
  stmt(db, 
    `INSERT INTO issues(id, title, year, number, total_number, published_on, current_edition) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, year = excluded.year, number = excluded.number,
       total_number = excluded.total_number, published_on = excluded.published_on, current_edition = excluded.current_edition`,
  ).run(id, ...meta, edition);
  stmt(db, 
    `INSERT INTO issue_editions(id, issue_id, sha256, source_file, encoding, bytes, ingested_at, title, year, number,
       total_number, published_on, contents_json, index_json, front_matter, warnings_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    edition, id, r.source.sha256, r.source.file, r.source.encoding, r.source.bytes, now, ...meta,
    json(i?.contents ?? []), json(i?.index ?? []), r.frontMatter, json(r.warnings),
  );
}

/**
 * Upsert the document row (keeping its seq, the search rowid) and replace its facts; a document
 * written before leaves the search tables here, and the batch indexes it again at its end.
 */
function writeDocument(
  db: Database.Database, search: SearchIndex, d: OfficialDocument, f: FoldedDoc, packed: Uint8Array | undefined, now: string,
): { seq: number; fresh: boolean } {
  const before = stmt(db, 'SELECT seq FROM documents WHERE id = ?', true).get(d.id) as number | undefined;
  if (before !== undefined) search.remove(before);
  const row = stmt(
      db,
      `INSERT INTO documents(id, doc_number, title, search_title, issuer, issuer_key, kind, addressees, signed_on, year, publicity,
         pages_json, attachments_json, warnings_json, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET doc_number = excluded.doc_number, title = excluded.title,
         search_title = excluded.search_title, issuer = excluded.issuer, issuer_key = excluded.issuer_key, kind = excluded.kind,
         addressees = excluded.addressees, signed_on = excluded.signed_on, year = excluded.year,
         publicity = excluded.publicity, pages_json = excluded.pages_json, attachments_json = excluded.attachments_json,
         warnings_json = excluded.warnings_json, updated_at = excluded.updated_at
       RETURNING seq`,
    )
    .get(
      d.id, d.docNumber, d.title, fold(d.title).toLowerCase(), d.issuer, d.issuer === null ? null : fold(d.issuer), d.kind, d.addressees, d.signedOn, documentYear(d),
      d.publicity, d.pages ? json(d.pages) : null, json(d.attachments), json(d.warnings), now,
    ) as { seq: number };
  // A new document has no rows anywhere yet (they go with its row: ON DELETE CASCADE).
  if (before !== undefined) for (const t of ['document_content', 'doc_tables', 'doc_numbers']) stmt(db, `DELETE FROM ${t} WHERE document_id = ?`).run(d.id);
  // Packed in a parse worker when prepared there (with the same folded text), else here.
  stmt(db, 'INSERT INTO document_content(document_id, packed) VALUES (?, ?)').run(d.id, packedFor(d, f, packed));
  insertRows(db, 'doc_tables', ['document_id', 'idx', 'title', 'header_json', 'rows_json', 'source', 'after_block'],
    d.tables.map((t, i) => [d.id, i, t.title ?? null, json(t.header), json(t.rows), t.source, t.afterBlock]));
  const n = d.docNumber ? parseDocNumber(d.docNumber) : null;
  if (n && d.docNumber) {
    // Another document already holding this 文号 keeps it; the parser warned about the clash.
    stmt(db, 'INSERT OR IGNORE INTO doc_numbers VALUES (?, ?, ?, ?, ?)').run(d.docNumber, d.id, n.agency, n.year, n.serial);
  }
  writeCitations(db, row.seq, d.cites, before === undefined);
  return { seq: row.seq, fresh: before === undefined };
}

/**
 * Documents printed only in a superseded edition go with it (the edition row stays as history):
 * of those it printed, the ones no other edition prints.
 */
function removeOrphans(db: Database.Database, search: SearchIndex, change: number, printed: readonly string[]): void {
  const orphans = stmt(
    db,
    `SELECT seq, id FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.document_id = d.id) ORDER BY seq`,
  ).all(JSON.stringify(printed)) as Array<{ seq: number; id: string }>;
  for (const o of orphans) {
    oweRemoval(db, o.id, change);
    search.remove(o.seq);
    stmt(db, 'DELETE FROM documents WHERE seq = ?').run(o.seq);
  }
}

function writeReferences(db: Database.Database, r: ParseResult, edition: string): void {
  const ins = stmt(db, 'INSERT OR IGNORE INTO doc_references VALUES (?, ?, ?, ?, ?)');
  for (const ref of r.references) {
    const key = referenceKey(ref);
    if (key) ins.run(key, ref.docNumber, ref.title, ref.source, edition);
  }
}
