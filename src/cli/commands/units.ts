/** `gongbao units`: the unit gazetteer — canonical names, the spellings printed for them, counts. */
import type { Command } from 'commander';
import { listedUnits, type ListedUnit } from '../../store/gazetteer.js';
import { openStore } from '../../store/factory.js';

/** The documented JSON shape: [{"name", "kind", "variants", "tasks", "documents"}]. */
export function unitJson(u: ListedUnit) {
  return {
    name: u.unit,
    kind: u.kind,
    variants: u.variants,
    tasks: u.tasks,
    documents: Math.max(u.issued, u.documents),
    roles: { lead: u.leads, responsible: u.responsible, cooperating: u.cooperating },
  };
}

function line(u: ListedUnit): string {
  const counts = [`任务 ${u.tasks}`, u.leads && `牵头 ${u.leads}`, u.responsible && `责任 ${u.responsible}`, u.cooperating && `配合 ${u.cooperating}`, `文件 ${Math.max(u.issued, u.documents)}`];
  return `${u.unit}${u.kind === 'group' ? '〔统称〕' : ''}  ${counts.filter(Boolean).join(' · ')}${u.variants.length ? `  又作：${u.variants.join('、')}` : ''}`;
}

export function registerUnits(program: Command): void {
  program
    .command('units')
    .description('unit gazetteer: canonical unit names, the spellings printed for each, tasks and documents')
    .option('--json', 'print [{name, kind: unit|group, variants, tasks, documents}] as JSON')
    .option('--rebuild', 're-extract every stored document\'s registers first (after editing the alias file)')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (opts: { json?: boolean; rebuild?: boolean; db?: string }) => {
      const store = await openStore({ db: opts.db });
      try {
        if (opts.rebuild) process.stderr.write(`registers rebuilt from ${await store.rebuildRegisters()} documents\n`);
        const units = await listedUnits(store);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(units.map(unitJson), null, 2)}\n`);
          return;
        }
        for (const u of units) process.stdout.write(`${line(u)}\n`);
        const groups = units.filter((u) => u.kind === 'group').length;
        process.stdout.write(`${units.length - groups} units, ${groups} groups\n`);
      } finally {
        await store.close();
      }
    });
}
