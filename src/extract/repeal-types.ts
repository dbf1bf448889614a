/** What the repeal extractors report. */
import type { BodyBlock, Table } from '../domain/types.js';

/**
 * repeal: the target ceases in full; replace: a revised edition (修订稿) repeals its predecessor;
 * partial-repeal: only some articles cease (→ 部分失效); amend: the text is modified (→ 已修改);
 * noted-repealed: the document states that another one is already repealed (上位文件…已废止),
 * without repealing it itself.
 */
export type RepealKind = 'repeal' | 'replace' | 'partial-repeal' | 'amend' | 'noted-repealed';

export interface RepealTarget {
  readonly docNumber: string | null;
  readonly title: string | null;
}

export interface RepealEvent {
  readonly kind: RepealKind;
  /** The document doing the repealing (or stating the repeal). */
  readonly repealingId: string;
  readonly repealingDocNumber: string | null;
  /** Body block of the sentence, or the block a list/table follows. */
  readonly block: number | null;
  /** The sentence, list item or table row as printed (whitespace damage removed). */
  readonly quote: string;
  /** The repealing document's stated effective date, else its 成文日期. */
  readonly date: string | null;
  readonly reason: string | null;
  readonly target: RepealTarget;
  readonly source: 'clause' | 'list' | 'table';
}

/** The parts of an OfficialDocument the extractors read. */
export interface RepealSource {
  readonly id: string;
  readonly docNumber: string | null;
  readonly title: string;
  readonly signedOn: string | null;
  /** The repealing body: completes a short 令 issuer (省政府令第114号) in its list. */
  readonly issuer?: string | null;
  readonly body: readonly BodyBlock[];
  readonly tables: readonly Table[];
}

/** One key per target, for de-duplication: the 文号 when known, else the title. */
export function targetKey(t: RepealTarget): string {
  return t.docNumber ? `ref:${t.docNumber}` : `ref:《${t.title ?? ''}》`;
}
