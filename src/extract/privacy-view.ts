/**
 * The text personal data is looked for in: whitespace taken out (narrow columns break 联系人 and
 * phone numbers across lines: 联\n\n系电话, 460447\n848) and full-width ASCII folded, with a map
 * back to the positions of the text as stored. Every rule in privacy.ts reads this view.
 */

export interface PrivacyView {
  /** The compacted, folded text. */
  readonly s: string;
  /** map[i]: index in the original of s[i]; map[s.length] = original length. */
  readonly map: readonly number[];
  /** gap[i]: whitespace stood before s[i] in the original (a name ends at a gap: 李琴涛 区科技局). */
  readonly gap: readonly boolean[];
}

const SPACE = /[\s\u3000\u00a0]/;
const ALNUM = /[0-9A-Za-z]/;

/** Full-width ASCII (０-９, Ａ-Ｚ, ＠, ：, （…) to ASCII, one character for one. */
export function foldWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0xff01 && c <= 0xff5e && ch.length === 1 ? String.fromCharCode(c - 0xfee0) : ch;
}

/**
 * Whitespace goes, except a run without a line break between two ASCII letters or digits (kept as
 * one space: 2021 2022 stays two numbers, 6222 0212 … is a grouped card number). A line break
 * between digits joins them: narrow columns wrap numbers.
 */
export function privacyView(text: string): PrivacyView {
  let s = '';
  const map: number[] = [];
  const gap: boolean[] = [];
  let i = 0;
  let pendingGap = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (!SPACE.test(ch)) {
      s += foldWidth(ch);
      map.push(i);
      gap.push(pendingGap);
      pendingGap = false;
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && SPACE.test(text[j]!)) j++;
    const before = s[s.length - 1] ?? '';
    const after = foldWidth(text[j] ?? '');
    if (ALNUM.test(before) && ALNUM.test(after) && !/[\n\r]/.test(text.slice(i, j))) {
      s += ' ';
      map.push(i);
      gap.push(false);
    } else pendingGap = s.length > 0;
    i = j;
  }
  map.push(text.length);
  return { s, map, gap };
}

/** The original span [start, end) of view span [from, to). */
export function originalSpan(v: PrivacyView, from: number, to: number): { start: number; end: number } {
  return { start: v.map[from]!, end: v.map[to - 1]! + 1 };
}
