#!/usr/bin/env node
/** The `gongbao` command: one sub-command module per operation, assembled here. */
import { Command } from 'commander';
import { UserError } from '../domain/errors.js';
import { registerParse } from './commands/parse.js';

const program = new Command('gongbao')
  .description('Gongbao (公报): Chinese government gazettes as a searchable, status-aware policy database')
  .version('0.1.0');

registerParse(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof UserError) {
    process.stderr.write(`gongbao: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  throw err;
});
