/** `gongbao refs`: documents known only by reference — cited or listed, but not held. */
import type { Command } from 'commander';
import { openStore } from '../../store/factory.js';
import type { KnownReference } from '../../store/store.js';

const SOURCE = { index: '主要文件目录', citation: '引用', relation: '关系' } as const;

function line(r: KnownReference): string {
  const name = [r.docNumber, r.title ? `《${r.title}》` : null].filter(Boolean).join(' ') || r.key;
  const status = r.status ?? (r.verbs.includes('repeals') ? '已废止' : null);
  return `${name}  被 ${r.citedBy} 件文件引用${status ? `  ${status}${r.since ? `（${r.since}）` : ''}` : ''}  [${r.sources.map((s) => SOURCE[s]).join('、')}]`;
}

export function registerRefs(program: Command): void {
  program
    .command('refs')
    .description('documents known only by reference (主要文件目录 entries, citations of documents not held), most cited first')
    .option('--json', 'print them as JSON')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (opts: { json?: boolean; db?: string }) => {
      const store = await openStore({ db: opts.db, mustExist: true });
      try {
        const refs = await store.listReferences();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(refs, null, 2)}\n`);
          return;
        }
        for (const r of refs) process.stdout.write(`${line(r)}\n`);
        process.stdout.write(`${refs.length} documents known only by reference\n`);
      } finally {
        await store.close();
      }
    });
}
