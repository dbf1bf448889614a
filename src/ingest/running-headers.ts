/**
 * Running headers: text the page layout repeats at page tops and bottoms, inside documents.
 * Two kinds: a copy of a masthead (重庆市武隆区人民政府文件) away from the document's own, and a
 * document or instrument title printed at a page boundary, often mid-sentence (000_:
 * …救援力量覆盖率以及 / 武隆区2023年安全生产与自然灾害防治工作要点 / 重 / 庆 / ␠应急救援…).
 */
import type { CleanLine } from './artefacts.js';
import { titleKey } from './crosscheck.js';
import { headingMarker } from './markers.js';
import { compact, isBlank, isDateLine, isMasthead, isPublicityNote, isTitleFragment } from './patterns.js';
import type { DocumentPlan } from './split.js';

/** Only the masthead nearest the 文号 is the document's; every other copy is a running header. */
export function mastheadHeaders(lines: readonly CleanLine[], plan: DocumentPlan): number[] {
  const mastheads: number[] = [];
  for (const [s, e] of plan.pieces) for (let n = s; n < e; n++) if (isMasthead(lines[n]!.text)) mastheads.push(n);
  const own = mastheads
    .filter((n) => n >= plan.start && n <= plan.anchor + 3)
    .sort((a, b) => Math.abs(a - plan.anchor) - Math.abs(b - plan.anchor) || a - b)[0];
  return mastheads.filter((n) => n !== own);
}

/** A title's character bigrams, built once per title (an issue's 目录 serves every document). */
export function titleBigrams(title: string): ReadonlySet<string> {
  return bigramSet(titleKey(title));
}

function bigramSet(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Share of a line's character bigrams found in a title: ~1 for a copy or a prefix of it. */
function containment(line: string, title: ReadonlySet<string>): number {
  const own = bigramSet(titleKey(line));
  let hit = 0;
  for (const b of own) if (title.has(b)) hit++;
  return own.size === 0 ? 0 : hit / own.size;
}

// Lines after the 文号 that may still be the document's own title block.
const HEADER_TAIL = 6;
// A title-header is long enough to say something (not 一、总体要求).
const MIN_CHARS = 8;
// Its bigrams are (almost) all in a title: word order may differ (2023年武隆区 / 武隆区2023年).
const CONTAINED = 0.8;

/** Next non-blank line after n (artefact lines are already blank), or null. */
function nextContent(lines: readonly CleanLine[], n: number): string | null {
  for (let k = n + 1; k < lines.length; k++) if (!isBlank(lines[k]!.text)) return lines[k]!.text;
  return null;
}

function prevContent(lines: readonly CleanLine[], n: number): string | null {
  for (let k = n - 1; k >= 0; k--) if (!isBlank(lines[k]!.text)) return lines[k]!.text;
  return null;
}

/**
 * Title lines that are page furniture: title-shaped, (almost) all of their text from the
 * document's or the titles, at a page boundary (the next line opens a page: it starts
 * with a space), and not where a title belongs (the document's header, or after its signature
 * block, where an instrument's own title is printed).
 */
export function titleHeaders(lines: readonly CleanLine[], plan: DocumentPlan, sets: ReadonlyArray<ReadonlySet<string>>): number[] {
  const out: number[] = [];
  plan.pieces.forEach(([s, e], k) => {
    for (let n = k === 0 ? Math.max(s, plan.anchor + HEADER_TAIL) : s; n < e; n++) {
      const t = lines[n]!.text;
      const c = compact(t);
      if (c.length < MIN_CHARS || !isTitleFragment(t) || headingMarker(c) || isMasthead(t) || /^\s/.test(t)) continue;
      const next = nextContent(lines, n);
      if (next === null || !/^[ \u3000]{1,3}\S/.test(next)) continue;
      const prev = prevContent(lines, n);
      if (prev === null || isPublicityNote(prev) || isDateLine(prev) || /^\s{11,}/.test(prev)) continue;
      if (sets.some((set) => containment(c, set) >= CONTAINED)) out.push(n);
    }
  });
  return out;
}
