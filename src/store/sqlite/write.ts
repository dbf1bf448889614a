/**
 * Writing one ParseResult: an issue edition, its documents (one row per document however many
 * issues print it, one occurrence per printing), their facts, and the search index.
 */
import type Database from 'better-sqlite3';
import { parseDocNumber } from '../../domain/doc-number.js';
import type { OfficialDocument, ParseResult } from '../../domain/types.js';
import { fold } from '../../search/fold.js';
import { documentYear, editionId, issueId, referenceKey } from '../keys.js';
import type { RegisterExtractor } from '../registers.js';
import type { IngestOutcome } from '../store.js';
import { marksByDocument } from '../published.js';
import { publicMarks } from './public-marks.js';
import { noteChange } from './derived.js';
import { refreshListing } from './read.js';
import { writeRegisters } from './registers.js';
import { foldDocument, type FoldedDoc, type SearchIndex } from './search-index.js';

const json = (v: unknown) => JSON.stringify(v ?? null);

export function ingestResult(db: Database.Database, search: SearchIndex, result: ParseResult, extract: RegisterExtractor): IngestOutcome {
  const warnings = result.warnings.length + result.documents.reduce((n, d) => n + d.warnings.length, 0);
  const distinct = new Map(result.documents.map((d) => [d.id, d]));
  const id = issueId(result);
  const edition = editionId(id, result.source.sha256);
  const now = new Date().toISOString();
  // IMMEDIATE: the "seen this file?" check and the writes are one step even when two processes
  // ingest the same file at once (the second then waits, and finds it unchanged).
  return db.transaction((): IngestOutcome => {
    const known = db.prepare('SELECT issue_id FROM issue_editions WHERE sha256 = ?').get(result.source.sha256) as
      | { issue_id: string }
      | undefined;
    if (known) return { issueId: known.issue_id, action: 'unchanged', documents: distinct.size, warnings };
    const previous = db.prepare('SELECT current_edition FROM issues WHERE id = ?').get(id) as { current_edition: string } | undefined;
    writeEdition(db, result, id, edition, now);
    if (previous) {
      db.prepare('UPDATE issue_editions SET superseded_at = ? WHERE id = ?').run(now, previous.current_edition);
      db.prepare('DELETE FROM occurrences WHERE edition_id = ?').run(previous.current_edition);
    }
    // A document printed again keeps its public marks: the index shows those findings as printed.
    const marked = marksByDocument(publicMarks(db));
    const folded = new Map([...distinct.values()].map((d) => [d.id, foldDocument(d, marked(d.id))]));
    const learned = search.learn([...folded.values()]);
    const written = new Set<number>();
    result.documents.forEach((doc, position) => {
      if (distinct.get(doc.id) !== doc) return; // printed twice in one issue: the last printing wins
      written.add(writeDocument(db, search, doc, folded.get(doc.id)!, now));
      writeRegisters(db, doc.id, extract(doc));
      db.prepare(
        'INSERT OR IGNORE INTO occurrences(document_id, issue_id, edition_id, position, page_from, page_to) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(doc.id, id, edition, position, doc.pages?.from ?? null, doc.pages?.to ?? null);
    });
    if (previous) removeOrphans(db, search);
    // Listing columns: new rows, and rows whose latest printing may have moved.
    refreshListing(db, previous ? undefined : [...distinct.keys()]);
    if (learned.length > 0) search.resegment(learned, written);
    writeReferences(db, result, edition);
    noteChange(db); // relations and statuses are owed a recompute from here (derived.ts)
    return { issueId: id, action: previous ? 'replaced' : 'added', documents: distinct.size, warnings };
  }).immediate();
}

function writeEdition(db: Database.Database, r: ParseResult, id: string, edition: string, now: string): void {
  const i = r.issue;
  const title = i?.title ?? r.documents[0]?.title ?? r.source.file;
  const meta = [title, i?.year ?? null, i?.number ?? null, i?.totalNumber ?? null, i?.publishedOn ?? null] as const;
  db.prepare(
    `INSERT INTO issues(id, title, year, number, total_number, published_on, current_edition) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, year = excluded.year, number = excluded.number,
       total_number = excluded.total_number, published_on = excluded.published_on, current_edition = excluded.current_edition`,
  ).run(id, ...meta, edition);
  db.prepare(
    `INSERT INTO issue_editions(id, issue_id, sha256, source_file, encoding, bytes, ingested_at, title, year, number,
       total_number, published_on, contents_json, index_json, front_matter, warnings_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    edition, id, r.source.sha256, r.source.file, r.source.encoding, r.source.bytes, now, ...meta,
    json(i?.contents ?? []), json(i?.index ?? []), r.frontMatter, json(r.warnings),
  );
}

/** Upsert the document row (keeping its seq, the search rowid) and replace its facts. */
function writeDocument(db: Database.Database, search: SearchIndex, d: OfficialDocument, f: FoldedDoc, now: string): number {
  const row = db
    .prepare(
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
  for (const t of ['document_content', 'paragraphs', 'doc_tables', 'doc_numbers', 'citations']) {
    db.prepare(`DELETE FROM ${t} WHERE document_id = ?`).run(d.id);
  }
  db.prepare('INSERT INTO document_content(document_id, body_json, text, simplified_text, original_text) VALUES (?, ?, ?, ?, ?)').run(
    d.id, json(d.body), d.text, d.simplifiedText ?? null, d.originalText,
  );
  const para = db.prepare('INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?)');
  d.body.forEach((b, i) => para.run(d.id, i, b.level, b.marker ?? null, b.heading ?? null, b.text, b.attachment ?? null));
  const table = db.prepare('INSERT INTO doc_tables VALUES (?, ?, ?, ?, ?, ?, ?)');
  d.tables.forEach((t, i) => table.run(d.id, i, t.title ?? null, json(t.header), json(t.rows), t.source, t.afterBlock));
  const n = d.docNumber ? parseDocNumber(d.docNumber) : null;
  if (n && d.docNumber) {
    // Another document already holding this 文号 keeps it; the parser warned about the clash.
    db.prepare('INSERT OR IGNORE INTO doc_numbers VALUES (?, ?, ?, ?, ?)').run(d.docNumber, d.id, n.agency, n.year, n.serial);
  }
  const cite = db.prepare('INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?)');
  d.cites.forEach((c, i) => cite.run(d.id, i, c.docNumber, c.title, c.raw, c.block));
  search.index(row.seq, f);
  return row.seq;
}

/** Documents printed only in a superseded edition go with it (the edition row stays as history). */
function removeOrphans(db: Database.Database, search: SearchIndex): void {
  const orphans = db
    .prepare('SELECT seq, id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.document_id = d.id)')
    .all() as Array<{ seq: number; id: string }>;
  for (const o of orphans) {
    search.remove(o.seq);
    db.prepare('DELETE FROM documents WHERE seq = ?').run(o.seq);
  }
}

function writeReferences(db: Database.Database, r: ParseResult, edition: string): void {
  const ins = db.prepare('INSERT OR IGNORE INTO doc_references VALUES (?, ?, ?, ?, ?)');
  for (const ref of r.references) {
    const key = referenceKey(ref);
    if (key) ins.run(key, ref.docNumber, ref.title, ref.source, edition);
  }
}
