/**
 * The PostgreSQL Store, for deployments that outgrow one machine: the same behaviour as the
 * SQLite store (the shared conformance suite runs on both). The schema lives in migrations.ts;
 * nothing but domain objects leaves this folder.
 */
import pg from 'pg';
import { UserError } from '../../domain/errors.js';
import type { OfficialDocument } from '../../domain/types.js';
import type { NormativeJudgement } from '../../extract/normative.js';
import type { Target } from '../../extract/targets.js';
import type { TaskAssignment } from '../../extract/tasks.js';
import { extractRegisters, type RegisterExtractor, type StoreOptions } from '../registers.js';
import type {
  DerivedState, DocumentFilter, DocumentSummary, IngestOutcome, KnownReference, Relation, SearchLimits, SearchQuery, SearchResult, StatusCorrection, Store,
  StoredIssue, StoredStatus, StoredUnitMention, TargetFilter, TaskFilter, UnitCount, PublicMark, Preparation,
} from '../store.js';
import type { AuditEntry, EditorialFilter, InterpretationRecord, QaEntry } from '../editorial.js';
import * as editorial from './editorial.js';
import * as derived from './derived.js';
import * as facts from './facts.js';
import * as registers from './registers.js';
import * as marks from './public-marks.js';
import { markPublicAndRefeed, refeedIndex } from './index-feed.js';
import { SharedSegmenter } from './indexing.js';
import { ingestBatch, mergePendingLists } from './ingest.js';
import { migrate } from './migrations.js';
import { Params } from './params.js';
import { DOCUMENT_SQL, listDocuments, listIssues, readIssue, resolveDocumentId, toDocument } from './read.js';
import { PG_SEARCH_LIMITS, search } from './search.js';
import { withTransaction } from './tx.js';
import type { Ingestible } from '../prepared.js';
import type { StatusInput } from '../../extract/status-input.js';
import { allStatusInputs } from './status-inputs.js';

/** Connect (postgres://… URL), bring the schema up to date and load the learned lexicon. */
export async function openPostgresStore(url: string, opts: StoreOptions & { readonly searchLimits?: SearchLimits } = {}): Promise<Store> {
  // Idle connections kept 5 minutes (pg's default: 10 s): a new backend plans its first search
  // statement in 7–14 ms against 1.5 ms once its catalog caches are warm, besides the connect.
  const pool = new pg.Pool({ connectionString: url, max: 5, idleTimeoutMillis: 300_000 });
  // An idle connection dropped by the server is discarded by the pool; unheard, the error would crash the process.
  pool.on('error', () => {});
  try {
    await migrate(pool);
    const extract = opts.extract ?? extractRegisters;
    // Registers made by older extractors (or none, in a database from before migration 5): rebuild.
    await registers.rebuildRegisters(pool, extract);
    const lexicon = new SharedSegmenter();
    await lexicon.current(pool);
    // An index fed before it held de-identified text (or by older privacy rules): feed it again.
    await refeedIndex(pool);
    return new PostgresStore(pool, lexicon, extract, opts.searchLimits ?? PG_SEARCH_LIMITS);
  } catch (err) {
    await pool.end();
    throw cannotOpen(url, err);
  }
}

/** A server that refuses us (down, wrong password, no such database) is one line, without the password. */
function cannotOpen(url: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (err instanceof UserError || typeof code !== 'string') return err;
  let shown = url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    shown = u.toString();
  } catch { /* not a URL: pg said so too */ }
  return new UserError(`${shown}: cannot open the PostgreSQL database (${code}: ${(err as Error).message.split('\n')[0]})`);
}

class PostgresStore implements Store {
  // Its writer packs its own unit mentions, and reads every field of the file.
  readonly preparation: Preparation = { pack: true, mentions: false, slim: false, searchKeys: true };
  constructor(
    private readonly db: pg.Pool,
    private readonly lexicon: SharedSegmenter,
    private readonly extract: RegisterExtractor,
    private readonly limits: SearchLimits,
  ) {}

