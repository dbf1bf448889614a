/** `gongbao export`: every stored document, as JSON lines (full) or CSV (metadata). */
import { createWriteStream, openSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { BOM, csvField, csvLine } from '../../domain/csv.js';
import { UserError } from '../../domain/errors.js';
import { openStore } from '../../store/factory.js';
import { publishedStore } from '../../store/published.js';
import type { DocumentSummary, Store } from '../../store/store.js';

export { csvField };

/** Columns and their Chinese headers (the office's spreadsheet reads the headers). */
const CSV_COLUMNS = [
  ['id', '编号'], ['docNumber', '发文字号'], ['title', '标题'], ['issuer', '发文机关'], ['kind', '文种'],
  ['signedOn', '成文日期'], ['status', '效力状态'], ['issueId', '公报期次'],
] as const;

export const csvRow = (d: DocumentSummary): string => csvLine(CSV_COLUMNS.map(([c]) => d[c]));

const FORMATS = ['jsonl', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** --format wins; otherwise the --out file's extension (x.csv → csv, x.jsonl/x.json → jsonl); else jsonl. */
export function exportFormat(format: string | undefined, out: string | undefined): Format {
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new UserError(`--format must be jsonl or csv, got "${format}"`);
    return format as Format;
  }
  const ext = out ? extname(out).toLowerCase() : '';
  return ext === '.csv' ? 'csv' : 'jsonl';
}

/** Open --out now, so a missing directory or a read-only place is one line, not a stack trace. */
function openOut(path: string): Writable {
  try {
    return createWriteStream('', { fd: openSync(path, 'w') });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? `no such directory ${dirname(resolve(path))}` : e.code === 'EISDIR' ? 'is a directory' : e.code === 'EACCES' ? 'permission denied' : e.message;
    throw new UserError(`--out ${path}: ${why}`);
  }
}

async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await new Promise((r) => out.once('drain', r));
}

async function exportCsv(store: Store, out: Writable): Promise<number> {
  // BOM: spreadsheet programs otherwise misread UTF-8 Chinese.
  await write(out, BOM + csvLine(CSV_COLUMNS.map(([, zh]) => zh)));
  let n = 0;
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDocuments({ sort: 'signedOn', limit: 1000, offset });
    for (const d of page.items) await write(out, csvRow(d));
    n += page.items.length;
    if (page.items.length < 1000) return n;
  }
}

async function exportJsonl(store: Store, out: Writable): Promise<number> {
  let n = 0;
  for await (const d of store.allDocuments()) {
    await write(out, `${JSON.stringify({ ...d, status: (await store.getStatus(d.id))?.status ?? null })}\n`);
    n++;
  }
  return n;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('dump every stored document: JSON lines (full documents) or CSV (one metadata row each)')
    .option('--format <format>', 'jsonl or csv (default: from the --out extension, else jsonl)')
    .option('--out <file>', 'write to this file instead of standard output (x.csv writes CSV)')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (opts: { format?: string; out?: string; db?: string }) => {
      const format = exportFormat(opts.format, opts.out);
      const store = publishedStore(await openStore({ db: opts.db }));
      try {
        const out: Writable = opts.out ? openOut(opts.out) : process.stdout;
        const n = format === 'csv' ? await exportCsv(store, out) : await exportJsonl(store, out);
        if (opts.out) {
          out.end();
          await finished(out);
          process.stderr.write(`${n} documents written to ${opts.out}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
