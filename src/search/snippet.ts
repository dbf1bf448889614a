/**
 * Snippets: a window of the document text around the matches, matches wrapped in «». Pure, shared
 * by both backends; works on folded text so a simplified query highlights a traditional page.
 */

export const MARK_OPEN = '«';
export const MARK_CLOSE = '»';

interface Span {
  start: number;
  end: number;
}

function occurrences(hay: string, needles: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const n of needles) {
    if (!n) continue;
    for (let i = hay.indexOf(n); i !== -1; i = hay.indexOf(n, i + n.length)) spans.push({ start: i, end: i + n.length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Where `text` came from when it is an excerpt of a longer text: ellipses are due on those sides. */
export interface Excerpt {
  readonly cutBefore?: boolean;
  readonly cutAfter?: boolean;
}

/**
 * Choose the window of `width` characters holding the most matches (earliest on ties) and mark them.
 * `needles` must already be folded and lower-cased like `text` is compared.
 */
export function makeSnippet(text: string, needles: readonly string[], width = 100, excerpt: Excerpt = {}): string {
  // One line per window: paragraph breaks read as spaces; our markers must not appear unescaped.
  const flat = text.replace(/\s+/g, ' ').replace(/[«»]/g, (c) => (c === '«' ? '‹' : '›')).trim();
  const spans = occurrences(flat.toLowerCase(), needles);
  if (spans.length === 0) return (excerpt.cutBefore ? '…' : '') + clip(flat, 0, width, excerpt.cutAfter === true);
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < spans.length; i++) {
    while (j < spans.length && spans[j]!.end - spans[i]!.start <= width) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = i;
    }
  }
  const first = spans[best]!;
  const start = sentenceStart(flat, Math.max(0, Math.min(first.start - Math.floor(width / 4), flat.length - width)), first.start);
  const end = Math.min(flat.length, start + width);
  let out = '';
  let pos = start;
  for (const s of spans) {
    if (s.end <= start || s.start >= end) continue;
    const a = Math.max(s.start, start);
    const b = Math.min(s.end, end);
    out += flat.slice(pos, a) + MARK_OPEN + flat.slice(a, b) + MARK_CLOSE;
    pos = b;
  }
  out += flat.slice(pos, end);
  return (start > 0 || excerpt.cutBefore ? '…' : '') + out + (end < flat.length || excerpt.cutAfter ? '…' : '');
}

const BOUNDARY = /[。；！？，：、\s]/;

/** Begin the window after a punctuation mark when one lies shortly before the match, not mid-word. */
function sentenceStart(flat: string, start: number, match: number): number {
  if (start === 0) return 0;
  for (let i = start; i < match; i++) if (BOUNDARY.test(flat[i]!)) return i + 1;
  return start;
}

function clip(flat: string, start: number, width: number, cutAfter: boolean): string {
  return flat.slice(start, start + width) + (flat.length > start + width || cutAfter ? '…' : '');
}

/** How much text around the first match a backend should hand to makeSnippet. */
export const EXCERPT_BEFORE = 40;
export const EXCERPT_LENGTH = 400;
