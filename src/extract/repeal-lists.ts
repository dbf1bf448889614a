/**
 * The targets of a 关于废止…的决定 printed as a table (序号 / 文件名称 / 文件号 / 废止理由) or as a
 * numbered list (1. 标题（文号）) in its attachment 废止的…文件目录.
 */
import { findDocNumbers, formatDocNumber, normaliseDocNumber } from '../domain/doc-number.js';
import type { BodyBlock, Table } from '../domain/types.js';
import type { RepealTarget } from './repeal-types.js';
import { compact, compactBlock } from './text.js';

export interface ListedTarget {
  readonly target: RepealTarget;
  readonly reason: string | null;
  readonly quote: string;
  readonly block: number | null;
  readonly source: 'list' | 'table';
  /** Documents the reason says are already repealed (上位文件渝府办发〔2018〕109号已废止). */
  readonly notedRepealed: string[];
}

const col = (header: readonly string[], re: RegExp) => header.findIndex((h) => re.test(compact(h)));
const unquote = (t: string) => t.replace(/^《|》$/g, '').trim();

/** Rows of every table whose header names the document (文件名称 / 文件号). */
export function tableTargets(tables: readonly Table[]): ListedTarget[] {
  const out: ListedTarget[] = [];
  for (const t of tables) {
    const nameCol = col(t.header, /名称|标题|文件名/);
    const numCol = col(t.header, /文件号|文号|发文字号|字号/);
    const reasonCol = col(t.header, /理由|原因|依据/);
    if (nameCol < 0 && numCol < 0) continue;
    for (const row of t.rows) {
      const cells = row.map(compact);
      const rowText = cells.join('');
      const numbers = findDocNumbers(numCol >= 0 ? (cells[numCol] ?? '') : rowText);
      const docNumber = normaliseDocNumber(cells[numCol] ?? '') ?? (numbers[0] ? formatDocNumber(numbers[0].docNumber) : null);
      const title = nameCol >= 0 && cells[nameCol] ? unquote(cells[nameCol]) : null;
      if (!docNumber && !title) continue;
      const reason = reasonCol >= 0 && cells[reasonCol] ? cells[reasonCol] : null;
      out.push({
        target: { docNumber, title },
        reason,
        quote: cells.filter((c) => c !== '').join(' '),
        block: t.afterBlock,
        source: 'table',
        notedRepealed: reason ? notedRepealed(reason) : [],
      });
    }
  }
  return out;
}

/** 文号 named as already repealed/expired in a reason: 上位文件渝府办发〔2018〕109号已废止. */
export function notedRepealed(reason: string): string[] {
  const text = compact(reason);
  if (!/已(被)?(废止|失效|撤销)/.test(text)) return [];
  // doc-number.ts does not trim 上位文件 from the agency code (reported); strip it here.
  return findDocNumbers(text).map((m) => formatDocNumber({ ...m.docNumber, agency: m.docNumber.agency.replace(/^.*?(?:上位|上级)?文件/, '') }));
}

const ITEM = /^(?:[-•·]\s*)?(\d{1,3})\s*[.．、]\s*/;
const CAPTION = /废止的.*(目录|清单)|(目录|清单)$/;
const DOC_TITLE_END = /(通知|意见|办法|决定|通告|公告|方案|规定|细则|批复|函|计划|规划|意见)$/;

/**
 * Numbered items after the caption (废止的区政府文件目录) or inside an attachment. An item whose
 * 文号 was cut off keeps its title; a fragment without its number keeps its 文号.
 */
export function listTargets(body: readonly BodyBlock[]): ListedTarget[] {
  const out: ListedTarget[] = [];
  let inList = false;
  body.forEach((b, i) => {
    const text = compactBlock(b);
    if (CAPTION.test(text) && !/^附件[:：]/.test(text)) {
      inList = true;
      return;
    }
    if (!inList && b.attachment === undefined) return;
    for (const line of splitItems(text)) {
      const numbered = ITEM.test(line) || (b.marker !== undefined && /\d/.test(b.marker));
      const item = line.replace(ITEM, '');
      const nums = findDocNumbers(item);
      if (nums.length === 0) {
        // 文号 lost at a page break: the title alone still identifies the document.
        const title = item.replace(/[（(][^（）()]*$/, '');
        if (numbered && DOC_TITLE_END.test(title)) out.push(listed({ docNumber: null, title }, line, i));
        continue;
      }
      let from = 0;
      for (const n of nums) {
        // Each 文号 takes the text since the previous one as its title: a fragment glued on from
        // another item (的通知（…124号）) is too short to be one and stays untitled.
        const before = item.slice(from, n.start).replace(/^\s*[）)]\s*/, '').replace(/[（(]\s*$/, '');
        const title = (numbered || from > 0) && DOC_TITLE_END.test(before) && !/^的/.test(before) && before.length >= 8 ? unquote(before) : null;
        out.push(listed({ docNumber: formatDocNumber(n.docNumber), title }, line, i));
        from = n.end;
      }
    }
  });
  return out;
}

/** A block may hold several items when the list lost its line breaks: split before each "N. ". */
function splitItems(text: string): string[] {
  return text.split(/(?<=[）)])(?=\d{1,3}[.．、])/).filter((s) => s !== '');
}

function listed(target: RepealTarget, quote: string, block: number): ListedTarget {
  return { target, reason: null, quote, block, source: 'list', notedRepealed: [] };
}
