/**
 * Dates as web pages and reprints print them: 二○○四年 (U+25CB), 二OO六年 (the letter O),
 * 二0一三年 (the digit), 2024-04-06, 2024年04月06日 16:40, a signature with the signer's name
 * on the same line (自治区主席 陈 武 2016年12月6日), damaged ones (`{ 2017 6 23`), and the date
 * of a report given only in its subtitle (——2023年2月2日在…人民代表大会…上).
 */
import { parseChineseDate } from './markers.js';

const compact = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/** Fold the look-alikes of 〇 inside a Chinese-numeral date (○, O, o, 0, 零, Ｏ). */
export function foldDateZeros(s: string): string {
  return s.replace(/[一二三四五六七八九〇○OoＯ0零]{4}(?=年)/g, (y) => (/[一二三四五六七八九]/.test(y) ? y.replace(/[○OoＯ0零]/g, '〇') : y));
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Any date in a short text: Chinese (all zero forms), or digits with - / . separators. */
export function looseDate(text: string): string | null {
  const c = foldDateZeros(compact(text));
  const cn = parseChineseDate(c);
  if (cn) return cn;
  const m = /((?:19|20)\d\d)[-./年](\d{1,2})[-./月](\d{1,2})/.exec(c);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export interface DateLine {
  readonly date: string;
  /** Read from a damaged print (`{ 2017 6 23`): worth a clerk's look. */
  readonly damaged: boolean;
}

const DATE_ONLY = /^(?:(?:\d|[〇一二三四五六七八九]){4}年[\d〇零一二三四五六七八九十]{1,3}月[\d〇零一二三四五六七八九十]{1,3}日|(?:19|20)\d\d-\d{1,2}-\d{1,2})$/;
const SIGNER = /^(?:国务院)?(?:总理|副总理|省长|代省长|市长|代市长|县长|区长|州长|主席|自治区主席|部长|主任|局长)[\u4e00-\u9fa5·]{0,5}/;

/**
 * A signature date line: the date alone (trailing ???? and spaces from a bad extraction allowed),
 * or after the signer's title and name, or damaged to digits between spaces.
 */
export function signatureDate(line: string): DateLine | null {
  const c = foldDateZeros(compact(line).replace(/[?？]+$/, ''));
  if (DATE_ONLY.test(c)) {
    const d = looseDate(c);
    return d ? { date: d, damaged: false } : null;
  }
  const signed = SIGNER.exec(c);
  if (signed) {
    const rest = c.slice(signed[0].length);
    if (DATE_ONLY.test(rest)) {
      const d = looseDate(rest);
      if (d) return { date: d, damaged: false };
    }
  }
  // `{ 2017 6 23` — the 年月日 lost in extraction.
  const dmg = /^[{(（[]?\s*((?:19|20)\d\d)\s+(\d{1,2})\s+(\d{1,2})\s*[})）\]]?$/.exec(line.trim());
  if (dmg) {
    const d = iso(Number(dmg[1]), Number(dmg[2]), Number(dmg[3]));
    return d ? { date: d, damaged: true } : null;
  }
  return null;
}

/**
 * The date of a speech or a passed text, printed under its title: ——2023年2月2日在…人民代表大会…上,
 * 2019年3月2日在浮山县第十六届人民代表大会第四次会议上, 一九五五年二月十日国务院常务会议通过.
 */
export function subtitleDate(line: string): string | null {
  const c = foldDateZeros(compact(line)).replace(/^[—\-－(（]+/, '').replace(/[)）]$/, '');
  if (c.length > 60) return null;
  const m = /^((?:\d|[〇一二三四五六七八九]){4}年[\d〇零一二三四五六七八九十]{1,3}月[\d〇零一二三四五六七八九十]{1,3}日)(?:在.{2,40}(?:会议|大会)上|.{2,30}(?:会议|大会)(?:讨论)?(?:通过|批准))$/.exec(c);
  return m ? parseChineseDate(m[1]!) : null;
}
