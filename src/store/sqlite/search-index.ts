/**
 * Keeping the search index of one document in step with its row: one contentless FTS5 table,
 * doc_bg, of the document's character pairs in order (src/search/bigrams.ts) — exact substrings
 * of any length as phrases, BM25 over them for ranking — and the learned lexicon, which cuts an
 * unquoted query chunk that is not found whole into words. The folded text it indexes is kept
 * once, packed with the document's content (packed-content.ts), which is where snippets are cut from.
 */
import type Database from 'better-sqlite3';
import { bigramTokens } from '../../search/bigrams.js';
import type { FoldedDoc } from '../../search/document.js';
import { isActive, learnTerms } from '../../search/lexicon.js';
import { Segmenter } from '../../search/segment.js';
import { stmt } from './statements.js';
import { unpackFolded } from '../packed-content.js';

// Shared with the PostgreSQL backend, which imports it from here too.
export { foldDocument, type FoldedDoc } from '../../search/document.js';

/**
 * The search table (migration 11; the body first since migration 15; a fresh database gets it the
 * same way). One table instead of three (trigram, jieba words, bigram postings): 153 against 284 MB
 * on the 10k scale corpus. The body is the first column because FTS5 writes a column's number
 * before its positions in every document's entry of a pair, except for column 0: with the title
 * first, nearly every entry (the pairs found in the body alone) carried two bytes more — 150 against
 * 110 MB of index on the 10k corpus, and a tenth more CPU to write and merge.
 */
export const SEARCH_TABLE = `
  CREATE VIRTUAL TABLE doc_bg USING fts5(body, title, docnum, tokenize = 'ascii', content = '', contentless_delete = 1);`;

/** A document's doc_bg row: its folded title, 文号 and body as character pairs. */
export function indexRow(f: FoldedDoc): [string, string, string] {
  return [bigramTokens(f.title), bigramTokens(f.docnum), bigramTokens(f.body)];
}

/** Whether doc_bg has its columns in SEARCH_TABLE's order (a file made before migration 15 has the title first). */
export function searchTableCurrent(db: Database.Database): boolean {
  const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('doc_bg') as string[];
  return cols[0] === 'body';
}

/**
 * doc_bg made again (SEARCH_TABLE) and fed every stored document from the folded text packed with
 * it, in pages: migration 11, which made it, and 15, which put the body first.
 */
export function rebuildSearchTable(db: Database.Database): void {
  db.exec(`DROP TABLE IF EXISTS doc_bg; ${SEARCH_TABLE}`);
  const page = db.prepare('SELECT d.seq, c.packed FROM documents d JOIN document_content c ON c.document_id = d.id WHERE d.seq > ? ORDER BY d.seq LIMIT 500');
  const index = new SearchIndex(db);
  for (let last = -1; ; ) {
    const rows = page.raw().all(last) as Array<[number, Buffer]>;
    if (rows.length === 0) break;
    index.insertMany(rows.map(([seq, packed]) => [seq, unpackFolded(packed)] as const));
    last = rows[rows.length - 1]![0];
  }
}

/** Rows per INSERT: SQLite binds at most 32,766 parameters to a statement. */
const MAX_ROWS = 8000;

export class SearchIndex {
  private segmenter: Segmenter | null = null;
  /** PRAGMA data_version when the lexicon was last read: it changes when another process commits. */
  private seenVersion = -1;

  constructor(private readonly db: Database.Database) {}

  /**
   * The store's segmenter: jieba plus the words this database has learned (built on first use).
   * A server keeps one open while `gongbao ingest` runs in another process: words learned there
   * are picked up here, so queries keep being cut like the re-cut documents.
   */
  seg(): Segmenter {
    const version = stmt(this.db, 'PRAGMA data_version', true).get() as number;
    if (!this.segmenter || version !== this.seenVersion) {
      const rows = this.db.prepare('SELECT word, source, count FROM lexicon').all() as Array<{ word: string; source: string; count: number }>;
      const words = rows.filter(isActive).map((r) => r.word);
      if (this.segmenter) this.segmenter.addWords(words);
      else this.segmenter = new Segmenter(words);
      this.seenVersion = version;
    }
    return this.segmenter;
  }

  /**
   * Count candidate words in newly ingested documents; the words that just became active are added
   * to the segmenter when there is one (queries are cut with them; no document is).
   */
  learn(docs: readonly FoldedDoc[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO lexicon(word, source, count) VALUES (?, ?, ?)
       ON CONFLICT(word) DO UPDATE SET count = count + excluded.count RETURNING count, source`,
    );
    const activated: string[] = [];
    for (const t of learnTerms(docs.flatMap((d) => [d.title, d.body]))) {
      const row = upsert.get(t.word, t.source, t.count) as { count: number; source: string };
      if (isActive(row) && !isActive({ count: row.count - t.count, source: row.source })) activated.push(t.word);
    }
    // No segmenter yet (an ingest runs no query): the one built later reads these words with the
    // rest of the lexicon, so jieba's dictionary is not loaded for nothing (0.9 s).
    if (this.segmenter) this.seg().addWords(activated);
  }

  index(seq: number, f: FoldedDoc): void {
    this.remove(seq);
    this.insert(seq, f);
  }

  /** Index a document that is not in the search tables (a new one, or one just removed). */
  insert(seq: number, f: FoldedDoc): void {
    this.insertMany([[seq, f]]);
  }

  /**
   * Index documents not in the search table, in one statement: FTS5 flushes its pending terms to
   * a new segment at every statement's savepoint, so row-by-row inserts wrote tiny segments. The
   * rows are bound as parameters of one multi-row VALUES (a tenth cheaper than one JSON array read
   * by json_each: no JSON written in JavaScript and parsed again by SQLite).
   */
  insertMany(docs: ReadonlyArray<readonly [number, FoldedDoc]>): void {
    for (let i = 0; i < docs.length; i += MAX_ROWS) {
      const part = docs.slice(i, i + MAX_ROWS);
      const args: Array<number | string> = [];
      for (const [seq, d] of part) args.push(seq, ...indexRow(d));
      // Compiled per batch (its length varies): a millisecond against hundreds of documents' rows.
      this.db.prepare(`INSERT INTO doc_bg(rowid, title, docnum, body) VALUES ${Array(part.length).fill('(?, ?, ?, ?)').join(', ')}`).run(args);
    }
  }

  remove(seq: number): void {
    stmt(this.db, 'DELETE FROM doc_bg WHERE rowid = ?').run(seq);
  }

  /** A document's packed content (packed-content.ts): the folded text it is indexed with comes first. */
  packed(seq: number): Buffer | undefined {
    return stmt(this.db, 'SELECT c.packed FROM documents d JOIN document_content c ON c.document_id = d.id WHERE d.seq = ?', true).get(seq) as Buffer | undefined;
  }
}
