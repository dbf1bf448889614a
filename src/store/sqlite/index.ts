/** The embedded Store: one SQLite file (WAL), better-sqlite3 (synchronous, so calls are cheap). */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../domain/errors.js';
import type { OfficialDocument } from '../../domain/types.js';
import type { NormativeJudgement } from '../../extract/normative.js';
import type { Target } from '../../extract/targets.js';
import type { TaskAssignment } from '../../extract/tasks.js';
import { extractRegisters, type RegisterExtractor, type StoreOptions } from '../registers.js';
import type {
  DerivedState, DocumentFilter, IncrementalDerivation, OwedDerivation, StatusResolvable, DocumentSummary, IngestOutcome, KnownReference, Relation, SearchLimits, SearchQuery, SearchResult, StatusCorrection, Store,
  StoredIssue, StoredStatus, StoredUnitMention, TargetFilter, TaskFilter, UnitCount, PublicMark, Preparation,
} from '../store.js';
import { migrate } from './migrations.js';
import { listDocuments, readDocument, readIssue, resolveDocumentId } from './read.js';
import { checkpoint, deferMerges, mergeDeferred, mergeInWorker, mergeLeftOver } from './index-merge.js';
import { SearchIndex } from './search-index.js';
import { stmt } from './statements.js';
import { SEARCH_LIMITS, searchSqlite } from './search.js';
import type { AuditEntry, EditorialFilter, InterpretationRecord, QaEntry } from '../editorial.js';
import * as editorial from './editorial.js';
import * as derived from './derived.js';
import * as facts from './facts.js';
import * as registers from './registers.js';
import * as marks from './public-marks.js';
import * as inputs from './status-inputs.js';
import { relationsAround } from './relations.js';
import type { Ingestible } from '../prepared.js';
import type { StatusInput } from '../../extract/status-input.js';
import { refeedDocument, refeedIndex } from './index-feed.js';
import { ingestResult, ingestResults } from './write.js';

