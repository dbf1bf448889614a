#!/usr/bin/env node
/** The `gongbao` command: one sub-command module per operation, assembled here. */
import { Command, CommanderError } from 'commander';
import { UserError } from '../domain/errors.js';
import { registerParse } from './commands/parse.js';
import { registerIngest } from './commands/ingest.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';
import { registerExport } from './commands/export.js';
import { registerStatus } from './commands/status.js';
import { registerReport } from './commands/report.js';
import { registerCorrect } from './commands/correct.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';
import { registerTasks } from './commands/tasks.js';
import { registerTargets } from './commands/targets.js';
import { registerRefs } from './commands/refs.js';
import { registerVerify } from './commands/verify.js';
import { registerReview } from './commands/review.js';
import { registerUnits } from './commands/units.js';
import { registerInterpret } from './commands/interpret.js';
import { registerQa } from './commands/qa.js';

const program = new Command('gongbao')
  .description('Gongbao (公报): Chinese government gazettes as a searchable, status-aware policy database')
  .version('0.1.0')
  // Usage mistakes (a missing argument, an unknown option) are user errors like any other: one
  // line, exit 2 (commander exits 1). Set before the sub-commands are added: they copy it.
  .exitOverride()
  .configureOutput({ outputError: (str, write) => write(`gongbao: ${str.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`) });

registerParse(program);
registerIngest(program);
registerSearch(program);
registerShow(program);
registerExport(program);
registerStatus(program);
registerReport(program);
registerCorrect(program);
registerServe(program);
registerStart(program);
registerTasks(program);
registerTargets(program);
registerRefs(program);
registerVerify(program);
registerReview(program);
registerUnits(program);
registerInterpret(program);
registerQa(program);

// A reader that stops early (`gongbao export | head`) closes the pipe: that is the end of the
// output, not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

program.parseAsync(process.argv).catch((err: unknown) => {
  // --help and --version end through here too, with exit code 0.
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  if (err instanceof UserError) {
    process.stderr.write(`gongbao: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  throw err;
});
