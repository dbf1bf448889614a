/** The cleanup report as Markdown (for the clerk) or CSV (for the spreadsheet the office keeps). */
import { csvDocument } from '../domain/csv.js';
import type { CleanupReport, CleanupRow } from './cleanup.js';

export const SECTIONS: ReadonlyArray<[keyof Omit<CleanupReport, 'at'>, string]> = [
  ['expired', '已失效（有效期届满）'],
  ['expiringSoon', '90日内到期'],
  ['repealed', '已废止'],
  ['noValidityClause', '未载明施行日期或有效期'],
  ['citesRepealed', '仍引用已废止文件的现行文件'],
];

/** 是 / 否 / 未知 (a document known only by reference has not been read). */
export const normativeWord = (n: boolean | null) => (n === null ? '未知' : n ? '是' : '否');

const cell = (s: string | null) => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function toMarkdown(r: CleanupReport): string {
  const out = [`# 规范性文件清理报告（截至${r.at}）`, ''];
  for (const [key, label] of SECTIONS) {
    const rows: CleanupRow[] = r[key];
    out.push(`## ${label}（${rows.length}件）`, '');
    if (rows.length === 0) {
      out.push('无', '');
      continue;
    }
    out.push('| 文号 | 标题 | 状态 | 起始日期 | 说明 | 规范性文件 | 判断依据 |', '|---|---|---|---|---|---|---|');
    for (const row of rows) {
      out.push(`| ${cell(row.docNumber)} | ${cell(row.title)} | ${row.status} | ${row.since ?? ''} | ${cell(row.detail)} | ${normativeWord(row.normative)} | ${cell(row.normativeReasons.join('；'))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

const CSV_HEADER = ['类别', '发文字号', '标题', '效力状态', '状态日期', '说明', '规范性文件', '判断依据'];

/** One row per document and section, the section by its Chinese name; BOM and CRLF for spreadsheets. */
export function toCsv(r: CleanupReport): string {
  const rows = SECTIONS.flatMap(([key, label]) =>
    r[key].map((row) => [label, row.docNumber, row.title, row.status, row.since, row.detail, normativeWord(row.normative), row.normativeReasons.join('；')]),
  );
  return csvDocument(CSV_HEADER, rows);
}
