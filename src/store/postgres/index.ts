/**
 * The PostgreSQL Store, for deployments that outgrow one machine. Same behaviour as the SQLite
 * store; the schema lives in migrations.ts and nothing but domain objects leaves this folder.
 */
import pg from 'pg';
import { normaliseDocNumber } from '../../domain/doc-number.js';
import type { OfficialDocument, ParseResult } from '../../domain/types.js';
import type {
  DocumentFilter, DocumentSummary, IngestOutcome, Relation, SearchQuery, SearchResult, StatusCorrection, Store, StoredIssue,
  StoredStatus,
} from '../store.js';
import { isActive } from '../../search/lexicon.js';
import { Segmenter } from '../../search/segment.js';
import { ingest } from './ingest.js';
import { migrate } from './migrations.js';
import {
  DOCUMENT_COLUMNS, ISSUE_COLUMNS, RELATION_COLUMNS, SUMMARY_COLUMNS, toCorrection, toDocument, toIssue, toRelation, toStatus,
  toSummary, type SummaryRow,
} from './rows.js';
import { filterClauses, Params, search } from './search.js';
import { withTransaction } from './tx.js';

export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // An idle connection dropped by the server is discarded by the pool; without a listener it would crash the process.
  pool.on('error', () => {});
  try {
    await migrate(pool);
    const lexicon = await pool.query<{ word: string; count: number; source: string }>('SELECT word, count, source FROM lexicon');
    return new PostgresStore(pool, new Segmenter(lexicon.rows.filter(isActive).map((t) => t.word)));
  } catch (err) {
    await pool.end();
    throw err;
  }
}

const ORDER: Record<NonNullable<DocumentFilter['sort']>, string> = {
  signedOn: 'd.signed_on ASC NULLS LAST, d.id',
  '-signedOn': 'd.signed_on DESC NULLS LAST, d.id',
  docNumber: 'd.doc_number ASC NULLS LAST, d.id',
  title: 'd.title, d.id',
};

const FROM_DOCS = 'FROM documents d LEFT JOIN statuses s ON s.document_id = d.id';
const CURRENT_EDITION = 'FROM issues i JOIN issue_editions e ON e.issue_id = i.id AND e.edition = i.current_edition';

class PostgresStore implements Store {
  constructor(
    private readonly db: pg.Pool,
    private readonly seg: Segmenter,
  ) {}

  ingest(result: ParseResult): Promise<IngestOutcome> {
    return withTransaction(this.db, (c) => ingest(c, this.seg, result));
  }

  async listIssues(): Promise<StoredIssue[]> {
    const r = await this.db.query(`SELECT ${ISSUE_COLUMNS} ${CURRENT_EDITION} ORDER BY i.year DESC NULLS LAST, i.number DESC NULLS LAST, i.id`);
    return r.rows.map(toIssue);
  }

  async getIssue(id: string): Promise<StoredIssue | null> {
    const r = await this.db.query(`SELECT ${ISSUE_COLUMNS} ${CURRENT_EDITION} WHERE i.id = $1`, [id]);
    return r.rows[0] ? toIssue(r.rows[0]) : null;
  }

