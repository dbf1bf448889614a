/**
 * `gongbao verify`: the 待核对 list — every field the reader is unsure of (a 文号 not found or
 * repaired from a damaged print, a title taken from a page's metadata, a date not printed), for an
 * editor to check against the original. Reads the store, or parses files given on the line.
 */
import type { Command } from 'commander';
import { reviewItems, type ReviewItem } from '../../domain/review.js';
import { parseFile } from '../../ingest/index.js';
import { openStore } from '../../store/factory.js';

export function renderReview(items: readonly ReviewItem[]): string {
  if (items.length === 0) return '待核对：无 (nothing to check)';
  const out = [`待核对 ${items.length} 项`];
  let last = '';
  for (const it of items) {
    if (it.documentId !== last) out.push('', `${it.title || '（无标题）'}  [${it.documentId}]`);
    last = it.documentId;
    out.push(`  ? ${it.message}`);
  }
  return out.join('\n');
}

export function registerVerify(program: Command): void {
  program
    .command('verify [files...]')
    .description('list the fields to check (待核对): 文号, titles and dates the reader is unsure of — in the store, or in the files given')
    .option('--json', 'print the items as JSON')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (files: string[], opts: { json?: boolean; db?: string }) => {
      const items: ReviewItem[] = [];
      if (files.length > 0) {
        for (const f of files) for (const d of (await parseFile(f)).documents) items.push(...reviewItems(d));
      } else {
        const store = await openStore({ db: opts.db });
        try {
          for await (const d of store.allDocuments()) items.push(...reviewItems(d));
        } finally {
          await store.close();
        }
      }
      process.stdout.write(opts.json ? `${JSON.stringify(items, null, 2)}\n` : `${renderReview(items)}\n`);
    });
}
