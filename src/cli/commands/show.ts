/** `gongbao show <文号|id>`: one document, readable or as JSON. */
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import type { OfficialDocument } from '../../domain/types.js';
import { openStore } from '../../store/factory.js';
import { publishedStore } from '../../store/published.js';
import type { StoredStatus } from '../../store/store.js';
import { lookupDocNumber } from '../../server/views/lookup.js';
import { renderLookup } from './search.js';

const INDENT = ['', '', '  ', '    ', '      ', '        '];

export function renderDocument(d: OfficialDocument, status: StoredStatus | null): string {
  const out: string[] = [d.title, ''];
  const field = (name: string, v: string | null | undefined) => v && out.push(`${name}：${v}`);
  field('文号', d.docNumber);
  field('发文机关', d.issuer);
  field('文种', d.kind);
  field('成文日期', d.signedOn);
  field('主送机关', d.addressees);
  field('公开属性', d.publicity);
  field('状态', status ? `${status.status}${status.since ? `（自${status.since}）` : ''}` : null);
  field('页码', d.pages ? `${d.pages.from}–${d.pages.to}` : null);
  field('编号', d.id);
  out.push('');
  d.body.forEach((b, i) => {
    out.push(`${INDENT[Math.min(b.level, 5)]}${b.text}`);
    for (const t of d.tables.filter((t) => t.afterBlock === i)) {
      if (t.title) out.push('', `  ${t.title}`);
      for (const row of [t.header, ...t.rows]) out.push(`  | ${row.join(' | ')} |`);
      out.push('');
    }
  });
  if (d.attachments.length) out.push('', '附件：', ...d.attachments.map((a) => `  ${a.number}. ${a.title}${a.omitted ? '（略）' : ''}`));
  if (d.cites.length) out.push('', '引用：', ...d.cites.map((c) => `  ${c.raw}`));
  if (d.warnings.length) out.push('', '提示：', ...d.warnings.map((w) => `  ! ${w.code}: ${w.message}`));
  return out.join('\n');
}

export function registerShow(program: Command): void {
  program
    .command('show <key>')
    .description('print one stored document, by 文号 (any bracket style) or id')
    .option('--json', 'print the document as JSON (the parse contract)')
    .option('--unmasked', 'for editors: the stored text as printed, personal data included (published text masks it)')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (key: string, opts: { json?: boolean; unmasked?: boolean; db?: string }) => {
      const stored = await openStore({ db: opts.db });
      const store = opts.unmasked ? stored : publishedStore(stored);
      try {
        let doc = await store.getDocument(key);
        // Not a spelling of a stored 文号: the 目录's variant of one, or a document known by reference.
        const found = doc ? null : await lookupDocNumber(store, key);
        if (found?.held) doc = await store.getDocument(found.id);
        if (found && !found.held && !opts.json) return void process.stdout.write(`${renderLookup(found)}\n`);
        if (!doc) throw new UserError(`no stored document has the 文号 or id "${key}" (try: gongbao search "${key}")`);
        const status = await store.getStatus(doc.id);
        if (found?.note) process.stderr.write(`${found.note}\n`);
        process.stdout.write(opts.json ? `${JSON.stringify(doc, null, 2)}\n` : `${renderDocument(doc, status)}\n`);
      } finally {
        await store.close();
      }
    });
}
