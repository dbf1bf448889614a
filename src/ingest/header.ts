/**
 * The 版头 and title area of one document: 发文机关标志 (…文件), 发文字号, 标题, 主送机关, and the
 * signature block (发文机关署名, 成文日期, 附注). Works on repaired paragraphs; `keys` are the same
 * paragraphs in simplified characters so traditional pages match the same patterns.
 */
import { normaliseDocNumber } from '../domain/doc-number.js';
import { headingMarker, isDateLine, kindOfTitle, parseChineseDate, publicityOf } from './markers.js';

export interface Header {
  /** 发文机关标志 paragraphs (the collapsed vertical one and the horizontal one may both appear). */
  readonly mastheads: number[];
  readonly docNumber: number | null;
  /** Paragraph indices that make up the title, in order. */
  readonly title: number[];
  readonly addressees: number | null;
}

const MASTHEAD = /^[\u4e00-\u9fa5（）()]{2,40}文件$/;
// Titles never carry sentence punctuation; 、《》“”（） may appear.
const TITLE_PART = /^[^。，；：:！？]{2,120}$/;
const HEADER_SPAN = 10;

/** 主送机关: a list of bodies ending with ：, not a lead-in sentence (为…，现通告如下：). */
function isAddressee(k: string): boolean {
  if (!/[：:]$/.test(k) || k.length > 150 || /[。；]/.test(k) || headingMarker(k)) return false;
  const parts = k.replace(/[：:]$/, '').split(/[，、,]/);
  if (parts.some((p) => p.length === 0 || p.length > 25) || /如下|^(为|根据|按照|经)/.test(k)) return false;
  return /^各/.test(k) || parts.length > 1 || /(单位|部门|政府|机关|委员会|办事处|公司|局|委)$/.test(parts[0]!);
}

/** Read the title area at the top; stops at the first paragraph of 正文. */
export function readHeader(keys: readonly string[]): Header {
  const mastheads: number[] = [];
  let docNumber: number | null = null;
  let title: number[] = [];
  let addressees: number | null = null;
  for (let i = 0; i < Math.min(keys.length, HEADER_SPAN); i++) {
    const k = keys[i]!;
    if (MASTHEAD.test(k)) mastheads.push(i);
    // Some issues print the 文号 in brackets under the title: （武隆府办〔2021〕18号）.
    else if (docNumber === null && normaliseDocNumber(k.replace(/^[（(](.+)[）)]$/, '$1'))) docNumber = i;
    else if (title.length === 0 && TITLE_PART.test(k) && !headingMarker(k)) {
      // Up to three parts (重庆市武隆区人民政府 / 关于印发…的通知) until one ends with a 文种.
      const parts: number[] = [];
      for (let j = i; j < Math.min(i + 3, keys.length) && TITLE_PART.test(keys[j]!); j++) {
        parts.push(j);
        if (kindOfTitle(keys[j]!)) break;
      }
      if (!kindOfTitle(keys[parts[parts.length - 1]!]!)) break;
      title = parts;
      i = parts[parts.length - 1]!;
    } else if (isAddressee(k)) {
      addressees = i;
      break;
    } else break;
  }
  return { mastheads, docNumber, title, addressees };
}

export interface Signature {
  readonly issuer: number | null;
  readonly date: number;
  readonly signedOn: string;
}

/** The first signature block after `from`: a date-only paragraph, the issuer line just above it. */
export function findSignature(keys: readonly string[], from: number): Signature | null {
  for (let i = from; i < keys.length; i++) {
    const k = keys[i]!;
    if (!isDateLine(k)) continue;
    const signedOn = parseChineseDate(k);
    if (!signedOn) continue;
    // The 附注 is sometimes printed between the issuer and the date (004_).
    const back = i - 1 > from && publicityOf(keys[i - 1]!) ? 2 : 1;
    const prev = i - back >= from ? keys[i - back]! : '';
    const issuer = prev && prev.length <= 60 && /^[^。，；：:]+$/.test(prev) && !headingMarker(prev) ? i - back : null;
    return { issuer, date: i, signedOn };
  }
  return null;
}

/** The 附注 (此件公开发布…) nearest after the signature (or anywhere when there is none). */
export function findPublicity(keys: readonly string[], from: number): number | null {
  for (let i = from; i < keys.length; i++) if (publicityOf(keys[i]!)) return i;
  return null;
}

/** The issuer (发文机关) printed at the head of a title: everything before 关于／印发／转发. */
export function issuerOfTitle(title: string): string | null {
  const m = /^(.{2,40}?)(关于|印发|转发)/.exec(title);
  if (m) return m[1]!;
  const r = /^(.{2,40}?(?:人民政府|政府)(?:办公室|办公厅)?)(?:工作)?报告$/.exec(title);
  return r ? r[1]! : null;
}
