/**
 * ParseResults → rows, a batch in one transaction, with the SQLite store's semantics: the same bytes
 * again change nothing; a corrected edition becomes current, the old edition stays as history, and
 * documents printed only in the old edition go. A document is one row however many issues print it.
 * Issues and editions are written as each file comes; documents, their search rows, registers and
 * printings wait and go in as a few multi-row statements per batch, words learned once per batch
 * (a statement per row cost ~15 round trips a document).
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
import { learn, searchText, type FoldedDoc } from './indexing.js';
import { keyLiteral } from './keys.js';
import { writeStatusInputs } from './status-inputs.js';
import type { StatusInput } from '../../extract/status-input.js';
import { byteList, textList } from './params.js';
import { marksByDocument } from '../published.js';
import { publicMarks } from './public-marks.js';
import { noteChange } from './derived.js';
import { writeRegisters } from './registers.js';
import { quoteToStore } from '../registers.js';
import { packedFor } from '../packed-content.js';

const json = (v: unknown) => JSON.stringify(v ?? null);

/** A document waiting to be written: its folded text and the content blob the parse workers packed, if they did. */
interface Staged {
  readonly doc: OfficialDocument;
  readonly folded: FoldedDoc;
  readonly packed: Uint8Array | undefined;
  /** The search keys' literal, when the parse workers made it. */
  readonly keys: string | undefined;
  readonly status: StatusInput;
}

/** What a run of files leaves to write at its end. */
class Pending {
  readonly issues = new Set<string>();
  /** By id, in first-printing order (the first document holding a 文号 keeps it); the last printing's content wins. */
  readonly docs = new Map<string, Staged>();
  readonly occurrences: Array<{ doc: OfficialDocument; issue: string; edition: string; position: number }> = [];
  /** Documents of superseded editions: they go unless something still prints them. */
  readonly orphans = new Set<string>();
  readonly references: Array<[string, string | null, string | null, string, string]> = [];
  changes = 0;
}

/**
 * Writes a batch. `merge`: merge the GIN pending lists before the batch commits (else the caller
 * does it, mergePendingLists, after: a bulk ingest runs it beside the next batch).
 */
export async function ingestBatch(c: pg.PoolClient, seg: Segmenter, items: readonly Ingestible[], extract: RegisterExtractor, merge = true): Promise<IngestOutcome[]> {
  const results = items.map(parseResultOf);
  // Serialise ingests of one issue (and of one file: same bytes, same id) across connections; in
  // one order, so two batches sharing issues wait for each other instead of deadlocking.
  await c.query('SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(x) AS h FROM unnest($1::text[]) x ORDER BY 1) s', [results.map(issueId)]);
  // A document printed again keeps its public marks: the index shows those findings as printed.
  // Folded and extracted in the parse workers when the file comes prepared (prepared.ts).
  const prep = new Preparation(items, extract, marksByDocument(await publicMarks(c)));
  const outcomes: IngestOutcome[] = [];
  let pending = new Pending();
  for (const r of results) {
    // A second file of an issue in this run (a correction, the same bytes again) sees the first written.
    if (pending.issues.has(issueId(r))) {
      await flush(c, seg, pending, prep);
      pending = new Pending();
    }
    outcomes.push(await stage(c, r, prep, pending));
  }
  await flush(c, seg, pending, prep);
  if (merge) await mergePendingLists(c);
  return outcomes;
}

/**
 * New index entries wait in the GIN indexes' pending lists, which every search reads through whole
 * (a 2-character query over a fresh 2,000 documents took 300 ms): they are merged once a batch.
 * The merge sorts in maintenance_work_mem: the more it holds, the fewer passes over the tree.
 * Run inside a transaction (SET LOCAL).
 */
export async function mergePendingLists(c: pg.PoolClient): Promise<void> {
  await c.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  await c.query(`SELECT gin_clean_pending_list('document_content_bigrams'::regclass)`);
}

