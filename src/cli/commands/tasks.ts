/** `gongbao tasks`: the task register — what each unit leads (牵头) and shares (责任). */
import type { Command } from 'commander';
import { extractTasks, registerByUnit, type TaskAssignment } from '../../extract/tasks.js';
import { openStore } from '../../store/factory.js';

function line(t: TaskAssignment): string {
  return `  ${t.docNumber ?? t.documentId}  ${t.task.slice(0, 40)}${t.deadline ? `（${t.deadline}）` : ''}`;
}

export function registerTasks(program: Command): void {
  program
    .command('tasks')
    .description('task register from task-division documents: per unit, what it leads and shares')
    .option('--unit <name>', 'only units whose name contains this text')
    .option('--json', 'print the register as JSON')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (opts: { unit?: string; json?: boolean; db?: string }) => {
      const store = await openStore({ db: opts.db });
      try {
        const tasks: TaskAssignment[] = [];
        for await (const doc of store.allDocuments()) tasks.push(...extractTasks(doc));
        const units = registerByUnit(tasks).filter((u) => !opts.unit || u.unit.includes(opts.unit));
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(units, null, 2)}\n`);
          return;
        }
        for (const u of units) {
          process.stdout.write(`${u.unit}：牵头 ${u.leads.length} 项，配合 ${u.supports.length} 项\n`);
          for (const t of u.leads) process.stdout.write(`${line(t)}\n`);
        }
        process.stdout.write(`${tasks.length} task assignments, ${units.length} units\n`);
      } finally {
        await store.close();
      }
    });
}
