/**
 * `gongbao qa suggest [--json] [--save]`: 问答 candidates drafted from the stored 规范性文件, each
 * answer quoting its clause; --save keeps them as drafts for review. `gongbao qa list` and
 * `gongbao qa review <id> --approve|--reject|--edit` are the editor's side on the command line.
 */
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { draftQa, saveCandidates } from '../../status/drafts.js';
import { reviewQa, type QaReview } from '../../status/editorial.js';
import { EDITORIAL_STATUSES, type EditorialStatus } from '../../store/editorial.js';
import { openStore } from '../../store/factory.js';

const DB = ['--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)'] as const;

export function registerQa(program: Command): void {
  const qa = program.command('qa').description('the 政策咨询问答库: draft, list and review Q&A entries');
  qa.command('suggest')
    .description('draft Q&A candidates from the stored 规范性文件 (who qualifies, how much, by when, whom to ask, what changed)')
    .option('--json', 'print [{question, answer, docNumber, quote}]')
    .option('--save', 'store new candidates as draft entries for review')
    .option(...DB)
    .action(async (opts: { json?: boolean; save?: boolean; db?: string }) => {
      const store = await openStore({ db: opts.db });
      try {
        const cs = await draftQa(store);
        if (opts.save) process.stderr.write(`${await saveCandidates(store, cs)} new draft entries saved\n`);
        if (opts.json) process.stdout.write(`${JSON.stringify(cs.map((c) => ({ question: c.question, answer: c.answer, docNumber: c.docNumber, quote: c.quote, paragraph: c.paragraph, kind: c.kind, unit: c.unit })), null, 2)}\n`);
        else process.stdout.write(cs.map((c) => `问：${c.question}\n答：${c.answer}\n依据：${c.docNumber ?? ''} 第${c.paragraph + 1}段「${c.quote}」\n`).join('\n'));
      } finally {
        await store.close();
      }
    });
  qa.command('list')
    .description('stored Q&A entries, newest first')
    .option('--status <status>', EDITORIAL_STATUSES.join(' | '))
    .option('--json', 'print the entries as JSON')
    .option(...DB)
    .action(async (opts: { status?: string; json?: boolean; db?: string }) => {
      if (opts.status !== undefined && !(EDITORIAL_STATUSES as readonly string[]).includes(opts.status)) throw new UserError(`--status: expected one of ${EDITORIAL_STATUSES.join('、')}, got ${opts.status}`);
      const store = await openStore({ db: opts.db });
      try {
        const es = await store.listQa(opts.status ? { status: opts.status as EditorialStatus } : {});
        process.stdout.write(opts.json ? `${JSON.stringify(es, null, 2)}\n` : es.map((e) => `${e.id} [${e.status}] ${e.question}`).join('\n') + (es.length ? '\n' : ''));
      } finally {
        await store.close();
      }
    });
  qa.command('review <id>')
    .description('approve, edit or reject a Q&A entry (recorded in the audit log)')
    .requiredOption('--author <name>', 'the reviewing editor')
    .option('--approve', 'publish the entry')
    .option('--reject', 'reject the entry')
    .option('--question <text>', 'edit: the new question')
    .option('--answer <text>', 'edit: the new answer')
    .option(...DB)
    .action(async (id: string, opts: { author: string; approve?: boolean; reject?: boolean; question?: string; answer?: string; db?: string }) => {
      const edit = opts.question !== undefined || opts.answer !== undefined;
      if (Number(!!opts.approve) + Number(!!opts.reject) + Number(edit) !== 1) throw new UserError('give exactly one of --approve, --reject or --question/--answer');
      const store = await openStore({ db: opts.db });
      try {
        const old = await store.getQa(id);
        if (!old) throw new UserError(`no 问答 entry ${id}`);
        const review: QaReview = opts.approve ? { action: 'approve' } : opts.reject ? { action: 'reject' } : { action: 'edit', question: opts.question ?? old.question, answer: opts.answer ?? old.answer };
        const e = await reviewQa(store, id, review, opts.author);
        process.stdout.write(`${e.id} [${e.status}] ${e.question}\n`);
      } finally {
        await store.close();
      }
    });
}
