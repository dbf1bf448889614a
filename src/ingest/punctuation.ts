/**
 * Character-level repairs inside one paragraph: stray spaces from extraction (刘 印, 7 个以上,
 * 法 追 究 刑 事 责 任) and half-width punctuation blocks (003_: , ; : ( ) between Chinese
 * text). Numbers keep their own punctuation: 1.5, 3,000, 18:00.
 */
import { memberLine } from './markers.js';

// CJK ideographs plus full-width punctuation and the quotes printed full-width.
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f“”‘’—…·';
const CJK_CHAR = new RegExp(`[${CJK}]`);

/**
 * Remove spaces that extraction put inside Chinese text: between two CJK characters, or between
 * a CJK character and a number. Runs of 3+ spaces are column gaps (two names side by side on a
 * signature line) and become one space. The space after 第一条 / 第一章 is kept, as printed.
 */
export function removeStraySpaces(text: string): string {
  const t = text.replace(/\u3000/g, ' ').trim();
  return t.replace(/(\S)([ \t]+)(?=(\S))/g, (whole, a: string, gap: string, b: string, offset: number) => {
    const cjkA = CJK_CHAR.test(a);
    const cjkB = CJK_CHAR.test(b);
    if (!cjkA && !cjkB) return whole;
    if (gap.length >= 3) return `${a} `;
    // Keep a leading section number apart from its heading line: 1.1 编制目的 (not 7 个以上，…).
    if (/^\d+(?:\.\d+)*$/.test(t.slice(0, offset + 1)) && t.length <= 40 && !/[，。；]/.test(t) && !/[万亿千百个元年月日天人户家项处米吨倍%]/.test(b)) return whole;
    // Keep 第一条 正文 / 第一章 总则 apart.
    const before = t.slice(Math.max(0, offset - 8), offset + 1);
    if (/第[一二三四五六七八九十百零〇\d]+[章节条]$/.test(before)) return whole;
    const digitSide = (cjkA && /[\d%A-Za-z]/.test(b)) || (cjkB && /[\d%A-Za-z]/.test(a));
    return cjkA && cjkB ? a : digitSide ? a : whole;
  });
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/**
 * Half-width , ; : ? ! next to Chinese text become full-width; ( ) pairs become （ ） when they
 * enclose Chinese text or a list number at the start of a heading. Digit,digit and digit:digit
 * (3,000 and 18:00) are left alone.
 */
export function normalisePunctuation(text: string): string {
  let s = text.replace(/[,;:?!]/g, (c, i: number) => {
    const prev = text[i - 1] ?? '';
    const next = text[i + 1] ?? '';
    if (/\d/.test(prev) && /\d/.test(next)) return c;
    if (c === ':' && next === '/') return c; // URLs
    return CJK_CHAR.test(prev) || CJK_CHAR.test(next) ? HALF_TO_FULL[c]! : c;
  });
  s = s.replace(/\(([^()]{0,80})\)/g, (whole, inner: string, i: number) => {
    const after = s.slice(i + whole.length).trimStart()[0] ?? '';
    const encloses = CJK_CHAR.test(inner);
    const listNumber = /^\s*[\d一二三四五六七八九十]{1,3}\s*$/.test(inner) && (i === 0 || /\s/.test(s[i - 1]!)) && CJK_CHAR.test(after);
    if (!encloses && !listNumber) return whole;
    // A list number's following space goes with it: (1) 切实 → （1）切实.
    return `（${inner.trim()}）`;
  });
  // A bracket whose partner was cut off by a line or page break: （街\n\n道) → （街道）.
  s = s.replace(/(?<=[\u4e00-\u9fa5])\)/g, '）').replace(/\((?=[\u4e00-\u9fa5])/g, '（');
  return s;
}

const ROMAN: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ', V: 'Ⅴ' };

/**
 * Response and warning grades are printed both ways in one document (Ⅰ级 and I级, 002_ 预案);
 * Latin letters before 级/类 become the Roman numeral characters so one search finds both.
 */
export function normaliseRomanGrades(text: string): string {
  return text.replace(/(?<![A-Za-z])(IV|V|I{1,3})(?=\s*[级类])/g, (r: string) => ROMAN[r]!);
}

/** All repairs: punctuation first, so the space repair sees the full-width brackets. */
export function repairText(text: string): string {
  // 组 长：陈清松 区政府副区长: the one space left is what tells the name from the post.
  const m = memberLine(text);
  if (m) return `${m.role ? `${m.role}：` : ''}${m.nameFirst ? `${m.name} ${repairText(m.post)}` : `${repairText(m.post)} ${m.name}`}`;
  return normaliseRomanGrades(removeStraySpaces(normalisePunctuation(text)));
}
