/**
 * `gongbao correct <文号> --status S --author A --reason R [--from date]`: an editor's correction,
 * stored as an event beside the extracted facts (never over them), then statuses recomputed.
 */
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { LEGAL_STATUSES } from '../../domain/types.js';
import { openStore } from '../../store/factory.js';
import { correctStatus } from '../../status/corrections.js';
import { checkDate, formatStatus, statusReport } from '../../status/lookup.js';
import { loadWorld, todayInChina } from '../../status/recompute.js';

export function registerCorrect(program: Command): void {
  program
    .command('correct <document>')
    .description('record an editor\'s status correction (with author and reason) for a document')
    .requiredOption('--status <status>', LEGAL_STATUSES.join(' | '))
    .requiredOption('--author <name>', 'who makes the correction')
    .requiredOption('--reason <text>', 'why, e.g. the 清理目录 that says so')
    .option('--from <date>', 'the correction applies from this date (YYYY-MM-DD); default: always')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (key: string, opts: { status: string; author: string; reason: string; from?: string; db?: string }) => {
      if (!(LEGAL_STATUSES as readonly string[]).includes(opts.status)) throw new UserError(`--status: expected one of ${LEGAL_STATUSES.join('、')}, got ${opts.status}`);
      if (opts.author.trim() === '' || opts.reason.trim() === '') throw new UserError('--author and --reason must not be empty');
      const from = opts.from === undefined ? null : checkDate(opts.from, '--from');
      const store = await openStore({ db: opts.db });
      try {
        // The same write as the portal's and the API's: the event, the audit entry, the recomputation.
        const id = await correctStatus(store, key, { status: opts.status, reason: opts.reason, from }, opts.author);
        const today = todayInChina();
        process.stdout.write(formatStatus(statusReport(await loadWorld(store), id, today), today) + '\n');
      } finally {
        await store.close();
      }
    });
}