export class SqliteStore implements Store, IncrementalDerivation {
  readonly preparation: Preparation = { pack: true, mentions: true, slim: true };
  private readonly index: SearchIndex;
  /** The index merge a bulk ingest left running in a worker thread (inBulk): writes wait for it. */
  private upkeep: Promise<void> | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly extract: RegisterExtractor = extractRegisters,
    private readonly limits: SearchLimits = SEARCH_LIMITS,
  ) {
    this.index = new SearchIndex(db);
  }

  async ingest(result: Ingestible): Promise<IngestOutcome> {
    await this.upkeep;
    return ingestResult(this.db, this.index, result, this.extract);
  }
  async ingestMany(results: readonly Ingestible[]): Promise<IngestOutcome[]> {
    await this.upkeep;
    return ingestResults(this.db, this.index, results, this.extract);
  }
  /**
   * The index's merging put off until the work is done (index-merge.ts). `alongside` (the
   * recompute) runs while a file's index is merged on a second connection in a worker thread: it
   * reads what the file held before the merge, and every write of this store waits for the merge
   * (`upkeep`) — not for the worker's copy of the merge's pages into the file, which runs beside
   * them. An in-memory database has no second connection: merged here, then `alongside`.
   */
  async inBulk<T>(work: () => Promise<T>, alongside?: () => Promise<unknown>): Promise<T> {
    const count = stmt(this.db, 'SELECT count(*) FROM documents', true);
    const before = count.get() as number;
    // The index merged whole when this ingest added a quarter of the documents or more: the merge's
    // cost, about a twentieth of ingesting what it rewrites, then stays a small share of the ingest's.
    // (Replaced documents do not count: a re-ingest of everything is merged level by level.)
    const whole = () => {
      const after = count.get() as number;
      return (after - before) * 4 >= after;
    };
    deferMerges(this.db);
    let result: T;
    try {
      result = await work();
    } catch (err) {
      this.mergeHere(whole());
      throw err;
    }
    if (alongside === undefined || this.db.memory) {
      this.mergeHere(whole());
      await alongside?.();
      return result;
    }
    const all = whole();
    const { merged, done } = mergeInWorker(this.db.name, all);
    merged.catch(() => {}); // its error reaches any write meanwhile, and inBulk through `done`
    this.upkeep = merged;
    try {
      await alongside();
    } finally {
      // Ends after the merge (or with its error), once the worker has copied what it could.
      await done.finally(() => (this.upkeep = null));
    }
    if (all) checkpoint(this.db);
    return result;
  }
  private mergeHere(whole: boolean): void {
    mergeDeferred(this.db, whole);
    if (whole) checkpoint(this.db);
  }
  /** Merging a killed bulk ingest left off, put back (index-merge.ts). */
  mergeLeftOver(): boolean {
    return mergeLeftOver(this.db);
  }
  refeedIndex(): number {
    return refeedIndex(this.db, this.index);
  }
  async listIssues(): Promise<StoredIssue[]> {
    const ids = this.db.prepare('SELECT id FROM issues ORDER BY year DESC, number DESC, id').pluck().all() as string[];
    return ids.map((id) => readIssue(this.db, id)!);
  }
  async getIssue(id: string): Promise<StoredIssue | null> {
    return readIssue(this.db, id);
  }
  async getDocument(idOrDocNumber: string): Promise<OfficialDocument | null> {
    const id = resolveDocumentId(this.db, idOrDocNumber);
    return id === null ? null : readDocument(this.db, id);
  }
  async listDocuments(filter?: DocumentFilter): Promise<{ total: number; items: DocumentSummary[] }> {
    return listDocuments(this.db, filter);
  }
  async *allDocuments(): AsyncIterable<OfficialDocument> {
    const ids = this.db.prepare('SELECT id FROM documents ORDER BY seq').pluck().all() as string[];
    for (const id of ids) {
      const d = readDocument(this.db, id);
      if (d) yield d;
    }
  }
  async search(query: SearchQuery): Promise<SearchResult> {
    return searchSqlite(this.db, this.index, query, this.limits);
  }
  async relations(documentId: string): Promise<{ outgoing: Relation[]; incoming: Relation[] }> {
    return facts.relationsOf(this.db, documentId);
  }
  async allRelations(): Promise<Relation[]> {
    return facts.allRelations(this.db);
  }
  async replaceRelations(relations: Relation[]): Promise<void> {
    await this.upkeep;
    facts.replaceRelations(this.db, relations);
  }
  async saveStatuses(statuses: StoredStatus[]): Promise<void> {
    await this.upkeep;
    facts.saveStatuses(this.db, statuses);
  }
  async derivedState(): Promise<DerivedState> {
    return derived.derivedState(this.db);
  }
  async saveDerived(changes: number, relations: Relation[], statuses: StoredStatus[], at?: string): Promise<boolean> {
    await this.upkeep;
    return derived.saveDerived(this.db, changes, relations, statuses, at);
  }
  async owedDerivation(): Promise<OwedDerivation> {
    return inputs.owedDerivation(this.db);
  }
  async resolvables(): Promise<StatusResolvable[]> {
    return inputs.resolvables(this.db);
  }
  async referencing(keys: readonly string[]): Promise<string[]> {
    return inputs.referencing(this.db, keys);
  }
  async statusInputs(ids: readonly string[]): Promise<StatusInput[]> {
    return inputs.statusInputs(this.db, ids);
  }
  async relationsAround(ids: readonly string[]): Promise<Relation[]> {
    return relationsAround(this.db, ids);
  }
  async saveDerivedPart(owed: DerivedState, at: string, subjects: readonly string[], relations: Relation[], statuses: StoredStatus[]): Promise<boolean> {
    await this.upkeep;
    return inputs.saveDerivedPart(this.db, owed, at, subjects, relations, statuses);
  }
  async getStatus(documentId: string): Promise<StoredStatus | null> {
    return facts.getStatus(this.db, documentId);
  }
  async addCorrection(c: StatusCorrection): Promise<void> {
    await this.upkeep;
    facts.addCorrection(this.db, c);
  }
  async saveInterpretation(r: InterpretationRecord): Promise<void> {
    await this.upkeep;
    editorial.saveRecord(this.db, 'interpretation', r);
  }
  async getInterpretation(id: string): Promise<InterpretationRecord | null> {
    return editorial.getRecord(this.db, 'interpretation', id);
  }
  async listInterpretations(filter?: EditorialFilter): Promise<InterpretationRecord[]> {
    return editorial.listRecords(this.db, 'interpretation', filter);
  }
  async saveQa(e: QaEntry): Promise<void> {
    await this.upkeep;
    editorial.saveRecord(this.db, 'qa', e);
  }
  async getQa(id: string): Promise<QaEntry | null> {
    return editorial.getRecord(this.db, 'qa', id);
  }
  async listQa(filter?: EditorialFilter): Promise<QaEntry[]> {
    return editorial.listRecords(this.db, 'qa', filter);
  }
  async appendAudit(e: AuditEntry): Promise<void> {
    await this.upkeep;
    editorial.appendAudit(this.db, e);
  }
  async listAudit(limit?: number): Promise<AuditEntry[]> {
    return editorial.listAudit(this.db, limit);
  }
  async corrections(documentId?: string): Promise<StatusCorrection[]> {
    return facts.corrections(this.db, documentId);
  }
  async markPublic(m: PublicMark): Promise<void> {
    await this.upkeep;
    this.db.transaction(() => {
      marks.markPublic(this.db, m);
      refeedDocument(this.db, this.index, m.documentId);
    }).immediate();
  }
  async publicMarks(documentId?: string): Promise<PublicMark[]> {
    return marks.publicMarks(this.db, documentId);
  }
  async listTasks(filter?: TaskFilter): Promise<{ total: number; items: TaskAssignment[] }> {
    return registers.listTasks(this.db, filter);
  }
  async listUnits(): Promise<UnitCount[]> {
    return registers.listUnits(this.db);
  }
  async listUnitMentions(unit: string): Promise<StoredUnitMention[]> {
    return registers.listUnitMentions(this.db, unit);
  }
  async listTargets(filter?: TargetFilter): Promise<{ total: number; items: Target[] }> {
    return registers.listTargets(this.db, filter);
  }
  async getNormative(documentId: string): Promise<NormativeJudgement | null> {
    return registers.getNormative(this.db, documentId);
  }
  async listReferences(): Promise<KnownReference[]> {
    return registers.listReferences(this.db);
  }
  async rebuildRegisters(): Promise<number> {
    await this.upkeep;
    return registers.rebuildRegisters(this.db, this.extract, true);
  }
  async counts() {
    return facts.counts(this.db);
  }
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** A path that cannot hold a database, said in one line (the CLI prints it and exits 2). */
function cannotOpen(path: string, err: unknown): UserError {
  const code = (err as { code?: string }).code ?? '';
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch { /* missing or unreachable: the error says why */ }
  if (isDir) return new UserError(`${path}: is a directory, not a database file`);
  if (code === 'SQLITE_NOTADB') return new UserError(`${path}: not a SQLite database`);
  const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new UserError(`${path}: cannot open the database (${code ? `${code}: ` : ''}${reason})`);
}

