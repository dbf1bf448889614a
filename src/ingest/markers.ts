/**
 * Small recognisers shared by the document-level reader: heading markers, dates, 文种 endings.
 * Pure string tests, no state.
 */
import { DOC_KINDS, type DocKind } from '../domain/types.js';

const CN_NUM = '一二三四五六七八九十百零〇';

export interface HeadingMarker {
  /** 1 = 一、 2 = （一） 3 = 1.／1． 4 = （1） 5 = ① */
  readonly level: number;
  readonly marker: string;
}

// Order matters: （一） before （1）; 1. must not match decimals such as 1.63 or 1.1.
const MARKERS: ReadonlyArray<[RegExp, number]> = [
  [new RegExp(`^[${CN_NUM}]{1,3}、`), 1],
  [new RegExp(`^[（(][${CN_NUM}]{1,3}[）)]`), 2],
  [/^\d{1,2}[.．](?![\d.．])\s*/, 3],
  [/^\d{1,2}、/, 3],
  [/^[（(]\d{1,2}[）)]/, 4],
  [/^[①-⑳]/, 5],
];

/** The heading marker a paragraph opens with, if any. */
export function headingMarker(text: string): HeadingMarker | null {
  const t = text.trimStart();
  for (const [re, level] of MARKERS) {
    const m = re.exec(t);
    if (m) return { level, marker: m[0].trim() };
  }
  return null;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二四 → 2024 (digit by digit); 十三 → 13; 二十 → 20 (tens form). */
function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.includes('十')) {
    const [a, b] = s.split('十') as [string, string];
    const tens = a === '' ? 1 : CN_DIGIT[a];
    const ones = b === '' ? 0 : CN_DIGIT[b];
    return tens === undefined || ones === undefined ? null : tens * 10 + ones;
  }
  let n = 0;
  for (const c of s) {
    const d = CN_DIGIT[c];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

const NUM = `[\\d${CN_NUM}]`;
const DATE_RE = new RegExp(`((?:\\d|[〇零一二三四五六七八九]){4})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*日`);

/** A date written 2024年6月13日 or 二〇二四年六月十三日 → 2024-06-13; null when absent or invalid. */
export function parseChineseDate(text: string): string | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const y = cnNumber(m[1]!);
  const mo = cnNumber(m[2]!);
  const d = cnNumber(m[3]!);
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that is nothing but a date (the 成文日期 line of a signature block). */
export function isDateLine(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 16 && new RegExp(`^${DATE_RE.source}$`).test(t);
}

// Longest first so 命令 wins over 令.
const KINDS_BY_LENGTH = [...DOC_KINDS].sort((a, b) => b.length - a.length);

/** The 文种 a title ends with (通知, 决定, …), or null. */
export function kindOfTitle(title: string): DocKind | null {
  const t = title.replace(/\s+/g, '');
  for (const k of KINDS_BY_LENGTH) if (t.endsWith(k)) return k;
  return null;
}

const PUBLICITY = /^[（(]此件(公开发布|依申请公开|不予公开)[）)]$/;

/** （此件公开发布） and its siblings. */
export function publicityOf(text: string): '此件公开发布' | '此件依申请公开' | '此件不予公开' | null {
  const m = PUBLICITY.exec(text.replace(/\s+/g, ''));
  return m ? (`此件${m[1]}` as '此件公开发布' | '此件依申请公开' | '此件不予公开') : null;
}

/** Visual width as printed: CJK and full-width forms take two columns, ASCII one. */
export function visualWidth(s: string): number {
  let w = 0;
  for (const c of s) {
    const u = c.charCodeAt(0);
    // “” — … are printed full-width in Chinese text.
    w += u >= 0x2e80 || (u >= 0x2010 && u <= 0x206f) ? 2 : 1;
  }
  return w;
}

const HAN = '[\\u4e00-\\u9fa5]';
const GAP = '[ \\u3000]';
// A person's name: 2–3 characters, a two-character one often letter-spaced to align (黄 听, 左  军).
// Not an article or chapter number (第三条 房屋征收…, 第二章 征收决定).
const NAME = `(?!第[一二三四五六七八九十百零〇\\d])(${HAN}${GAP}+${HAN}|${HAN}{2,3})`;
// 组 长 / 副组长 / 执行站长 / 联络员 — letter-spaced too.
const ROLE = `(${HAN}(?:${GAP}*${HAN}){0,5})`;
// The post held: no sentence punctuation (区委常委、区政府常务副区长).
const POST = `(${HAN}{2}[^，。；：:;,!?！？]*)`;
const MEMBER_RE = new RegExp(`^${GAP}*(?:${ROLE}${GAP}*[：:]${GAP}*)?${NAME}${GAP}+${POST}$`);
// A speaker line: the post first, the name after a wide gap (重庆市武隆区人民政府区长  左军).
const SPEAKER_RE = new RegExp(`^${GAP}*(${HAN}[^，。；：:;,]{1,30}?[长任记员])${GAP}{2,}${NAME}${GAP}*$`);

export interface MemberLine {
  readonly role: string | null;
  readonly name: string;
  readonly post: string;
  /** As printed: 陈清松 区政府副区长 (true) or 区长  左军 (false). */
  readonly nameFirst: boolean;
}

/**
 * An entry of a list of people (组 长：陈清松 区政府副区长; 冉应兰 区科技局副局长) or a speaker
 * line (重庆市武隆区人民政府区长  左军): the space between name and post is all that separates
 * them, so the reader keeps the entry on its own line and one space inside it.
 */
const squash = (s: string) => s.replace(/[ \u3000]+/g, '');

export function memberLine(text: string): MemberLine | null {
  const m = MEMBER_RE.exec(text);
  if (m) return { role: m[1] === undefined ? null : squash(m[1]), name: squash(m[2]!), post: m[3]!.trim(), nameFirst: true };
  const s = SPEAKER_RE.exec(text);
  return s ? { role: null, name: squash(s[2]!), post: s[1]!.trim(), nameFirst: false } : null;
}
