/**
 * Small text helpers shared by the repeal and validity extractors: whitespace repair, sentence and
 * clause splitting that respects 《》 and （）, Chinese dates, and 《title》（文号） spans.
 */
import { findDocNumbers, formatDocNumber } from '../domain/doc-number.js';

/** Drop the whitespace narrow columns and page breaks leave inside Chinese text. */
export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, (ws, i: number, all: string) => {
    const before = all[i - 1] ?? '';
    const after = all[i + ws.length] ?? '';
    // Keep one space only between two ASCII words; everywhere else the break is damage.
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z]/.test(after) ? ' ' : '';
  });
}

/** Split into sentences on 。！？ (and ；), keeping the terminator; brackets are never split. */
export function sentences(text: string): string[] {
  return splitOutside(text, '。！？!?；;', true).filter((s) => s.trim() !== '');
}

const compactTexts = new WeakMap<object, string>();
const compactSentences = new WeakMap<object, readonly string[]>();

/** A body block's text, compacted (kept: several extractors read each block, and its text never changes). */
export function compactBlock(b: { readonly text: string }): string {
  let t = compactTexts.get(b);
  if (t === undefined) compactTexts.set(b, (t = compact(b.text)));
  return t;
}

/**
 * A body block's sentences, compacted: the validity and repeal extractors (and the normative
 * judgement through validity) each read every block's, and a block's text never changes.
 * `holding`: none when the block's text does not match it — an extractor whose every pattern needs
 * one of a few words skips the other blocks unsplit (most of a document: splitting was a tenth of
 * a parse worker's CPU). It must not span a sentence break and must not be global.
 */
export function blockSentences(b: { readonly text: string }, holding?: RegExp): readonly string[] {
  if (holding !== undefined && !holding.test(compactBlock(b))) return [];
  let s = compactSentences.get(b);
  if (s === undefined) compactSentences.set(b, (s = sentences(compactBlock(b))));
  return s;
}

/** Split a sentence into clauses on ，、-free commas (，,), outside 《》 and （）. */
export function clauses(sentence: string): string[] {
  return splitOutside(sentence, '，,', false);
}

/** Split on any of the characters `sep` outside brackets: by index and slice (it runs on every sentence at ingest). */
function splitOutside(text: string, sep: string, keep: boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  // UTF-16 units: a surrogate half is never a bracket or a separator.
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '《' || ch === '（' || ch === '(') depth++;
    else if ((ch === '》' || ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && sep.includes(ch)) {
      out.push(text.slice(start, keep ? i + 1 : i));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** 2023年4月25日 → 2023-04-25; null when the text holds no full date. */
export function parseCnDate(s: string): string | null {
  const m = /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Add days to an ISO date (UTC arithmetic, so no timezone drift). */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y + years, m - 1, d);
  return new Date(t).toISOString().slice(0, 10);
}

/** A document named in running text: 《title》（文号）, 《title》 or a bare 文号. */
export interface TextRef {
  readonly docNumber: string | null;
  readonly title: string | null;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Every document reference in a compacted text, in order. A 《title》 immediately followed by
 * （文号） is one reference; a 文号 inside a title's brackets is never a separate one.
 */
export function findRefs(text: string): TextRef[] {
  const refs: TextRef[] = [];
  const numbers = findDocNumbers(text);
  const used = new Set<number>();
  for (const m of text.matchAll(/《([^《》]{2,120})》/g)) {
    const start = m.index!;
    let end = start + m[0].length;
    let docNumber: string | null = null;
    // （文号） right after the title belongs to it.
    const after = /^[（(]\s*/.exec(text.slice(end));
    if (after) {
      const i = numbers.findIndex((n) => n.start === end + after[0].length);
      const n = numbers[i];
      if (n && /^\s*[）)]/.test(text.slice(n.end))) {
        docNumber = formatDocNumber(n.docNumber);
        used.add(i);
        end = n.end + /^\s*[）)]/.exec(text.slice(n.end))![0].length;
      }
    }
    refs.push({ docNumber, title: m[1]!, raw: text.slice(start, end), start, end });
  }
  numbers.forEach((n, i) => {
    if (used.has(i)) return;
    if (refs.some((r) => n.start >= r.start && n.end <= r.end)) return;
    refs.push({ docNumber: formatDocNumber(n.docNumber), title: null, raw: n.raw, start: n.start, end: n.end });
  });
  return refs.sort((a, b) => a.start - b.start);
}

/**
 * A sentence as quoted in evidence: without its heading number (五、 / 第二十条 / （三）) and without
 * a trailing annotation of the previous sentence that paragraph joining left in front of it
 * (（牵头单位：…）本方案自印发之日起实施。).
 */
export function quoteOf(sentence: string): string {
  let s = sentence.trim();
  for (let changed = true; changed; ) {
    const before = s;
    s = s
      .replace(/^[-•·]\s*/, '')
      .replace(/^[（(][^（）()]*[）)]\s*(?=\S)/, '')
      .replace(/^[一二三四五六七八九十]+、\s*/, '')
      .replace(/^第[一二三四五六七八九十百零〇\d]+条\s*/, '')
      .replace(/^\d{1,2}[.．、]\s*(?!\d)/, '');
    changed = s !== before;
  }
  return s;
}
