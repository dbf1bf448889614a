/**
 * ParseResult → rows, in one transaction, with the SQLite store's semantics: the same bytes again
 * change nothing; a corrected edition becomes current, the old edition stays as history, and
 * documents printed only in the old edition go. A document is one row however many issues print it.
 */
import type pg from 'pg';
import { parseDocNumber } from '../../domain/doc-number.js';
import type { OfficialDocument, ParseResult } from '../../domain/types.js';
import { fold } from '../../search/fold.js';
import type { Segmenter } from '../../search/segment.js';
import { documentYear, editionId, issueId, referenceKey } from '../keys.js';
import type { RegisterExtractor } from '../registers.js';
import type { IngestOutcome } from '../store.js';
import { parseResultOf, Preparation, type Ingestible } from '../prepared.js';
import { bigramList, learn, resegment, searchText, VECTOR_SQL, vectorWords, type FoldedDoc } from './indexing.js';
import { marksByDocument } from '../published.js';
import { publicMarks } from './public-marks.js';
import { noteChange } from './derived.js';
import { writeRegisters } from './registers.js';
import { quoteToStore } from '../registers.js';

const json = (v: unknown) => JSON.stringify(v ?? null);

export async function ingest(c: pg.PoolClient, seg: Segmenter, item: Ingestible, extract: RegisterExtractor): Promise<IngestOutcome> {
  const r = parseResultOf(item);
  const warnings = r.warnings.length + r.documents.reduce((n, d) => n + d.warnings.length, 0);
  const distinct = new Map(r.documents.map((d) => [d.id, d]));
  const id = issueId(r);
  // Serialise ingests of one issue (and of one file: same bytes, same id) across connections.
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [id]);
  const known = await c.query<{ issue_id: string }>('SELECT issue_id FROM issue_editions WHERE sha256 = $1', [r.source.sha256]);
  if (known.rows[0]) return { issueId: known.rows[0].issue_id, action: 'unchanged', documents: distinct.size, warnings };

  const edition = editionId(id, r.source.sha256);
  const now = new Date().toISOString();
  const previous = (await c.query<{ current_edition: string }>('SELECT current_edition FROM issues WHERE id = $1', [id])).rows[0];
  await writeEdition(c, r, id, edition, now);
  if (previous) {
    await c.query('UPDATE issue_editions SET superseded_at = $1 WHERE id = $2', [now, previous.current_edition]);
    await c.query('DELETE FROM occurrences WHERE edition_id = $1', [previous.current_edition]);
  }
  // A document printed again keeps its public marks: the index shows those findings as printed.
  // Folded and extracted in the parse workers when the file comes prepared (prepared.ts).
  const prep = new Preparation([item], extract, marksByDocument(await publicMarks(c)));
  const folded = new Map([...distinct.values()].map((d) => [d.id, prep.folded(d)]));
  const learned = await learn(c, seg, [...folded.values()]);
  for (const [position, doc] of r.documents.entries()) {
    if (distinct.get(doc.id) !== doc) continue; // printed twice in one issue: the last printing wins
    await writeDocument(c, seg, doc, folded.get(doc.id)!, now);
    await writeRegisters(c, doc.id, prep.registers(doc));
    await c.query(
      `INSERT INTO occurrences (document_id, issue_id, edition_id, position, page_from, page_to) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      [doc.id, id, edition, position, doc.pages?.from ?? null, doc.pages?.to ?? null],
    );
  }
  // Documents printed only in the superseded edition go with it (the edition row stays).
  if (previous) await c.query('DELETE FROM documents d WHERE NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.document_id = d.id)');
  await resegment(c, seg, learned, [...distinct.keys()]);
  for (const ref of r.references) {
    const key = referenceKey(ref);
    if (!key) continue;
    await c.query(
      'INSERT INTO doc_references (key, doc_number, title, source, first_edition) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [key, ref.docNumber, ref.title, ref.source, edition],
    );
  }
  await noteChange(c); // relations and statuses are owed a recompute from here (derived.ts)
  return { issueId: id, action: previous ? 'replaced' : 'added', documents: distinct.size, warnings };
}

async function writeEdition(c: pg.PoolClient, r: ParseResult, id: string, edition: string, now: string): Promise<void> {
  const i = r.issue;
  const meta = [i?.title ?? r.documents[0]?.title ?? r.source.file, i?.year ?? null, i?.number ?? null, i?.totalNumber ?? null, i?.publishedOn ?? null];
  await c.query(
    `INSERT INTO issues (id, title, year, number, total_number, published_on, current_edition) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET title = $2, year = $3, number = $4, total_number = $5, published_on = $6, current_edition = $7`,
    [id, ...meta, edition],
  );
  await c.query(
    `INSERT INTO issue_editions (id, issue_id, sha256, source_file, encoding, bytes, ingested_at, title, year, number,
       total_number, published_on, contents, index_entries, front_matter, warnings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      edition, id, r.source.sha256, r.source.file, r.source.encoding, r.source.bytes, now, ...meta,
      json(i?.contents ?? []), json(i?.index ?? []), r.frontMatter, json(r.warnings),
    ],
  );
}

/** Upsert the metadata row; replace content, 文号 and citations. */
async function writeDocument(c: pg.PoolClient, seg: Segmenter, d: OfficialDocument, f: FoldedDoc, now: string): Promise<void> {
  await c.query(
    `INSERT INTO documents (id, doc_number, title, search_title, issuer, kind, addressees, signed_on, year, publicity,
       pages, attachments, warnings, updated_at, issuer_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (id) DO UPDATE SET doc_number = $2, title = $3, search_title = $4, issuer = $5, kind = $6, addressees = $7,
       signed_on = $8, year = $9, publicity = $10, pages = $11, attachments = $12, warnings = $13, updated_at = $14, issuer_key = $15`,
    [
      d.id, d.docNumber, d.title, f.title.toLowerCase(), d.issuer, d.kind, d.addressees, d.signedOn, documentYear(d),
      d.publicity, d.pages ? json(d.pages) : null, json(d.attachments), json(d.warnings), now, d.issuer === null ? null : fold(d.issuer),
    ],
  );
  for (const t of ['document_content', 'document_words', 'doc_numbers', 'citations']) {
    await c.query(`DELETE FROM ${t} WHERE document_id = $1`, [d.id]);
  }
  await c.query(
    `INSERT INTO document_content (document_id, body, tables, text, simplified_text, original_text, search_text, bigrams)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [d.id, json(d.body), json(d.tables), d.text, d.simplifiedText ?? null, d.originalText, searchText(f), bigramList(f)],
  );
  await c.query(`INSERT INTO document_words (document_id, vector) VALUES ($1, ${VECTOR_SQL('$2', '$3', '$4')})`, [d.id, ...vectorWords(seg, f)]);
  const n = d.docNumber ? parseDocNumber(d.docNumber) : null;
  if (n && d.docNumber) {
    // Another document already holding this 文号 keeps it; the parser warned about the clash.
    await c.query('INSERT INTO doc_numbers VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [d.docNumber, d.id, n.agency, n.year, n.serial]);
  }
  if (d.cites.length > 0) {
    await c.query(
      `INSERT INTO citations (document_id, idx, doc_number, title, raw, block)
       SELECT $1, i - 1, x.doc_number, x.title, x.raw, x.block
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) WITH ORDINALITY AS x(doc_number, title, raw, block, i)`,
      [d.id, d.cites.map((x) => x.docNumber), d.cites.map((x) => x.title), d.cites.map((x) => quoteToStore(x.raw, x.docNumber, x.title)), d.cites.map((x) => x.block)],
    );
  }
}
