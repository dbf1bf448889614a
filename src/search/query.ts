/**
 * Parsing what a user types into the search box. Pure: no database, no segmenter.
 *
 * Grammar (forgiving — every string parses):
 *   words separated by spaces are ANDed;  "quoted phrase" (also “…” 「…」) is one literal term;
 *   -word / -"phrase" / NOT word excludes;  a OR b (also |) accepts either;  AND is implicit.
 * A 文号 typed with [] () ［］ or with spaces inside is recognised and written canonically.
 * Terms are folded (simplified characters, half-width digits, 〔〕 around years) so that the
 * backends only ever see text comparable with their folded index.
 */
import { formatDocNumber, parseDocNumber } from '../domain/doc-number.js';
import { foldTerm } from './fold.js';

export interface Term {
  /** Folded literal text to find as a substring. */
  readonly text: string;
  /** Typed in quotes: match literally, never split into words. */
  readonly phrase: boolean;
}

/** Terms ORed together; a negated group excludes documents matching any of its terms. */
export interface Group {
  readonly terms: Term[];
  readonly negated: boolean;
}

export interface ParsedQuery {
  /** Groups ANDed together. No positive group means "everything" (browse with filters). */
  readonly groups: Group[];
  /** Canonical 文号 when the whole query is one 文号. */
  readonly docNumber: string | null;
}

const OPEN_QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』', '”': '”' };
// A 文号 written loosely inside a longer query: agency glued to the bracket, spaces allowed around digits.
const LOOSE_DOC_NUMBER =
  /([\u4e00-\u9fa5]{1,12})\s*[〔[［(（【〖]\s*((?:19|20)\d\d)\s*[〕\]］)）】〗]\s*第?\s*(\d{1,5})\s*[号號]/g;
// Characters that mean something in FTS syntax or nothing in Chinese text, trimmed from term ends.
const EDGE_NOISE = /^[\s*^:+!?,.;'"`~=<>{}()[\]\\/|&-]+|[\s*^:+!?,.;'"`~=<>{}()[\]\\/|&-]+$/g;
const MEANINGFUL = /[\p{L}\p{N}]/u;
/** Bounds on what one query may ask of the index: a pasted page must not turn into 5,000 lookups. */
export const MAX_TERMS = 32;
export const MAX_TERM_CHARS = 64;

interface RawToken {
  readonly text: string;
  readonly quoted: boolean;
  readonly negated: boolean;
}

function canonicaliseDocNumbers(q: string): string {
  return q.replace(LOOSE_DOC_NUMBER, (m) => {
    const n = parseDocNumber(m);
    return n ? formatDocNumber(n) : m;
  });
}

/** Split into raw tokens: quotes group, whitespace separates, a leading - negates. */
export function tokenise(input: string): RawToken[] {
  const out: RawToken[] = [];
  // Control characters (NUL cuts an SQLite string short) are never part of what users look for.
  const s = canonicaliseDocNumbers(input.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, ' '));
  let i = 0;
  let negateNext = false;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let negated = negateNext;
    negateNext = false;
    if ((c === '-' || c === '－') && i + 1 < s.length && !/\s/.test(s[i + 1]!)) {
      negated = true;
      i++;
    }
    const open = s[i]!;
    const close = OPEN_QUOTES[open];
    if (close !== undefined) {
      const end = s.indexOf(close, i + 1);
      const stop = end === -1 ? s.length : end;
      out.push({ text: s.slice(i + 1, stop), quoted: true, negated });
      i = stop + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j]!) && OPEN_QUOTES[s[j]!] === undefined) j++;
    const word = s.slice(i, j);
    i = j;
    if (!negated && word === 'NOT') {
      negateNext = true;
      continue;
    }
    out.push({ text: word, quoted: false, negated });
  }
  return out;
}

function toTerm(tok: RawToken): Term | null {
  const text = Array.from(foldTerm(tok.text).replace(EDGE_NOISE, '')).slice(0, MAX_TERM_CHARS).join('');
  if (!MEANINGFUL.test(text)) return null;
  return { text: tok.quoted ? text : text.replace(/\s+/g, ''), phrase: tok.quoted };
}

export function parseQuery(input: string): ParsedQuery {
  const tokens = tokenise(input);
  const groups: Array<{ terms: Term[]; negated: boolean }> = [];
  let orPending = false;
  for (const tok of tokens) {
    if (groups.reduce((n, g) => n + g.terms.length, 0) >= MAX_TERMS) break;
    if (!tok.quoted && !tok.negated && (tok.text === 'OR' || tok.text === '|')) {
      orPending = groups.length > 0;
      continue;
    }
    if (!tok.quoted && !tok.negated && tok.text === 'AND') continue;
    const term = toTerm(tok);
    if (!term) continue;
    const last = groups[groups.length - 1];
    if (orPending && last && !last.negated && !tok.negated) last.terms.push(term);
    else groups.push({ terms: [term], negated: tok.negated });
    orPending = false;
  }
  const only = groups.length === 1 && groups[0]!.terms.length === 1 && !groups[0]!.negated ? groups[0]!.terms[0]! : null;
  const whole = only ? parseDocNumber(only.text) : null;
  return { groups: dedupe(groups), docNumber: whole ? formatDocNumber(whole) : null };
}

function dedupe(groups: Group[]): Group[] {
  const seen = new Set<string>();
  return groups.filter((g) => {
    const key = `${g.negated ? '-' : '+'}${g.terms.map((t) => t.text).join('|')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every positive term, for highlighting and ranking. */
export function positiveTerms(q: ParsedQuery): Term[] {
  return q.groups.filter((g) => !g.negated).flatMap((g) => g.terms);
}

/** Quote one string as an FTS5 string literal: the only way user text reaches a MATCH expression. */
export function ftsQuote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * At least half the characters are digits: a 文号 fragment, a year, a number (〔2024〕17, 2023).
 * Both stores leave a query holding such a term unranked by word weights: its pairs or words are
 * in nearly every document, counting their frequencies reads the longest lists in the index, and
 * a number's frequency says nothing of relevance; title and 文号 bonuses still order it.
 */
export function numeric(text: string): boolean {
  return (text.match(/\p{Nd}/gu)?.length ?? 0) * 2 >= Array.from(text).length;
}

