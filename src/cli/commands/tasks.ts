/** `gongbao tasks`: the task register — what each unit leads (牵头), is responsible for (责任), cooperates on (配合), read from the store. */
import type { Command } from 'commander';
import { registerByUnit, type TaskAssignment, type UnitRegister } from '../../extract/tasks.js';
import { openStore } from '../../store/factory.js';
import { publishedStore } from '../../store/published.js';
import type { Store } from '../../store/store.js';

function line(t: TaskAssignment): string {
  return `  ${t.docNumber ?? t.documentId}  ${t.task.slice(0, 40)}${t.deadline ? `（${t.deadline}）` : ''}`;
}

/** Every unit's register, or only the units whose name contains `unit`. */
async function unitRegisters(store: Store, unit: string | undefined): Promise<UnitRegister[]> {
  if (unit === undefined) return registerByUnit((await store.listTasks()).items);
  const out: UnitRegister[] = [];
  for (const u of (await store.listUnits()).filter((x) => x.tasks > 0 && x.unit.includes(unit))) {
    const { items } = await store.listTasks({ unit: u.unit });
    const as = (role: 'leads' | 'responsible' | 'cooperating') => items.filter((t) => t[role].includes(u.unit));
    out.push({ unit: u.unit, leads: as('leads'), responsible: as('responsible'), cooperating: as('cooperating') });
  }
  return out;
}

export function registerTasks(program: Command): void {
  program
    .command('tasks')
    .description('task register from task-division documents: per unit, what it leads (牵头), is responsible for (责任), cooperates on (配合)')
    .option('--unit <name>', 'only units whose name contains this text')
    .option('--json', 'print the register as JSON')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (opts: { unit?: string; json?: boolean; db?: string }) => {
      const store = publishedStore(await openStore({ db: opts.db }));
      try {
        const units = await unitRegisters(store, opts.unit);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(units, null, 2)}\n`);
          return;
        }
        for (const u of units) {
          process.stdout.write(`${u.unit}：牵头 ${u.leads.length} 项，责任 ${u.responsible.length} 项，配合 ${u.cooperating.length} 项\n`);
          for (const t of u.leads) process.stdout.write(`${line(t)}\n`);
        }
        const { total } = await store.listTasks({ limit: 0 });
        process.stdout.write(`${total} task assignments, ${units.length} units\n`);
      } finally {
        await store.close();
      }
    });
}
