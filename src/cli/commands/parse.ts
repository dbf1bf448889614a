import type { Command } from 'commander';

export function registerParse(program: Command): void {
  program
    .command('parse <file>')
    .description('parse one gazette issue or work report and print its documents')
    .option('--json', 'print the JSON contract instead of a summary table')
    .option('--explain', 'also list the discarded extraction artefacts')
    .action(async () => {
      throw new Error('not yet');
    });
}
