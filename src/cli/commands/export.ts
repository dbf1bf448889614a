/** `gongbao export`: every stored document, as JSON lines (full) or CSV (metadata). */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { openStore } from '../../store/factory.js';
import { publishedStore } from '../../store/published.js';
import type { DocumentSummary, Store } from '../../store/store.js';

const CSV_COLUMNS = ['id', 'docNumber', 'title', 'issuer', 'kind', 'signedOn', 'status', 'issueId'] as const;

/** RFC 4180: quote a field when it holds a comma, quote or line break; double inner quotes. */
export function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(d: DocumentSummary): string {
  return CSV_COLUMNS.map((c) => csvField(d[c])).join(',');
}

async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await new Promise((r) => out.once('drain', r));
}

async function exportCsv(store: Store, out: Writable): Promise<number> {
  // BOM: spreadsheet programs otherwise misread UTF-8 Chinese.
  await write(out, `\ufeff${CSV_COLUMNS.join(',')}\r\n`);
  let n = 0;
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDocuments({ sort: 'signedOn', limit: 1000, offset });
    for (const d of page.items) await write(out, `${csvRow(d)}\r\n`);
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
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (opts: { format: string; out?: string; db?: string }) => {
      if (opts.format !== 'jsonl' && opts.format !== 'csv') throw new UserError(`--format must be jsonl or csv, got "${opts.format}"`);
      const store = publishedStore(await openStore({ db: opts.db }));
      const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
      try {
        const n = opts.format === 'csv' ? await exportCsv(store, out) : await exportJsonl(store, out);
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
