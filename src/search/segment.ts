/**
 * Word segmentation: jieba (default dictionary) plus the learned corpus dictionary, deterministic
 * (no HMM). Both stores cut an unquoted chunk found nowhere whole into words (`cut`); the word
 * indexes (the bench's anchors over jieba words, SQLite's word table before migration 11) cut texts
 * and queries alike with `indexText` / `queryWords`.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { toJiebaDict } from './lexicon.js';

const WORDY = /[\p{L}\p{N}]/u;

export class Segmenter {
  private readonly jieba: Jieba;
  private readonly known = new Set<string>();

  constructor(words: Iterable<string> = []) {
    this.jieba = Jieba.withDict(dict);
    this.addWords(words);
  }

  /** Add learned words; returns the ones that were new to this segmenter. */
  addWords(words: Iterable<string>): string[] {
    const fresh = [...words].filter((w) => !this.known.has(w));
    if (fresh.length === 0) return [];
    for (const w of fresh) this.known.add(w);
    this.jieba.loadDict(toJiebaDict(fresh));
    return fresh;
  }

  /** Words of an indexed text, space-separated, in search mode (long words and their parts). */
  indexText(text: string): string {
    return this.words(text).join(' ');
  }

  /** Distinct words of a query term, as `indexText` cuts a text. */
  queryWords(term: string): string[] {
    return [...new Set(this.words(term))];
  }

  /** Plain cut (no sub-words), for splitting an unquoted chunk that is not found as a whole. */
  cut(text: string): string[] {
    return this.jieba.cut(text, false).filter((w) => WORDY.test(w));
  }

  private words(text: string): string[] {
    return this.jieba.cutForSearch(text.toLowerCase(), false).filter((w) => WORDY.test(w));
  }
}
