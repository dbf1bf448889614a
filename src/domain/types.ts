/**
 * The domain vocabulary shared by every layer. Dependencies point one way:
 * domain ← ingest/extract ← store/search/status ← server/cli.
 * Field names follow the JSON contract of `gongbao parse --json`.
 */

/** The 15 文种 of 《党政机关公文处理工作条例》, plus 报告 for the 政府工作报告 without a masthead. */
export const DOC_KINDS = [
  '决议', '决定', '命令', '令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要',
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** 附注 — the publicity note. */
export type Publicity = '此件公开发布' | '此件依申请公开' | '此件不予公开';

export interface Warning {
  /** Stable machine code, e.g. `index-docnumber-mismatch`, `contents-missing-document`. */
  readonly code: string;
  readonly message: string;
}

/**
 * One block of 正文. level 0 = plain paragraph; 1 = 一、; 2 = （一）; 3 = 1.／1．; 4 = （1）; 5 = ①.
 * `text` is the whole paragraph as repaired (marker included) so nothing is lost; `heading` is the
 * run-in heading phrase when the block opens a section (e.g. 禁火时间 in 一、禁火时间：…).
 */
export interface BodyBlock {
  readonly level: number;
  readonly marker?: string;
  readonly heading?: string;
  readonly text: string;
  /** Set when the block belongs to an attachment (1-based attachment number). */
  readonly attachment?: number;
}

export interface Table {
  /** Caption printed above the table, when any. */
  readonly title?: string;
  readonly header: string[];
  readonly rows: string[][];
  /** How the table reached us in the extracted text. */
  readonly source: 'tab' | 'markdown' | 'html' | 'text';
  /** Index of the body block the table follows. */
  readonly afterBlock: number;
}

export interface Attachment {
  readonly number: number;
  readonly title: string;
  /** 附件 given only as （略）: the text was not printed. */
  readonly omitted: boolean;
}

/** A reference from one document to another: by 文号, by 《title》, or both. */
export interface Citation {
  readonly docNumber: string | null;
  readonly title: string | null;
  /** As printed, e.g. 《…》（武隆府发〔2019〕22号）. */
  readonly raw: string;
  /** Index into body[] of the block carrying the citation. */
  readonly block: number;
}

/** One official document (公文) as printed in an issue: the GB/T 9704-2012 elements. */
export interface OfficialDocument {
  /** Stable key: the canonical 文号 when there is one, else `doc-<hash>`. */
  readonly id: string;
  readonly docNumber: string | null;
  /** Full official title as printed, issuer included. */
  readonly title: string;
  readonly issuer: string | null;
  readonly kind: DocKind | null;
  /** 主送机关, as printed without the closing colon. */
  readonly addressees: string | null;
  /** 成文日期, YYYY-MM-DD. */
  readonly signedOn: string | null;
  readonly publicity: Publicity | null;
  readonly attachments: Attachment[];
  readonly body: BodyBlock[];
  readonly tables: Table[];
  readonly cites: Citation[];
  readonly warnings: Warning[];
  /** The repaired text of the whole document (what search indexes). */
  readonly text: string;
  /** Simplified-character form of `text` when the document has traditional pages; else absent. */
  readonly simplifiedText?: string;
  /** The extracted text as it stood, artefacts included, for the "original" view. */
  readonly originalText: string;
  /** Printed page range in the issue, when known. */
  readonly pages?: { readonly from: number; readonly to: number };
  /**
   * The year the document belongs to when nothing printed gives one (no date, no 文号): declared
   * by the publisher in a sidecar file (see src/ingest/declared.ts), never guessed.
   */
  readonly declaredYear?: number;
  /**
   * How sure the reader is of the 文号, title and 成文日期 (0–1), for documents read off a page
   * rather than a gazette's header: printed and whole 1, from a page heading or a site's metadata
   * 0.7–0.8, repaired from a damaged print 0.4, not found 0–0.6. Below REVIEW_THRESHOLD a field is
   * listed for an editor to check (待核对).
   */
  readonly confidence?: FieldConfidence;
}

export interface FieldConfidence {
  readonly docNumber: number;
  readonly title: number;
  readonly signedOn: number;
}

export interface ContentsEntry {
  readonly title: string;
  readonly docNumber: string | null;
  readonly page: number | null;
  /** 目录 group heading, e.g. 重庆市武隆区人民政府办公室文件. */
  readonly group?: string;
}

export interface IndexEntry {
  readonly title: string;
  readonly docNumber: string | null;
}

export interface GazetteIssue {
  /** e.g. 重庆市武隆区人民政府公报 */
  readonly title: string;
  readonly year: number | null;
  /** 期号 within the year. */
  readonly number: number | null;
  /** 总第N期 */
  readonly totalNumber: number | null;
  readonly publishedOn: string | null;
  /** The issue's own 目录. */
  readonly contents: ContentsEntry[];
  /** 主要文件目录 (文件检索/文件索引). */
  readonly index: IndexEntry[];
}

/** A piece of input dropped as an extraction artefact (page number, running header, jump marker…). */
export interface Artefact {
  readonly kind: 'page-number' | 'running-header' | 'jump-marker' | 'masthead' | 'blank' | 'other';
  readonly text: string;
  /** 1-based line in the decoded input. */
  readonly line: number;
}

/** A document we know only by reference (listed in an index or cited), not printed in the issue. */
export interface ReferencedDocument {
  readonly docNumber: string | null;
  readonly title: string | null;
  readonly source: 'index' | 'citation';
}

export interface SourceInfo {
  readonly file: string;
  /** Of the file's bytes, followed by its sidecar's when there is one (a corrected sidecar is a new edition). */
  readonly sha256: string;
  readonly encoding: string;
  readonly bytes: number;
  /** Facts the text does not print, as declared in `<file>.meta.json`. */
  readonly declared?: DeclaredFacts;
}

export interface DeclaredFacts {
  /** The year of a publication that prints none (001_: the 2024 report's plans part). */
  readonly year?: number;
  /** Where the facts come from, in words (kept with the edition for provenance). */
  readonly note?: string;
  /** From a web page's metadata block (索引号 / 文号 / 成文日期 / 有效性 … lines), as printed there. */
  readonly docNumber?: string;
  readonly title?: string;
  readonly issuer?: string;
  readonly writtenDate?: string;
  readonly issuedDate?: string;
  readonly publishedDate?: string;
  /** 有效性 as the site states it: 有效, 已失效, 现行有效… */
  readonly validity?: string;
  readonly effectiveDate?: string;
  /** 废止时间 / 失效日期. */
  readonly repealDate?: string;
  readonly indexNumber?: string;
}

export interface ParseResult {
  readonly source: SourceInfo;
  readonly issue: GazetteIssue | null;
  readonly documents: OfficialDocument[];
  readonly references: ReferencedDocument[];
  /** Cover, 目录, 编辑委员会 and other issue text that belongs to no document. */
  readonly frontMatter: string;
  readonly discarded: Artefact[];
  readonly warnings: Warning[];
}

/** Statuses used by public 规范性文件 databases. */
export const LEGAL_STATUSES = ['现行有效', '尚未施行', '已废止', '已失效', '已修改', '部分失效', '未知'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