/**
 * Switch to WAL. Two processes switching a fresh file at once can each hold the shared lock the
 * other needs to give up: SQLite answers SQLITE_BUSY at once (no busy wait can end that), so wait
 * a little and try again; the other's switch has usually happened by then.
 */
function toWal(db: Database.Database): void {
  for (let attempt = 0; ; attempt++) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 100) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 + Math.random() * 30);
    }
  }
}

/** Open (creating and migrating) the database file; ':memory:' works for throwaway stores. */
export async function openSqliteStore(path: string, opts: StoreOptions & { readonly searchLimits?: SearchLimits } = {}): Promise<SqliteStore> {
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: 15000 });
    // The busy timeout comes first: switching a fresh file to WAL takes a lock a concurrent opener may hold.
    db.pragma('busy_timeout = 15000');
    toWal(db);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (/^(SQLITE_|E[A-Z]+$)/.test(code)) throw cannotOpen(path, err);
    throw err;
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Up to 64 MB of pages (SQLite's default is 2 MB), taken as they are read: the doclists every
  // search of a number reads (the pairs of 20, 02, 〔2…) stay here between queries. At 100,000
  // documents, five alternated runs of the 65 bench queries: wall p50 −5 to −13 %, p99 lower in each.
  db.pragma('cache_size = -65536');
  migrate(db);
  const extract = opts.extract ?? extractRegisters;
  // Registers made by older extractors (or none, in a database from before migration 4): rebuild.
  registers.rebuildRegisters(db, extract);
  const store = new SqliteStore(db, extract, opts.searchLimits);
  // An index fed before it held de-identified text (or by older privacy rules): feed it again.
  store.refeedIndex();
  store.mergeLeftOver();
  return store;
}
