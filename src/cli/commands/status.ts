/** `gongbao status <文号|id> [--at YYYY-MM-DD] [--json]`: the status as of a date, with evidence. */
import type { Command } from 'commander';
import { openStore } from '../../store/factory.js';
import { checkDate, findSubject, formatStatus, statusReport } from '../../status/lookup.js';
import { loadWorld, todayInChina } from '../../status/recompute.js';

export function registerStatus(program: Command): void {
  program
    .command('status <document>')
    .description('legal status of a document (文号 or id) as of a date, with the evidence chain')
    .option('--at <date>', 'judge as of this date (YYYY-MM-DD); default today')
    .option('--json', 'print {"docNumber","title","status","since","evidence","normative"}')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (key: string, opts: { at?: string; json?: boolean; db?: string }) => {
      const at = opts.at === undefined ? todayInChina() : checkDate(opts.at, '--at');
      const store = await openStore({ db: opts.db, mustExist: true });
      try {
        const world = await loadWorld(store);
        const report = statusReport(world, await findSubject(store, world, key), at);
        process.stdout.write((opts.json ? JSON.stringify(report, null, 2) : formatStatus(report, at)) + '\n');
      } finally {
        await store.close();
      }
    });
}