/** The issue and edition rows now; the documents into `pending`. */
async function stage(c: pg.PoolClient, r: ParseResult, prep: Preparation, pending: Pending): Promise<IngestOutcome> {
  const warnings = r.warnings.length + r.documents.reduce((n, d) => n + d.warnings.length, 0);
  const distinct = new Map(r.documents.map((d) => [d.id, d]));
  const id = issueId(r);
  pending.issues.add(id);
  const known = await c.query<{ issue_id: string }>('SELECT issue_id FROM issue_editions WHERE sha256 = $1', [r.source.sha256]);
  if (known.rows[0]) return { issueId: known.rows[0].issue_id, action: 'unchanged', documents: distinct.size, warnings };

  const edition = editionId(id, r.source.sha256);
  const now = new Date().toISOString();
  const previous = (await c.query<{ current_edition: string }>('SELECT current_edition FROM issues WHERE id = $1', [id])).rows[0];
  await writeEdition(c, r, id, edition, now);
  if (previous) {
    await c.query('UPDATE issue_editions SET superseded_at = $1 WHERE id = $2', [now, previous.current_edition]);
    const gone = await c.query<{ document_id: string }>('DELETE FROM occurrences WHERE edition_id = $1 RETURNING document_id', [previous.current_edition]);
    for (const g of gone.rows) pending.orphans.add(g.document_id);
  }
  for (const [position, doc] of r.documents.entries()) {
    if (distinct.get(doc.id) !== doc) continue; // printed twice in one issue: the last printing wins
    pending.docs.set(doc.id, { doc, folded: prep.folded(doc), packed: prep.packed(doc), keys: prep.searchKeys(doc), status: prep.status(doc).input });
    pending.occurrences.push({ doc, issue: id, edition, position });
  }
  for (const ref of r.references) {
    const key = referenceKey(ref);
    if (key) pending.references.push([key, ref.docNumber, ref.title, ref.source, edition]);
  }
  pending.changes++;
  return { issueId: id, action: previous ? 'replaced' : 'added', documents: distinct.size, warnings };
}

