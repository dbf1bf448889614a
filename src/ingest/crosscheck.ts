/**
 * The issue's own listings are ground truth for what it holds: match them to the documents
 * found and turn every disagreement into a warning a clerk can act on.
 */
import type { IndexEntry, OfficialDocument, ReferencedDocument, Warning } from '../domain/types.js';
import type { ListingEntry } from './contents.js';
import { toSimplified } from './traditional.js';

/** Titles differ in quotes, brackets and spacing between 目录, index and body; compare without them. */
export function titleKey(title: string): string {
  return toSimplified(title)
    .replace(/[\s\u3000《》“”"'‘’「」『』]/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[—–－-]+/g, '-');
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

function dice(x: Map<string, number>, y: Map<string, number>): number {
  let common = 0;
  let total = 0;
  for (const [k, v] of x) common += Math.min(v, y.get(k) ?? 0);
  for (const v of x.values()) total += v;
  for (const v of y.values()) total += v;
  return total === 0 ? 0 : (2 * common) / total;
}

/** Dice coefficient on character bigrams: 1 for equal titles, ~0 for unrelated ones. */
export function titleSimilarity(a: string, b: string): number {
  return dice(bigrams(titleKey(a)), bigrams(titleKey(b)));
}

export interface IndexCheck {
  readonly warnings: Warning[];
  readonly references: ReferencedDocument[];
  /** Per document id, warnings to attach to that document. */
  readonly perDocument: Map<string, Warning[]>;
}

/** Cross-check the 主要文件目录 against the documents printed in the issue. */
export function checkIndex(index: readonly IndexEntry[], docs: readonly OfficialDocument[]): IndexCheck {
  const warnings: Warning[] = [];
  const references: ReferencedDocument[] = [];
  const perDocument = new Map<string, Warning[]>();
  const byNumber = new Map(docs.filter((d) => d.docNumber).map((d) => [d.docNumber!, d]));
  // Keys and bigrams once per document: the index is compared against every title.
  const keyed = docs.map((d) => ({ d, key: titleKey(d.title), grams: bigrams(titleKey(d.title)) }));
  const byKey = new Map(keyed.map((k) => [k.key, k.d]));
  for (const e of index) {
    const key = titleKey(e.title);
    const same = e.docNumber ? byNumber.get(e.docNumber) : undefined;
    if (same && (titleKey(same.title) === key || titleSimilarity(same.title, e.title) >= 0.85)) continue;
    let match = byKey.get(key);
    if (!match) {
      const grams = bigrams(key);
      const best = keyed.map((k) => ({ d: k.d, s: dice(k.grams, grams) })).sort((a, b) => b.s - a.s)[0];
      if (best && best.s >= 0.85) match = best.d;
    }
    if (match) {
      const w: Warning = {
        code: 'index-docnumber-mismatch',
        message: `主要文件目录 lists 《${e.title}》 as ${e.docNumber ?? '(unreadable 文号)'}; the document prints ${match.docNumber ?? 'no 文号'}`,
      };
      warnings.push(w);
      perDocument.set(match.id, [...(perDocument.get(match.id) ?? []), w]);
    } else {
      references.push({ docNumber: e.docNumber, title: e.title, source: 'index' });
    }
  }
  return { warnings, references, perDocument };
}

export function toIndexEntry(e: ListingEntry): IndexEntry {
  return { title: e.title, docNumber: e.docNumber };
}
