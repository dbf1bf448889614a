/**
 * Keeping the three search structures of one document in step with its row: trigram FTS (folded
 * text, also the snippet source), jieba-word FTS (BM25), bigram postings; and the learned lexicon.
 */
import type Database from 'better-sqlite3';
import { bigrams, charLength } from '../../search/bigrams.js';
import type { FoldedDoc } from '../../search/document.js';
import { isActive, learnTerms } from '../../search/lexicon.js';
import { ftsQuote } from '../../search/query.js';
import { Segmenter } from '../../search/segment.js';

// Shared with the PostgreSQL backend, which imports it from here too.
export { foldDocument, type FoldedDoc } from '../../search/document.js';

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
    this.db.prepare('INSERT INTO doc_tri(rowid, title, docnum, body) VALUES (?, ?, ?, ?)').run(seq, f.title, f.docnum, f.body);
    this.writeWords(seq, f);
    const ins = this.db.prepare('INSERT INTO doc_bigrams(bigram, seq, n) VALUES (?, ?, ?)');
    for (const [bg, n] of bigramsOf(f)) ins.run(bg, seq, n);
  }

  remove(seq: number): void {
    // doc_bigrams has no index on seq (it was a sixth of the file): the postings to delete are the
    // bigrams of the text the document was indexed with, which doc_tri keeps.
    const old = this.db.prepare('SELECT title, docnum, body FROM doc_tri WHERE rowid = ?').get(seq) as FoldedDoc | undefined;
    if (old) {
      const del = this.db.prepare('DELETE FROM doc_bigrams WHERE bigram = ? AND seq = ?');
      for (const bg of bigramsOf(old).keys()) del.run(bg, seq);
    }
    this.db.prepare('DELETE FROM doc_tri WHERE rowid = ?').run(seq);
    this.db.prepare('DELETE FROM doc_words WHERE rowid = ?').run(seq);
  }

  /** Re-cut the documents that contain newly learned words (other documents cannot change). */
  resegment(words: readonly string[], skip: ReadonlySet<number>): number {
    const seqs = new Set<number>();
    const tri = this.db.prepare('SELECT rowid AS seq FROM doc_tri WHERE doc_tri MATCH ?');
    const bi = this.db.prepare('SELECT seq FROM doc_bigrams WHERE bigram = ?');
    for (const w of words) {
      const rows = (charLength(w) >= 3 ? tri.all(ftsQuote(w)) : bi.all(w)) as Array<{ seq: number }>;
      for (const r of rows) if (!skip.has(r.seq)) seqs.add(r.seq);
    }
    const get = this.db.prepare('SELECT title, docnum, body FROM doc_tri WHERE rowid = ?');
    for (const seq of seqs) {
      const f = get.get(seq) as FoldedDoc | undefined;
      if (!f) continue;
      this.db.prepare('DELETE FROM doc_words WHERE rowid = ?').run(seq);
      this.writeWords(seq, f);
    }
    return seqs.size;
  }

  private writeWords(seq: number, f: FoldedDoc): void {
    const s = this.seg();
    this.db
      .prepare('INSERT INTO doc_words(rowid, title, docnum, body) VALUES (?, ?, ?, ?)')
      .run(seq, s.indexText(f.title), s.indexText(f.docnum), s.indexText(f.body));
  }
}

/** The bigram postings of a document: its folded title, 文号 and body, lower-cased. */
function bigramsOf(f: FoldedDoc): Map<string, number> {
  return bigrams(`${f.title}\n${f.docnum}\n${f.body}`.toLowerCase());
}