async function flush(c: pg.PoolClient, seg: Segmenter, p: Pending, prep: Preparation): Promise<void> {
  if (p.changes === 0) return;
  const docs = [...p.docs.values()];
  await learn(c, seg, docs.map((d) => d.folded));
  await writeDocuments(c, docs, new Date().toISOString());
  await writeRegisters(c, docs.map(({ doc }) => [doc.id, prep.registers(doc)]));
  const o = p.occurrences;
  await c.query(
    `INSERT INTO occurrences (document_id, issue_id, edition_id, position, page_from, page_to)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[]) ON CONFLICT DO NOTHING`,
    [o.map((x) => x.doc.id), o.map((x) => x.issue), o.map((x) => x.edition), o.map((x) => x.position), o.map((x) => x.doc.pages?.from ?? null), o.map((x) => x.doc.pages?.to ?? null)],
  );
  // Documents printed only in a superseded edition go with it (the edition row stays).
  if (p.orphans.size > 0) {
    await c.query('DELETE FROM documents d WHERE d.id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.document_id = d.id)', [[...p.orphans]]);
  }
  const refs = p.references;
  if (refs.length > 0) {
    await c.query(
      `INSERT INTO doc_references (key, doc_number, title, source, first_edition)
       SELECT k, n, t, s, e FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS x(k, n, t, s, e, i)
       ORDER BY i ON CONFLICT DO NOTHING`,
      [0, 1, 2, 3, 4].map((k) => refs.map((r) => r[k])),
    );
  }
  await noteChange(c, p.changes); // relations and statuses are owed a recompute from here (derived.ts)
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

/** Upsert the metadata rows; replace content, status inputs, 文号 and citations. */
async function writeDocuments(c: pg.PoolClient, docs: Staged[], now: string): Promise<void> {
  if (docs.length === 0) return;
  const ds = docs.map((x) => x.doc);
  const col = <T>(f: (d: OfficialDocument, i: number) => T) => ds.map(f);
  await c.query(
    `INSERT INTO documents (id, doc_number, title, search_title, issuer, kind, addressees, signed_on, year, publicity,
       pages, attachments, warnings, updated_at, issuer_key)
     SELECT a, b, c, d, e, f, g, h, i, j, k::jsonb, l::jsonb, m::jsonb, $14, o
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[],
       $11::text[], $12::text[], $13::text[], $15::text[]) AS x(a, b, c, d, e, f, g, h, i, j, k, l, m, o)
     ON CONFLICT (id) DO UPDATE SET doc_number = excluded.doc_number, title = excluded.title, search_title = excluded.search_title,
       issuer = excluded.issuer, kind = excluded.kind, addressees = excluded.addressees, signed_on = excluded.signed_on, year = excluded.year,
       publicity = excluded.publicity, pages = excluded.pages, attachments = excluded.attachments, warnings = excluded.warnings,
       updated_at = excluded.updated_at, issuer_key = excluded.issuer_key`,
    [
      col((d) => d.id), col((d) => d.docNumber), col((d) => d.title), docs.map((x) => x.folded.title.toLowerCase()), col((d) => d.issuer),
      col((d) => d.kind), col((d) => d.addressees), col((d) => d.signedOn), col((d) => documentYear(d)), col((d) => d.publicity),
      col((d) => (d.pages ? json(d.pages) : null)), col((d) => json(d.attachments)), col((d) => json(d.warnings)), now,
      col((d) => (d.issuer === null ? null : fold(d.issuer))),
    ],
  );
  const ids = col((d) => d.id);
  for (const t of ['document_content', 'document_status_inputs', 'doc_numbers', 'citations']) {
    await c.query(`DELETE FROM ${t} WHERE document_id = ANY($1::text[])`, [ids]);
  }
  const blobs = byteList(docs.map((x) => packedFor(x.doc, x.folded, x.packed)));
  const [tables, texts, keys] = [col((d) => json(d.tables)), docs.map((x) => searchText(x.folded)), docs.map((x) => x.keys ?? keyLiteral(x.folded))].map(textList);
  await c.query(
    `INSERT INTO document_content (document_id, packed, tables, search_text, bigrams)
     SELECT id, substring($2::bytea from o for l), tb::jsonb, t, bg::text[]
     FROM unnest($1::text[], $3::int[], $4::int[], ${tables!.sql('$5')}, ${texts!.sql('$6')}, ${keys!.sql('$7')}) AS x(id, o, l, tb, t, bg)`,
    [ids, blobs.blob, blobs.offsets, blobs.lengths, tables!.value, texts!.value, keys!.value],
  );
  await writeStatusInputs(c, docs.map((x) => x.status));
  // Another document already holding a 文号 keeps it (the parser warned about the clash): first come, first kept.
  const numbered = ds.flatMap((d) => {
    const n = d.docNumber ? parseDocNumber(d.docNumber) : null;
    return n && d.docNumber ? [{ num: d.docNumber, id: d.id, ...n }] : [];
  });
  if (numbered.length > 0) {
    await c.query(
      `INSERT INTO doc_numbers SELECT a, b, c, d, e FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[]) WITH ORDINALITY AS x(a, b, c, d, e, i)
       ORDER BY i ON CONFLICT DO NOTHING`,
      [numbered.map((n) => n.num), numbered.map((n) => n.id), numbered.map((n) => n.agency), numbered.map((n) => n.year), numbered.map((n) => n.serial)],
    );
  }
  const cites = ds.flatMap((d) => d.cites.map((x, i) => ({ id: d.id, i, ...x })));
  if (cites.length > 0) {
    await c.query(
      `INSERT INTO citations (document_id, idx, doc_number, title, raw, block)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[])`,
      [cites.map((x) => x.id), cites.map((x) => x.i), cites.map((x) => x.docNumber), cites.map((x) => x.title), cites.map((x) => quoteToStore(x.raw, x.docNumber, x.title)), cites.map((x) => x.block)],
    );
  }
}
