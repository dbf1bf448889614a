/**
 * The text personal data is looked for in: whitespace taken out (narrow columns break 联系人 and
 * phone numbers across lines: 联\n\n系电话, 460447\n848) and full-width ASCII folded, with a map
 * back to the positions of the text as stored. Every rule in privacy.ts reads this view.
 */

export interface PrivacyView {
  /** The compacted, folded text. */
  readonly s: string;
  /** map[i]: index in the original of s[i]; map[s.length] = original length. */
  readonly map: ArrayLike<number>;
  /** gap[i]: 1 when whitespace stood before s[i] in the original (a name ends at a gap: 李琴涛 区科技局). */
  readonly gap: ArrayLike<number>;
}

/** \s plus the ideographic and no-break spaces, by code (this runs over every published text). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Full-width ASCII (０-９, Ａ-Ｚ, ＠, ：, （…) to ASCII, one code unit for one. */
const fold = (c: number) => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c);

/**
 * Whitespace goes, except a run without a line break between two ASCII letters or digits (kept as
 * one space: 2021 2022 stays two numbers, 6222 0212 … is a grouped card number). A line break
 * between digits joins them: narrow columns wrap numbers.
 */
export function privacyView(text: string): PrivacyView {
  // Typed arrays sized for the text: this runs over several whole texts per document at ingest.
  const codes = new Uint16Array(text.length);
  const map = new Int32Array(text.length + 1);
  const gap = new Uint8Array(text.length);
  let n = 0;
  let i = 0;
  let pendingGap = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) {
      codes[n] = fold(c);
      map[n] = i;
      gap[n++] = pendingGap ? 1 : 0;
      pendingGap = false;
      i++;
      continue;
    }
    let j = i;
    let lineBreak = false;
    for (; j < text.length && isSpace(text.charCodeAt(j)); j++) lineBreak ||= text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13;
    const before = n > 0 ? codes[n - 1]! : -1;
    if (!lineBreak && isAlnum(before) && j < text.length && isAlnum(fold(text.charCodeAt(j)))) {
      codes[n] = 32;
      map[n] = i;
      gap[n++] = 0;
    } else pendingGap = n > 0;
    i = j;
  }
  map[n] = text.length;
  return { s: stringOf(codes.subarray(0, n)), map: map.subarray(0, n + 1), gap: gap.subarray(0, n) };
}

/**
 * UTF-16 code units as a string, lone surrogates kept: one copy through a Buffer (String.fromCharCode
 * spread over the units took 50 µs per thousand characters; this is a fiftieth of it).
 */
export function stringOf(codes: Uint16Array): string {
  if (LITTLE_ENDIAN) return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le');
  let s = '';
  for (let k = 0; k < codes.length; k += 8192) s += String.fromCharCode(...codes.subarray(k, k + 8192));
  return s;
}

const LITTLE_ENDIAN = typeof Buffer !== 'undefined' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The original span [start, end) of view span [from, to). */
export function originalSpan(v: PrivacyView, from: number, to: number): { start: number; end: number } {
  return { start: v.map[from]!, end: v.map[to - 1]! + 1 };
}
