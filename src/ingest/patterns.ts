/** Line shapes the issue splitter recognises. One place, so every stage agrees on them. */
import { parseDocNumber } from '../domain/doc-number.js';

const compact = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/** 发文机关标志: 重庆市武隆区人民政府文件, …办公室文件 (also letter-spaced). */
export function isMasthead(line: string): boolean {
  return /^[\u4e00-\u9fa5、]{2,40}(人民政府|政府|办公室|办公厅|委员会|局)文件$/.test(compact(line));
}

/** Headings that open the index (主要文件目录). */
export function isIndexHeading(line: string): boolean {
  const c = compact(line).replace(/[|｜\-.…·]+/g, '');
  return /^(文件检索|文件索引)$/.test(c) || /主要文件目录\d*$/.test(c);
}

export const JUMP_MARKER = /[（(]\s*(下\s*[转轉接]|上\s*接)\s*第\s*(\d{1,3})\s*[页頁]\s*[）)]/g;

export interface JumpMarker {
  readonly direction: 'out' | 'in';
  readonly page: number;
  readonly text: string;
}

export function jumpMarkers(line: string): JumpMarker[] {
  return [...line.matchAll(JUMP_MARKER)].map((m) => ({
    direction: /上/.test(m[1]!) ? 'in' : 'out',
    page: Number(m[2]),
    text: m[0],
  }));
}

/** Page numbers printed as ·4·, - 4 -, — 4 —. */
export function isPageNumber(line: string): boolean {
  return /^[\s\u3000]*[·•\-—－]\s*\d{1,3}\s*[·•\-—－][\s\u3000]*$/.test(line);
}

export function isPublicityNote(line: string): boolean {
  return /^[（(]此件(公开发布|依申请公开|不予公开)[）)]$/.test(compact(line));
}

export function isDateLine(line: string): boolean {
  return /^(\d{4}|[〇○零一二三四五六七八九]{4})年[\d〇○零一二三四五六七八九十]{1,3}月[\d〇○零一二三四五六七八九十]{1,3}日$/.test(compact(line));
}

/** A line that is only a 文号, bare or in parentheses: the anchor of a document's header. */
export function docNumberLine(line: string): string | null {
  const c = compact(line).replace(/^[（(]/, '').replace(/[）)]$/, '');
  if (c.length > 24) return null;
  return parseDocNumber(c) ? c : null;
}

/** A line that can open a document title: it starts with an issuing organ. */
export function startsWithIssuer(line: string): boolean {
  return /^[\u4e00-\u9fa5]{2,20}?(人民政府|政府)(办公室|办公厅)?/.test(compact(line)) && !isMasthead(line);
}

/** A piece of a title as printed: no sentence punctuation, not a date line or 附注. */
export function isTitleFragment(text: string): boolean {
  const c = compact(text);
  return c.length > 0 && !/[：:，。；;<>]/.test(c) && !isDateLine(c) && !isPublicityNote(c);
}

/** Ends like a sentence: titles and mastheads never do. */
export function endsSentence(line: string): boolean {
  return /[。；：！？!?;:]\s*$/.test(line);
}

export function isBlank(line: string): boolean {
  return compact(line) === '';
}

export { compact };
