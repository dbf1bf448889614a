/**
 * ParseResult → rows, in one transaction. An issue is the work and each ingested file an edition
 * of it: the same bytes again change nothing; a corrected edition becomes current, the old one
 * stays in issue_editions (superseded) and its documents that the new edition dropped go.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type pg from 'pg';
import { parseDocNumber } from '../../domain/doc-number.js';
import type { OfficialDocument, ParseResult } from '../../domain/types.js';
import type { IngestOutcome } from '../store.js';
import { fold } from '../../search/fold.js';
import { isActive, learnTerms } from '../../search/lexicon.js';
import type { Segmenter } from '../../search/segment.js';
import { documentSearchFields } from './text.js';

/** Stable issue key: gazette + year + 期号 when printed, else the file's name (a work report). */
export function issueKey(r: ParseResult): string {
  const i = r.issue;
  if (i && i.year != null && i.number != null) {
    const gazette = createHash('sha256').update(i.title).digest('hex').slice(0, 8);
    return `issue-${i.year}-${i.number}-${gazette}`;
  }
  return `file-${basename(r.source.file, extname(r.source.file))}`;
}

function documentYear(d: OfficialDocument, issueYear: number | null): number | null {
  const signed = d.signedOn ? Number(d.signedOn.slice(0, 4)) : NaN;
  if (Number.isFinite(signed)) return signed;
  const n = d.docNumber ? parseDocNumber(d.docNumber) : null;
  return n?.year ?? issueYear;
}

const warningCount = (r: ParseResult) => r.warnings.length + r.documents.reduce((n, d) => n + d.warnings.length, 0);

export async function ingest(c: pg.PoolClient, seg: Segmenter, r: ParseResult): Promise<IngestOutcome> {
  const key = issueKey(r);
  // Serialise ingests of one issue so two editions arriving together cannot both become current.
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  const seen = await c.query<{ issue_id: string }>('SELECT issue_id FROM issue_editions WHERE sha256 = $1', [r.source.sha256]);
  if (seen.rows[0]) {
    return { issueId: seen.rows[0].issue_id, action: 'unchanged', documents: r.documents.length, warnings: warningCount(r) };
  }
  const prev = await c.query<{ current_edition: number }>('SELECT current_edition FROM issues WHERE id = $1', [key]);
  const edition = (prev.rows[0]?.current_edition ?? 0) + 1;
  const i = r.issue;
  const issueCols = [
    i?.title ?? basename(r.source.file),
    i?.year ?? null,
    i?.number ?? null,
    i?.totalNumber ?? null,
    i?.publishedOn ?? null,
    JSON.stringify(i?.contents ?? []),
    JSON.stringify(i?.index ?? []),
    edition,
  ];
  await c.query(
    `INSERT INTO issues (id, title, year, number, total_number, published_on, contents, index_entries, current_edition)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (id) DO UPDATE SET title = $2, year = $3, number = $4, total_number = $5, published_on = $6,
       contents = $7, index_entries = $8, current_edition = $9`,
    [key, ...issueCols],
  );
  const ids = [...new Set(r.documents.map((d) => d.id))];
  if (prev.rows[0]) {
    await c.query('UPDATE issue_editions SET superseded_at = now() WHERE issue_id = $1 AND superseded_at IS NULL', [key]);
    await c.query('DELETE FROM documents WHERE issue_id = $1 AND NOT (id = ANY($2::text[]))', [key, ids]);
    await c.query('DELETE FROM doc_references WHERE issue_id = $1', [key]);
  }
  await c.query(
    `INSERT INTO issue_editions (issue_id, edition, sha256, source_file, encoding, bytes, document_ids, warnings, front_matter)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [key, edition, r.source.sha256, r.source.file, r.source.encoding, r.source.bytes, JSON.stringify(ids), JSON.stringify(r.warnings), r.frontMatter],
  );
  await learn(c, seg, r);
  for (const [position, d] of r.documents.entries()) await upsertDocument(c, seg, d, key, position, documentYear(d, i?.year ?? null));
  for (const [position, ref] of r.references.entries()) {
    await c.query('INSERT INTO doc_references (issue_id, position, doc_number, title, source) VALUES ($1, $2, $3, $4, $5)', [
      key, position, ref.docNumber, ref.title, ref.source,
    ]);
  }
  return { issueId: key, action: prev.rows[0] ? 'replaced' : 'added', documents: ids.length, warnings: warningCount(r) };
}

async function upsertDocument(c: pg.PoolClient, seg: Segmenter, d: OfficialDocument, issueId: string, position: number, year: number | null) {
  await c.query(
    `INSERT INTO documents (id, doc_number, title, issuer, kind, addressees, signed_on, year, publicity, issue_id, position,
       pages, attachments, cites, warnings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (id) DO UPDATE SET doc_number = $2, title = $3, issuer = $4, kind = $5, addressees = $6, signed_on = $7,
       year = $8, publicity = $9, issue_id = $10, position = $11, pages = $12, attachments = $13, cites = $14, warnings = $15`,
    [
      d.id, d.docNumber, d.title, d.issuer, d.kind, d.addressees, d.signedOn, year, d.publicity, issueId, position,
      d.pages ? JSON.stringify(d.pages) : null, JSON.stringify(d.attachments), JSON.stringify(d.cites), JSON.stringify(d.warnings),
    ],
  );
  const f = documentSearchFields(d, seg);
  // Title A, 文号 B, body C: ts_rank then favours title and 文号 hits over body-only ones.
  await c.query(
    `INSERT INTO document_content (document_id, body, tables, text, simplified_text, original_text, search_text, search_vector)
     VALUES ($1, $2, $3, $4, $5, $6, $7,
       setweight(to_tsvector('simple', $8), 'A') || setweight(to_tsvector('simple', $9), 'B') || setweight(to_tsvector('simple', $10), 'C'))
     ON CONFLICT (document_id) DO UPDATE SET body = $2, tables = $3, text = $4, simplified_text = $5, original_text = $6,
       search_text = $7, search_vector = EXCLUDED.search_vector`,
    [
      d.id, JSON.stringify(d.body), JSON.stringify(d.tables), d.text, d.simplifiedText ?? null, d.originalText,
      f.searchText, f.titleWords, f.docNumberWords, f.bodyWords,
    ],
  );
}

/** Count the corpus terms of this edition and teach the segmenter the ones now frequent enough. */
async function learn(c: pg.PoolClient, seg: Segmenter, r: ParseResult): Promise<void> {
  const terms = learnTerms(r.documents.map((d) => fold(`${d.title}\n${d.text}`)));
  if (terms.length === 0) return;
  const res = await c.query<{ word: string; count: number; source: string }>(
    `INSERT INTO lexicon (word, count, source) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
     ON CONFLICT (word) DO UPDATE SET count = lexicon.count + EXCLUDED.count RETURNING word, count, source`,
    [terms.map((t) => t.word), terms.map((t) => t.count), terms.map((t) => t.source)],
  );
  seg.addWords(res.rows.filter(isActive).map((t) => t.word));
}
