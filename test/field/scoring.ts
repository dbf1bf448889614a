/**
 * Scores the reader's output for one field page against its hand-checked truth. Pure: the
 * runner (score.ts) reads the files and prints. Titles and names are compared in simplified
 * characters without pinyin glosses, spacing or bracket width, so a traditional page read right
 * counts as right.
 */
import { normaliseDocNumber, normaliseOrderNumber } from '../../src/domain/doc-number.js';
import type { OfficialDocument } from '../../src/domain/types.js';
import { findRepeals } from '../../src/extract/repeals.js';
import { titleSimilarity } from '../../src/ingest/crosscheck.js';
import { toSimplified } from '../../src/ingest/traditional.js';

export interface TruthDocument {
  readonly docNumber: string | null;
  readonly title: string | null;
  readonly issuers: readonly string[];
  readonly kind: string;
  readonly writtenDate: string | null;
  readonly repeals: readonly string[];
  readonly validity?: string;
  readonly repealDate?: string;
}

export interface Truth {
  readonly source: string;
  readonly note?: string;
  readonly reject?: boolean;
  readonly documents: readonly TruthDocument[];
}

/** What the reader gave for one page: its documents, or the reason it refused the page. */
export type Outcome = { readonly documents: readonly OfficialDocument[] } | { readonly rejected: string };

export type Field = 'split' | 'docNumber' | 'titleExact' | 'titleNear' | 'issuer' | 'kind' | 'writtenDate';

export interface Miss {
  readonly file: string;
  readonly field: Field | 'repeal' | 'false-repeal' | 'rejected' | 'accepted';
  readonly expected: string;
  readonly got: string;
}

export interface PageScore {
  /** Per field: [right, scored]. */
  readonly counts: Record<Field, [number, number]>;
  readonly repealsFound: number;
  readonly repealsDeclared: number;
  readonly falseRepeals: number;
  readonly rejected: boolean;
  readonly misses: Miss[];
}

/** Simplified, no pinyin glosses (發(fā)), no spaces, one bracket width. */
export function textKey(s: string): string {
  return toSimplified(s)
    .replace(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/g, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[［[]/g, '〔')
    .replace(/[］\]]/g, '〕');
}

/** One key per identifier: the canonical 文号, or the 令 number without its year. */
export function idKey(s: string | null): string | null {
  if (s === null) return null;
  const t = textKey(s);
  const order = normaliseOrderNumber(t);
  if (order) return order.replace(/〔\d{4}〕/, '');
  return normaliseDocNumber(t) ?? t;
}

const show = (s: string | null | undefined): string => (s === null || s === undefined ? '—' : s);

/** Pair truth documents with the reader's: in order when the counts agree, else by best title/文号 match. */
function pair(truth: readonly TruthDocument[], docs: readonly OfficialDocument[]): Array<OfficialDocument | null> {
  if (truth.length === docs.length) return [...docs];
  const used = new Set<number>();
  return truth.map((t) => {
    let best = -1;
    let bestScore = 0;
    docs.forEach((d, i) => {
      if (used.has(i)) return;
      const score = (t.docNumber && idKey(d.docNumber) === idKey(t.docNumber) ? 2 : 0) + (t.title ? titleSimilarity(t.title, d.title) : 0);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best < 0) return null;
    used.add(best);
    return docs[best]!;
  });
}

function issuerRight(t: TruthDocument, got: string | null): boolean {
  if (got === null) return false;
  const key = (s: string) => textKey(s).replace(/[、，,]/g, '');
  const g = key(got);
  return t.issuers.some((i) => key(i) === g) || key(t.issuers.join('')) === g;
}

function repealMatches(wanted: string, target: { docNumber: string | null; title: string | null }): boolean {
  const w = idKey(wanted);
  if (target.docNumber && w === idKey(target.docNumber)) return true;
  if (!target.title) return false;
  const a = textKey(wanted).replace(/[《》〈〉]/g, '');
  const b = textKey(target.title).replace(/[《》〈〉]/g, '');
  return a === b || (b.length >= 6 && a.includes(b)) || (a.length >= 6 && b.includes(a));
}

export function scorePage(file: string, truth: Truth, outcome: Outcome): PageScore {
  const counts = Object.fromEntries(
    (['split', 'docNumber', 'titleExact', 'titleNear', 'issuer', 'kind', 'writtenDate'] as Field[]).map((f) => [f, [0, 0]]),
  ) as Record<Field, [number, number]>;
  const misses: Miss[] = [];
  const declared = truth.documents.reduce((n, d) => n + d.repeals.length, 0);
  const tally = (field: Field, right: boolean, expected: string, got: string) => {
    counts[field][1]++;
    if (right) counts[field][0]++;
    else misses.push({ file, field, expected, got });
  };

  const wasRejected = 'rejected' in outcome;
  if (wasRejected && !truth.reject) misses.push({ file, field: 'rejected', expected: `${truth.documents.length} document(s)`, got: outcome.rejected });
  if (truth.reject) {
    if (!wasRejected) misses.push({ file, field: 'accepted', expected: 'rejected (not an official document)', got: `${outcome.documents.length} document(s)` });
    return { counts, repealsFound: 0, repealsDeclared: 0, falseRepeals: 0, rejected: false, misses };
  }

  // A refused page scores every field of its documents as missed.
  const docs = wasRejected ? [] : outcome.documents;
  const splitRight = docs.length === truth.documents.length;
  if (!splitRight && !wasRejected) misses.push({ file, field: 'split', expected: `${truth.documents.length} document(s)`, got: `${docs.length}: ${docs.map((d) => d.title).join(' | ')}` });
  const paired = pair(truth.documents, docs);
  truth.documents.forEach((t, k) => {
    counts.split[1]++;
    if (splitRight) counts.split[0]++;
    const d = paired[k] ?? null;
    tally('docNumber', d !== null && idKey(d.docNumber) === idKey(t.docNumber), show(t.docNumber), show(d?.docNumber));
    if (t.title !== null) {
      const got = d?.title ?? '';
      tally('titleExact', textKey(got) === textKey(t.title), t.title, got);
      tally('titleNear', d !== null && titleSimilarity(got, t.title) >= 0.9, t.title, got);
    }
    if (t.issuers.length > 0) tally('issuer', issuerRight(t, d?.issuer ?? null), t.issuers.join(' '), show(d?.issuer));
    tally('kind', d?.kind === t.kind, t.kind, show(d?.kind));
    tally('writtenDate', d !== null && d.signedOn === t.writtenDate, show(t.writtenDate), show(d?.signedOn));
  });

  const wanted = truth.documents.flatMap((t) => t.repeals);
  const events = docs.flatMap((d) => findRepeals(d)).filter((e) => e.kind === 'repeal' || e.kind === 'replace');
  let found = 0;
  for (const w of wanted) {
    if (events.some((e) => repealMatches(w, e.target))) found++;
    else misses.push({ file, field: 'repeal', expected: w, got: events.map((e) => e.target.docNumber ?? e.target.title).join(' | ') || '—' });
  }
  let falseRepeals = 0;
  for (const e of events) {
    if (wanted.some((w) => repealMatches(w, e.target))) continue;
    falseRepeals++;
    misses.push({ file, field: 'false-repeal', expected: '—', got: `${show(e.target.docNumber)} 《${show(e.target.title)}》: ${e.quote.slice(0, 60)}` });
  }
  return { counts, repealsFound: found, repealsDeclared: declared, falseRepeals, rejected: wasRejected, misses };
}