  async getDocument(idOrDocNumber: string): Promise<OfficialDocument | null> {
    const key = idOrDocNumber.trim();
    const docNumber = normaliseDocNumber(key);
    const r = await this.db.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d JOIN document_content c ON c.document_id = d.id
       WHERE d.id = $1 OR d.id = $2 OR d.doc_number = $2 ORDER BY (d.id = $1) DESC, (d.id = $2) DESC LIMIT 1`,
      [key, docNumber],
    );
    return r.rows[0] ? toDocument(r.rows[0]) : null;
  }

  async listDocuments(filter: DocumentFilter = {}): Promise<{ total: number; items: DocumentSummary[] }> {
    const p = new Params();
    const where = filterClauses(p, filter);
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM_DOCS} ${cond}`, p.values);
    const order = ORDER[filter.sort ?? '-signedOn'] ?? ORDER['-signedOn'];
    const limit = p.add(Math.max(0, filter.limit ?? 50));
    const offset = p.add(Math.max(0, filter.offset ?? 0));
    const rows = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} ${FROM_DOCS} ${cond} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      p.values,
    );
    return { total: total.rows[0]?.n ?? 0, items: rows.rows.map(toSummary) };
  }

  async *allDocuments(): AsyncIterable<OfficialDocument> {
    // Pages by id so a large database never sits in memory at once.
    let after = '';
    for (;;) {
      const r = await this.db.query(
        `SELECT ${DOCUMENT_COLUMNS} FROM documents d JOIN document_content c ON c.document_id = d.id
         WHERE d.id > $1 ORDER BY d.id LIMIT 100`,
        [after],
      );
      for (const row of r.rows) yield toDocument(row);
      if (r.rows.length < 100) return;
      after = r.rows[r.rows.length - 1].id as string;
    }
  }

  search(query: SearchQuery): Promise<SearchResult> {
    return search(this.db, this.seg, query);
  }

  async relations(documentId: string): Promise<{ outgoing: Relation[]; incoming: Relation[] }> {
    const r = await this.db.query(
      `SELECT ${RELATION_COLUMNS} FROM relations WHERE subject_id = $1 OR object_id = $1 ORDER BY id`,
      [documentId],
    );
    const all = r.rows.map(toRelation);
    return { outgoing: all.filter((x) => x.subjectId === documentId), incoming: all.filter((x) => x.objectId === documentId) };
  }

  async allRelations(): Promise<Relation[]> {
    return (await this.db.query(`SELECT ${RELATION_COLUMNS} FROM relations ORDER BY id`)).rows.map(toRelation);
  }

  replaceRelations(relations: Relation[]): Promise<void> {
    return withTransaction(this.db, async (c) => {
      await c.query('DELETE FROM relations');
      // One statement per 500 rows: unnest keeps it parameterised and fast.
      for (let i = 0; i < relations.length; i += 500) {
        const b = relations.slice(i, i + 500);
        await c.query(
          `INSERT INTO relations (${RELATION_COLUMNS})
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])`,
          [
            b.map((x) => x.subjectId), b.map((x) => x.verb), b.map((x) => x.objectId), b.map((x) => x.objectDocNumber),
            b.map((x) => x.objectTitle), b.map((x) => x.date), b.map((x) => x.quote), b.map((x) => x.reason), b.map((x) => x.block),
          ],
        );
      }
    });
  }

  saveStatuses(statuses: StoredStatus[]): Promise<void> {
    return withTransaction(this.db, async (c) => {
      for (const s of statuses) {
        await c.query(
          `INSERT INTO statuses (document_id, status, since, evidence) VALUES ($1, $2, $3, $4)
           ON CONFLICT (document_id) DO UPDATE SET status = $2, since = $3, evidence = $4`,
          [s.documentId, s.status, s.since, JSON.stringify(s.evidence)],
        );
      }
    });
  }

  async getStatus(documentId: string): Promise<StoredStatus | null> {
    const r = await this.db.query('SELECT document_id, status, since, evidence FROM statuses WHERE document_id = $1', [documentId]);
    return r.rows[0] ? toStatus(r.rows[0]) : null;
  }

  async addCorrection(c: StatusCorrection): Promise<void> {
    await this.db.query(
      'INSERT INTO corrections (document_id, status, effective_from, author, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [c.documentId, c.status, c.effectiveFrom, c.author, c.reason, c.createdAt],
    );
  }

  async corrections(documentId?: string): Promise<StatusCorrection[]> {
    const r = documentId
      ? await this.db.query('SELECT * FROM corrections WHERE document_id = $1 ORDER BY id', [documentId])
      : await this.db.query('SELECT * FROM corrections ORDER BY id');
    return r.rows.map(toCorrection);
  }

  async counts() {
    const r = await this.db.query<{ issues: number; documents: number; by_status: Record<string, number>; by_kind: Record<string, number> }>(`
      SELECT (SELECT count(*)::int FROM issues) AS issues, (SELECT count(*)::int FROM documents) AS documents,
        (SELECT coalesce(json_object_agg(status, n), '{}') FROM (SELECT coalesce(s.status, '未知') AS status, count(*)::int AS n
          ${FROM_DOCS} GROUP BY 1) x) AS by_status,
        (SELECT coalesce(json_object_agg(kind, n), '{}') FROM (SELECT kind, count(*)::int AS n FROM documents
          WHERE kind IS NOT NULL GROUP BY kind) y) AS by_kind`);
    const row = r.rows[0]!;
    return { issues: row.issues, documents: row.documents, byStatus: row.by_status, byKind: row.by_kind };
  }

  close(): Promise<void> {
    return this.db.end();
  }
}
