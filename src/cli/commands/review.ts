/**
 * `gongbao review <file|文号|--all> [--json] [--include-public]`: the privacy review — personal data
 * the documents print, with kinds and positions, as editors see it (the published text masks it).
 * `--public <text> --author A --reason R` marks a finding of one stored document public (a unit's
 * hotline the detector took for private), recorded like a status correction.
 */
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import type { OfficialDocument } from '../../domain/types.js';
import { findingKey } from '../../extract/privacy-mask.js';
import { reviewDocument, type ReviewFinding } from '../../extract/privacy-review.js';
import { parseFile } from '../../ingest/index.js';
import { openStore } from '../../store/factory.js';
import { marksByDocument } from '../../store/published.js';
import type { Store } from '../../store/store.js';

interface ReviewOpts {
  all?: boolean;
  json?: boolean;
  includePublic?: boolean;
  public?: string;
  author?: string;
  reason?: string;
  db?: string;
}

export function formatFindings(findings: readonly ReviewFinding[]): string {
  const lines = findings.map((f) =>
    [f.docNumber ?? f.id, f.kind, f.text.replace(/\s+/g, ' '), `${f.start}-${f.end}`, f.field ?? '', f.public ? `public (${f.public})` : '']
      .filter((c) => c !== '')
      .join('\t'),
  );
  const docs = new Set(findings.map((f) => f.id)).size;
  lines.push(findings.length === 0 ? 'no personal data found' : `${findings.length} finding${findings.length === 1 ? '' : 's'} in ${docs} document${docs === 1 ? '' : 's'}`);
  return lines.join('\n');
}

async function reviewStored(store: Store, docs: AsyncIterable<OfficialDocument> | OfficialDocument[], includePublic: boolean): Promise<ReviewFinding[]> {
  const marked = marksByDocument(await store.publicMarks());
  const out: ReviewFinding[] = [];
  for await (const d of docs) out.push(...reviewDocument(d, { includePublic, marked: marked(d.id) }));
  return out;
}

async function markPublic(store: Store, key: string, opts: ReviewOpts): Promise<string> {
  if (!opts.author?.trim() || !opts.reason?.trim()) throw new UserError('--public needs --author and --reason');
  const doc = await store.getDocument(key);
  if (!doc) throw new UserError(`no stored document has the 文号 or id "${key}"`);
  const text = findingKey(opts.public!);
  const finding = reviewDocument(doc, { includePublic: true }).find((f) => findingKey(f.text) === text);
  if (!finding) throw new UserError(`"${opts.public}" is no finding of ${doc.docNumber ?? doc.id} (see: gongbao review ${key})`);
  if (finding.public === 'service-line') throw new UserError(`"${opts.public}" is a public service line already: it is published unmasked`);
  await store.markPublic({ documentId: doc.id, text, author: opts.author.trim(), reason: opts.reason.trim(), createdAt: new Date().toISOString() });
  return `${doc.docNumber ?? doc.id}: "${text}" (${finding.kind}) marked public by ${opts.author.trim()}; it is published unmasked from now on`;
}

export function registerReview(program: Command): void {
  program
    .command('review [target]')
    .description('privacy review: personal data (names beside 联系人, phones, ID and card numbers, e-mail, QQ) in a file, a stored document (文号 or id) or --all stored documents')
    .option('--all', 'review every stored document')
    .option('--json', 'print {"findings":[{"docNumber","id","kind","text","start","end"}]}')
    .option('--include-public', 'also list public service lines (110, 举报电话, a unit\'s hotline) and findings marked public')
    .option('--public <text>', 'mark this finding of the document public (needs --author and --reason)')
    .option('--author <name>', 'who marks the finding public')
    .option('--reason <text>', 'why it is public, e.g. the unit\'s published hotline')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (target: string | undefined, opts: ReviewOpts) => {
      if ((target === undefined) === !opts.all) throw new UserError('review: give one file, 文号 or id, or --all');
      const includePublic = opts.includePublic ?? false;
      // A mistyped file name is no 文号: say so rather than look it up in (or create) a database.
      if (target !== undefined && !existsSync(target) && /\.(txt|text|pdf|docx|ofd|html?)$/i.test(target)) throw new UserError(`${target}: no such file or directory`);
      let findings: ReviewFinding[];
      if (target !== undefined && existsSync(target) && statSync(target).isFile()) {
        if (opts.public !== undefined) throw new UserError('--public marks a finding of a stored document: give its 文号, not a file');
        findings = (await parseFile(target)).documents.flatMap((d) => reviewDocument(d, { includePublic }));
      } else {
        const store = await openStore({ db: opts.db });
        try {
          if (opts.public !== undefined) {
            if (target === undefined) throw new UserError('--public marks a finding of one document: give its 文号 or id');
            process.stdout.write(`${await markPublic(store, target, opts)}\n`);
            return;
          }
          const doc = target === undefined ? null : await store.getDocument(target);
          if (target !== undefined && !doc) throw new UserError(`"${target}" is no file and no stored document's 文号 or id`);
          findings = await reviewStored(store, doc ? [doc] : store.allDocuments(), includePublic);
        } finally {
          await store.close();
        }
      }
      process.stdout.write(opts.json ? `${JSON.stringify({ findings }, null, 2)}\n` : `${formatFindings(findings)}\n`);
    });
}
