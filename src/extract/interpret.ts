/**
 * A draft 政策解读 of one document: 出台背景, 出台目的, 核心举措, 适用对象和范围, 执行标准, 关键词,
 * 专业名词 and, when a held predecessor is given, 新旧文件差异对比. No generative model: every item
 * is read from a clause of the document and carries that clause verbatim (`quote`) with the body
 * block it stands in (`paragraph`, the portal's #b<N> anchor), so a reader can check each sentence.
 * The item's `text` is the condensed statement (the 政务公开 rules forbid 以文件解读文件: no
 * headings pasted, parentheticals and filler dropped). A section with nothing to say is omitted.
 */
import type { OfficialDocument } from '../domain/types.js';
import { backgroundItems, purposeItems } from './interpret-basis.js';
import { diffDocuments } from './interpret-diff.js';
import { measureItems, scopeItems } from './interpret-measures.js';
import { standardItems } from './interpret-standards.js';
import { keywordItems, termItems, type WordCutter } from './interpret-terms.js';

export const SECTION_NAMES = ['出台背景', '出台目的', '核心举措', '适用对象和范围', '执行标准', '关键词', '专业名词', '新旧文件差异对比'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export interface InterpretItem {
  /** The statement, condensed from the quote (never longer than needed). */
  readonly text: string;
  /** The clause it was read from, verbatim. */
  readonly quote: string;
  /** Index of the body block holding the quote (a table's: the block it follows). */
  readonly paragraph: number;
  /** Set when the quote is from another document (a removed clause of the predecessor). */
  readonly docNumber?: string;
  /** 执行标准: the figure and its unit, as printed (8万元, 15%, 7个工作日). */
  readonly figure?: { readonly value: string; readonly unit: string; readonly kind: FigureKind };
  /** 新旧对比: what happened to the clause. */
  readonly change?: 'added' | 'removed' | 'changed';
}

export type FigureKind = '金额' | '比例' | '数量标准' | '期限' | '施行日期' | '有效期' | '时段';

export interface InterpretSection {
  readonly name: SectionName;
  readonly items: InterpretItem[];
}

export interface Interpretation {
  readonly docNumber: string | null;
  readonly documentId: string;
  readonly title: string;
  readonly sections: InterpretSection[];
  /** The held document compared in 新旧文件差异对比, when one was given. */
  readonly previous?: { readonly docNumber: string | null; readonly title: string };
}

export interface InterpretOptions {
  /** Word segmentation for 关键词 (the search Segmenter's cut); without it the section is omitted. */
  readonly cut?: WordCutter;
  /** The held document this one replaces or amends: adds 新旧文件差异对比. */
  readonly previous?: OfficialDocument;
}

/** Pure: the draft 解读 of a document. */
export function interpretDocument(doc: OfficialDocument, opts: InterpretOptions = {}): Interpretation {
  const sections: InterpretSection[] = [
    { name: '出台背景', items: backgroundItems(doc) },
    { name: '出台目的', items: purposeItems(doc) },
    { name: '核心举措', items: measureItems(doc) },
    { name: '适用对象和范围', items: scopeItems(doc) },
    { name: '执行标准', items: standardItems(doc) },
    { name: '关键词', items: opts.cut ? keywordItems(doc, opts.cut) : [] },
    { name: '专业名词', items: termItems(doc) },
    { name: '新旧文件差异对比', items: opts.previous ? diffDocuments(doc, opts.previous) : [] },
  ];
  return {
    docNumber: doc.docNumber, documentId: doc.id, title: doc.title, sections: sections.filter((s) => s.items.length > 0),
    ...(opts.previous ? { previous: { docNumber: opts.previous.docNumber, title: opts.previous.title } } : {}),
  };
}
