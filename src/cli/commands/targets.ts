/** `gongbao targets`: promise versus outcome — each work-report indicator year by year, from the store. */
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { compareAcrossYears, type IndicatorTimeline, type Target } from '../../extract/targets.js';
import { openStore } from '../../store/factory.js';

const VERDICT = { met: '完成', missed: '未完成', unknown: '无法比较' } as const;
const MEASURE: Record<Target['measure'], string> = { growth: '增长', decline: '下降', level: '', share: '', points: '', count: '' };

/** 增长6%左右 / 265.94亿元 / 下降3% — as a report prints it. */
export function figure(t: Target): string {
  return `${MEASURE[t.measure]}${t.value}${t.unit}${t.qualifier ?? ''}`;
}

function timelineText(t: IndicatorTimeline): string {
  const lines = [t.indicator === t.indicatorKey ? t.indicator : `${t.indicator}（${t.indicatorKey}）`];
  for (const y of t.years) {
    const promised = y.promises.map(figure).join('、') || '—';
    const achieved = y.outcomes.map(figure).join('、') || '—';
    lines.push(`  ${y.year}  目标 ${promised}  实际 ${achieved}${y.verdict ? `  ${VERDICT[y.verdict]}` : ''}`);
  }
  return lines.join('\n');
}

export function registerTargets(program: Command): void {
  program
    .command('targets')
    .description('work-report targets: what was promised and what was achieved, year by year, per indicator')
    .option('--indicator <key>', 'one indicator (its key, e.g. 地区生产总值)')
    .option('--year <year>', 'only the figures about this year')
    .option('--json', 'print the timelines as JSON')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (opts: { indicator?: string; year?: string; json?: boolean; db?: string }) => {
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && !(Number.isInteger(year) && year >= 1949 && year <= 2100)) {
        throw new UserError(`--year: expected a year such as 2023, got "${opts.year}"`);
      }
      const store = await openStore({ db: opts.db, mustExist: true });
      try {
        const { items } = await store.listTargets(opts.indicator !== undefined ? { indicatorKey: opts.indicator } : {});
        const timelines = compareAcrossYears(items)
          .map((t) => ({ ...t, years: t.years.filter((y) => year === undefined || y.year === year) }))
          .filter((t) => t.years.length > 0);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(timelines, null, 2)}\n`);
          return;
        }
        for (const t of timelines) process.stdout.write(`${timelineText(t)}\n`);
        const figures = timelines.reduce((n, t) => n + t.years.reduce((m, y) => m + y.promises.length + y.outcomes.length, 0), 0);
        process.stdout.write(`${timelines.length} indicators, ${figures} figures\n`);
      } finally {
        await store.close();
      }
    });
}
