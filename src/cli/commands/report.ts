/** `gongbao report cleanup [--at date] [--format md|csv|json]`: the annual 规范性文件清理 report. */
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { openStore } from '../../store/factory.js';
import { cleanupReport } from '../../status/cleanup.js';
import { checkDate } from '../../status/lookup.js';
import { loadWorld, todayInChina } from '../../status/recompute.js';
import { toCsv, toMarkdown } from '../../status/report-format.js';

const FORMATS = ['md', 'csv', 'json'] as const;

export function registerReport(program: Command): void {
  const report = program.command('report').description('reports over the whole database');
  report
    .command('cleanup')
    .description('expired, expiring within 90 days, repealed, no validity clause, live documents citing repealed ones')
    .option('--at <date>', 'as of this date (YYYY-MM-DD); default today')
    .option('--format <format>', 'md | csv | json', 'md')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (opts: { at?: string; format: string; db?: string }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format: expected md, csv or json, got ${opts.format}`);
      const at = opts.at === undefined ? todayInChina() : checkDate(opts.at, '--at');
      const store = await openStore({ db: opts.db, mustExist: true });
      try {
        const r = cleanupReport(await loadWorld(store), at);
        const text = opts.format === 'json' ? JSON.stringify(r, null, 2) + '\n' : opts.format === 'csv' ? toCsv(r) : toMarkdown(r);
        process.stdout.write(text);
      } finally {
        await store.close();
      }
    });
}
