/** The embedded Store: one SQLite file (WAL), better-sqlite3 (synchronous, so calls are cheap). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { OfficialDocument, ParseResult } from '../../domain/types.js';
import type {
  DocumentFilter, DocumentSummary, IngestOutcome, Relation, SearchQuery, SearchResult, StatusCorrection, Store,
  StoredIssue, StoredStatus,
} from '../store.js';
import { migrate } from './migrations.js';
import { listDocuments, readDocument, readIssue, resolveDocumentId } from './read.js';
import { SearchIndex } from './search-index.js';
import { searchSqlite } from './search.js';
import * as facts from './facts.js';
import { ingestResult } from './write.js';

export class SqliteStore implements Store {
  private readonly index: SearchIndex;

  constructor(private readonly db: Database.Database) {
    this.index = new SearchIndex(db);
  }

  async ingest(result: ParseResult): Promise<IngestOutcome> {
    return ingestResult(this.db, this.index, result);
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
    return searchSqlite(this.db, this.index, query);
  }
  async relations(documentId: string): Promise<{ outgoing: Relation[]; incoming: Relation[] }> {
    return facts.relationsOf(this.db, documentId);
  }
  async allRelations(): Promise<Relation[]> {
    return facts.allRelations(this.db);
  }
  async replaceRelations(relations: Relation[]): Promise<void> {
    facts.replaceRelations(this.db, relations);
  }
  async saveStatuses(statuses: StoredStatus[]): Promise<void> {
    facts.saveStatuses(this.db, statuses);
  }
  async getStatus(documentId: string): Promise<StoredStatus | null> {
    return facts.getStatus(this.db, documentId);
  }
  async addCorrection(c: StatusCorrection): Promise<void> {
    facts.addCorrection(this.db, c);
  }
  async corrections(documentId?: string): Promise<StatusCorrection[]> {
    return facts.corrections(this.db, documentId);
  }
  async counts() {
    return facts.counts(this.db);
  }
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Open (creating and migrating) the database file; ':memory:' works for throwaway stores. */
export async function openSqliteStore(path: string): Promise<SqliteStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 15000 });
  // The busy timeout comes first: switching a fresh file to WAL takes a lock a concurrent opener may hold.
  db.pragma('busy_timeout = 15000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return new SqliteStore(db);
}
