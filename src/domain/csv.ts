/**
 * CSV as the office's spreadsheet opens it: UTF-8 with a BOM (Excel otherwise shows mojibake),
 * CRLF line ends, Chinese headers. One writer for the export, the cleanup report and the library.
 */
export const BOM = '\ufeff';

/** RFC 4180: quote a field when it holds a comma, quote or line break; double inner quotes. */
export function csvField(v: string | number | boolean | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: ReadonlyArray<string | number | boolean | null | undefined>): string => `${cells.map(csvField).join(',')}\r\n`;

/** A whole file: BOM, header, rows. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return BOM + csvLine(header) + rows.map(csvLine).join('');
}
