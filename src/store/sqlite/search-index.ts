/**
 * Keeping the three search structures of one document in step with its row: trigram FTS (exact
 * substrings of 3+ characters), jieba-word FTS (BM25), bigram FTS (2 characters); and the learned
 * lexicon. All three are contentless: the folded text they index is kept once, packed with the
 * document's content (content.ts), which is where snippets are cut from.
 */
import type Database from 'better-sqlite3';
import { bigrams, charLength } from '../../search/bigrams.js';
import type { FoldedDoc } from '../../search/document.js';
import { isActive, learnTerms } from '../../search/lexicon.js';
import { ftsQuote } from '../../search/query.js';
import { Segmenter } from '../../search/segment.js';
import { unpackFolded } from './content.js';
import { stmt } from './statements.js';

// Shared with the PostgreSQL backend, which imports it from here too.
export { foldDocument, type FoldedDoc } from '../../search/document.js';

/** The contentless search tables of migration 9 (a fresh database gets them the same way). */
export const SLIM_SEARCH_TABLES = `
  CREATE VIRTUAL TABLE doc_tri USING fts5(title, docnum, body, tokenize = 'trigram', content = '', contentless_delete = 1);
  CREATE VIRTUAL TABLE doc_bi USING fts5(b, tokenize = 'ascii', content = '', contentless_delete = 1, detail = none);`;

/**
 * A character as 4 base-36 digits (any code point fits): bigram tokens are plain ASCII words the
 * FTS5 'ascii' tokenizer keeps whole, and a 1-character term is the prefix query `xxxx*`.
 */
const charTokens = new Map<string, string>();
function charToken(c: string): string {
  let t = charTokens.get(c);
  if (t === undefined) charTokens.set(c, (t = c.codePointAt(0)!.toString(36).padStart(4, '0')));
  return t;
}

/** The FTS5 token of a bigram (or the prefix of a 1-character term). */
export function bigramToken(s: string): string {
  let out = '';
  for (const c of s) out += charToken(c);
  return out;
}

/** The document's bigrams as the text of its doc_bi row: its folded title, 文号 and body, lower-cased. */
export function bigramText(f: FoldedDoc): string {
  return [...bigramsOf(f).keys()].map(bigramToken).join(' ');
}

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
    const version = this.db.pragma('data_version', { simple: true }) as number;
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
   * Count candidate words in newly ingested documents; returns words that just became active.
   * Call before indexing the new documents so they are cut with the new words.
   */
  learn(docs: readonly FoldedDoc[]): string[] {
    const upsert = this.db.prepare(
      `INSERT INTO lexicon(word, source, count) VALUES (?, ?, ?)
       ON CONFLICT(word) DO UPDATE SET count = count + excluded.count RETURNING count, source`,
    );
    const activated: string[] = [];
    for (const t of learnTerms(docs.flatMap((d) => [d.title, d.body]))) {
      const row = upsert.get(t.word, t.source, t.count) as { count: number; source: string };
      if (isActive(row) && !isActive({ count: row.count - t.count, source: row.source })) activated.push(t.word);
    }
    return this.seg().addWords(activated);
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
   * Index documents not in the search tables, one statement per table: FTS5 flushes its pending
   * terms to a new segment at every statement's savepoint, so row-by-row inserts into three tables
   * wrote three tiny segments per document (and merged them again): 15 ms a document.
   */
  insertMany(docs: ReadonlyArray<readonly [number, FoldedDoc]>): void {
    if (docs.length === 0) return;
    const s = this.seg();
    const rows = (f: (d: FoldedDoc) => unknown[]) => JSON.stringify(docs.map(([seq, d]) => [seq, ...f(d)]));
    const from = (n: number) => `SELECT ${Array.from({ length: n + 1 }, (_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?)`;
    stmt(this.db, `INSERT INTO doc_tri(rowid, title, docnum, body) ${from(3)}`).run(rows((d) => [d.title, d.docnum, d.body]));
    stmt(this.db, `INSERT INTO doc_words(rowid, title, docnum, body) ${from(3)}`).run(rows((d) => [s.indexText(d.title), s.indexText(d.docnum), s.indexText(d.body)]));
    stmt(this.db, `INSERT INTO doc_bi(rowid, b) ${from(1)}`).run(rows((d) => [bigramText(d)]));
  }

  remove(seq: number): void {
    for (const t of ['doc_tri', 'doc_words', 'doc_bi']) stmt(this.db, `DELETE FROM ${t} WHERE rowid = ?`).run(seq);
  }

  /** Re-cut the documents that contain newly learned words (other documents cannot change). */
  resegment(words: readonly string[], skip: ReadonlySet<number>): number {
    const seqs = new Set<number>();
    const tri = this.db.prepare('SELECT rowid AS seq FROM doc_tri WHERE doc_tri MATCH ?');
    const bi = this.db.prepare('SELECT rowid AS seq FROM doc_bi WHERE doc_bi MATCH ?');
    for (const w of words) {
      const rows = (charLength(w) >= 3 ? tri.all(ftsQuote(w)) : bi.all(bigramToken(w.toLowerCase()))) as Array<{ seq: number }>;
      for (const r of rows) if (!skip.has(r.seq)) seqs.add(r.seq);
    }
    const recut: Array<[number, FoldedDoc]> = [];
    for (const seq of seqs) {
      const f = this.folded(seq);
      if (!f) continue;
      stmt(this.db, 'DELETE FROM doc_words WHERE rowid = ?').run(seq);
      recut.push([seq, f]);
    }
    const s = this.seg();
    const rows = JSON.stringify(recut.map(([seq, d]) => [seq, s.indexText(d.title), s.indexText(d.docnum), s.indexText(d.body)]));
    if (recut.length > 0) stmt(this.db, 'INSERT INTO doc_words(rowid, title, docnum, body) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)').run(rows);
    return seqs.size;
  }

  /** The folded text a document is indexed with, from its packed content. */
  folded(seq: number): FoldedDoc | undefined {
    const b = stmt(this.db, 'SELECT c.packed FROM documents d JOIN document_content c ON c.document_id = d.id WHERE d.seq = ?', true).get(seq) as Buffer | undefined;
    return b ? unpackFolded(b) : undefined;
  }


}

/** The bigram postings of a document: its folded title, 文号 and body, lower-cased. */
function bigramsOf(f: FoldedDoc): Map<string, number> {
  return bigrams(`${f.title}\n${f.docnum}\n${f.body}`.toLowerCase());
}
