/**
 * One folding function applied to both indexed text and queries, so that variants a user cannot
 * see (traditional vs simplified, full- vs half-width, [] vs 〔〕 around a 文号 year, the line
 * breaks that narrow columns leave inside words) never decide whether a document is found.
 */
import { toSimplified } from '../ingest/traditional.js';

// Full-width letters and digits only: full-width punctuation （，：） is how Chinese is printed.
const FULLWIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
// Only brackets around a 4-digit year are 文号 brackets; （一） and (1) stay as printed.
const YEAR_BRACKETS = /[[［(（【〖〔]\s*((?:19|20)\d\d)\s*[\]］)）】〗〕]/g;
// Whitespace between two CJK / digit / CJK-punctuation characters is an extraction artefact.
const JOINABLE = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff08\\uff09\\uff0c\\uff1a\\uff1b\\u201c\\u201d\\d';
const INNER_SPACE = new RegExp(`(?<=[${JOINABLE}])[\\s\\u3000]+(?=[${JOINABLE}])`, 'g');
const DIGITS_SPACE = /(?<=\d)[\s\u3000]+(?=\d)/;

/** Fold text for indexing and matching. Idempotent: fold(fold(x)) === fold(x). */
export function fold(text: string): string {
  const simplified = toSimplified(text)
    .replace(FULLWIDTH_ALNUM, (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(YEAR_BRACKETS, '〔$1〕')
    .replace(/[號]/g, '号');
  return simplified.replace(INNER_SPACE, (ws: string, offset: number, all: string) =>
    // Two numbers separated by a space are two numbers: keep one space between them.
    DIGITS_SPACE.test(all.slice(Math.max(0, offset - 1), offset + ws.length + 1)) ? ' ' : '',
  );
}

/** Fold a short string that is compared case-insensitively (titles, terms). */
export function foldTerm(text: string): string {
  return fold(text).toLowerCase();
}
