/**
 * `gongbao interpret <文号> [--json]`: the draft 解读 of a stored document, each item with the
 * clause it comes from and its paragraph (#b<N> on the document page).
 */
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import type { Interpretation } from '../../extract/interpret.js';
import { draftInterpretation } from '../../status/drafts.js';
import { openStore } from '../../store/factory.js';
import { publishedStore } from '../../store/published.js';

/** The JSON contract: {docNumber, sections: [{name, items: [{text, quote, paragraph}]}]} (plus optional item fields). */
export function interpretationJson(r: Interpretation): object {
  return { docNumber: r.docNumber, title: r.title, sections: r.sections };
}

export function renderInterpretation(r: Interpretation): string {
  const out = [`${r.title}${r.docNumber ? `（${r.docNumber}）` : ''} 政策解读（草稿）`, ''];
  for (const s of r.sections) {
    out.push(`【${s.name}】`);
    for (const i of s.items) out.push(`  · ${i.text}`, `    原文（第${i.paragraph + 1}段${i.docNumber ? `，${i.docNumber}` : ''}）：${i.quote}`);
    out.push('');
  }
  return out.join('\n');
}

export function registerInterpret(program: Command): void {
  program
    .command('interpret <document>')
    .description('draft the 政策解读 of a stored document (出台背景, 目的, 核心举措, 适用对象, 执行标准, 关键词, 专业名词, 新旧对比)')
    .option('--json', 'print {docNumber, sections:[{name, items:[{text, quote, paragraph}]}]}')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (key: string, opts: { json?: boolean; db?: string }) => {
      // Quotes come from the published (de-identified) text, as on the portal.
      const store = publishedStore(await openStore({ db: opts.db }));
      try {
        const r = await draftInterpretation(store, key);
        if (!r) throw new UserError(`no stored document has the 文号 or id "${key}" (try: gongbao search "${key}")`);
        process.stdout.write(opts.json ? `${JSON.stringify(interpretationJson(r), null, 2)}\n` : `${renderInterpretation(r)}\n`);
      } finally {
        await store.close();
      }
    });
}