  /** In a bulk ingest: the GIN merge of the batch before, running on a connection of its own. */
  private merging: Promise<void> | null = null;

  async ingestMany(results: readonly Ingestible[]): Promise<IngestOutcome[]> {
    const bulk = this.merging !== null;
    const out = await withTransaction(this.db, async (c) => {
      const outcomes = await ingestBatch(c, await this.lexicon.current(c), results, this.extract, !bulk);
      // The merge of the batch before ends before this one commits: at most one at a time, and a
      // failed merge undoes this batch rather than surfacing after it was stored.
      if (bulk) await this.merging;
      return outcomes;
    });
    if (bulk) {
      // The batch's index merge runs beside the next batch's parsing and writing (the server's
      // time while the client cuts words, and the client's while the server merges).
      this.merging = withTransaction(this.db, mergePendingLists);
      this.merging.catch(() => {}); // awaited by the next batch or at the end of the bulk
    }
    return out;
  }
  async inBulk<T>(work: () => Promise<T>, alongside?: () => Promise<unknown>): Promise<T> {
    const count = async () => Number((await this.db.query<{ n: string }>('SELECT count(*) AS n FROM documents')).rows[0]!.n);
    const before = await count();
    const result = await this.batches(work);
    // A bulk that brought a quarter of the documents or more: the planner's statistics taken now
    // (14 s at 100,000 documents, on the server, beside the recompute), not when autovacuum gets
    // round to it — a search planned on a fresh table's empty statistics reads the wrong index.
    const after = await count();
    const analysed = (after - before) * 4 >= after && after > 0;
    await Promise.all([analysed ? analyze(this.db) : null, alongside?.()]);
    // The recompute beside it may have written statuses and relations after ANALYZE read them
    // (empty on a first bulk): planned on those statistics, a search joined the statuses by a
    // nested loop over all of them (安全生产 at 2k: 15 → 43 ms).
    if (analysed && alongside) await this.db.query('ANALYZE statuses, relations');
    return result;
  }
  private async batches<T>(work: () => Promise<T>): Promise<T> {
    if (this.merging !== null) return work();
    this.merging = Promise.resolve();
    try {
      return await work();
    } finally {
      const last = this.merging;
      this.merging = null;
      await last;
    }
  }
  async ingest(result: Ingestible): Promise<IngestOutcome> {
    return (await this.ingestMany([result]))[0]!;
  }
  listIssues(): Promise<StoredIssue[]> {
    return listIssues(this.db);
  }
  getIssue(id: string): Promise<StoredIssue | null> {
    return readIssue(this.db, id);
  }
  async getDocument(idOrDocNumber: string): Promise<OfficialDocument | null> {
    const id = await resolveDocumentId(this.db, idOrDocNumber);
    if (id === null) return null;
    const r = await this.db.query(`${DOCUMENT_SQL} WHERE d.id = $1`, [id]);
    return r.rows[0] ? toDocument(r.rows[0]) : null;
  }
  listDocuments(filter: DocumentFilter = {}): Promise<{ total: number; items: DocumentSummary[] }> {
    return listDocuments(this.db, new Params(), filter);
  }
  async *allDocuments(): AsyncIterable<OfficialDocument> {
    // Keyset pages of 100, so a large database never sits in memory at once.
    let after = '';
    for (;;) {
      const r = await this.db.query(`${DOCUMENT_SQL} WHERE d.id > $1 ORDER BY d.id LIMIT 100`, [after]);
      for (const row of r.rows) yield toDocument(row);
      if (r.rows.length < 100) return;
      after = r.rows[r.rows.length - 1].id as string;
    }
  }
  allStatusInputs(): Promise<StatusInput[]> {
    return allStatusInputs(this.db);
  }
  async search(query: SearchQuery): Promise<SearchResult> {
    return search(this.db, await this.lexicon.current(this.db), query, this.limits, this.lexicon.foundWhole);
  }
  relations(documentId: string): Promise<{ outgoing: Relation[]; incoming: Relation[] }> {
    return facts.relationsOf(this.db, documentId);
  }
  allRelations(): Promise<Relation[]> {
    return facts.allRelations(this.db);
  }
  replaceRelations(relations: Relation[]): Promise<void> {
    return facts.replaceRelations(this.db, relations);
  }
  saveStatuses(statuses: StoredStatus[]): Promise<void> {
    return facts.saveStatuses(this.db, statuses);
  }
  derivedState(): Promise<DerivedState> {
    return derived.derivedState(this.db);
  }
  saveDerived(changes: number, relations: Relation[], statuses: StoredStatus[]): Promise<boolean> {
    return derived.saveDerived(this.db, changes, relations, statuses);
  }
  getStatus(documentId: string): Promise<StoredStatus | null> {
    return facts.getStatus(this.db, documentId);
  }
  addCorrection(c: StatusCorrection): Promise<void> {
    return facts.addCorrection(this.db, c);
  }
  saveInterpretation(r: InterpretationRecord): Promise<void> {
    return editorial.saveRecord(this.db, 'interpretation', r);
  }
  getInterpretation(id: string): Promise<InterpretationRecord | null> {
    return editorial.getRecord(this.db, 'interpretation', id);
  }
  listInterpretations(filter?: EditorialFilter): Promise<InterpretationRecord[]> {
    return editorial.listRecords(this.db, 'interpretation', filter);
  }
  saveQa(e: QaEntry): Promise<void> {
    return editorial.saveRecord(this.db, 'qa', e);
  }
  getQa(id: string): Promise<QaEntry | null> {
    return editorial.getRecord(this.db, 'qa', id);
  }
  listQa(filter?: EditorialFilter): Promise<QaEntry[]> {
    return editorial.listRecords(this.db, 'qa', filter);
  }
  appendAudit(e: AuditEntry): Promise<void> {
    return editorial.appendAudit(this.db, e);
  }
  listAudit(limit?: number): Promise<AuditEntry[]> {
    return editorial.listAudit(this.db, limit);
  }
  corrections(documentId?: string): Promise<StatusCorrection[]> {
    return facts.corrections(this.db, documentId);
  }
  markPublic(m: PublicMark): Promise<void> {
    return markPublicAndRefeed(this.db, this.lexicon, m);
  }
  publicMarks(documentId?: string): Promise<PublicMark[]> {
    return marks.publicMarks(this.db, documentId);
  }
  listTasks(filter?: TaskFilter): Promise<{ total: number; items: TaskAssignment[] }> {
    return registers.listTasks(this.db, filter);
  }
  listUnits(): Promise<UnitCount[]> {
    return registers.listUnits(this.db);
  }
  listUnitMentions(unit: string): Promise<StoredUnitMention[]> {
    return registers.listUnitMentions(this.db, unit);
  }
  listTargets(filter?: TargetFilter): Promise<{ total: number; items: Target[] }> {
    return registers.listTargets(this.db, filter);
  }
  getNormative(documentId: string): Promise<NormativeJudgement | null> {
    return registers.getNormative(this.db, documentId);
  }
  listReferences(): Promise<KnownReference[]> {
    return registers.listReferences(this.db);
  }
  rebuildRegisters(): Promise<number> {
    return registers.rebuildRegisters(this.db, this.extract, true);
  }
  counts() {
    return facts.counts(this.db);
  }
  async close(): Promise<void> {
    if (!this.db.ended) await this.db.end();
  }
}

/** ANALYZE the store's own tables (its schema may share the database with others). */
async function analyze(db: pg.Pool): Promise<void> {
  const tables = (await db.query<{ t: string }>("SELECT format('%I', tablename) AS t FROM pg_tables WHERE schemaname = current_schema()")).rows.map((r) => r.t);
  if (tables.length > 0) await db.query(`ANALYZE ${tables.join(', ')}`);
}
