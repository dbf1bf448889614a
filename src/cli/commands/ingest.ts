/** `gongbao ingest <files|dirs…>`: parse each gazette file and store it (re-ingesting is a no-op). */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { countByKind, reviewDocument } from '../../extract/privacy-review.js';
import { ingestInterpretation } from '../../status/interpretation-ingest.js';
import { recomputeIfOwed } from '../../status/recompute.js';
import { ingestFiles, type IngestProgress } from '../ingest-files.js';
import { openStore } from '../../store/factory.js';
import type { ParseResult } from '../../domain/types.js';
import type { IngestOutcome, Store } from '../../store/store.js';

const INGESTIBLE = /\.(txt|text|pdf)$/i;

/** Files named on the command line are taken as given; directories contribute their .txt/.pdf files. */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory() && !e.name.startsWith('.')) walk(p);
      else if (e.isFile() && INGESTIBLE.test(e.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return [...new Set(out)];
}

export function summaryLine(files: number, outcomes: readonly IngestOutcome[], failed: number): string {
  const n = (a: IngestOutcome['action']) => outcomes.filter((o) => o.action === a).length;
  const issues = new Set(outcomes.map((o) => o.issueId)).size;
  const documents = outcomes.filter((o) => o.action !== 'unchanged').reduce((s, o) => s + o.documents, 0);
  const warnings = outcomes.filter((o) => o.action !== 'unchanged').reduce((s, o) => s + o.warnings, 0);
  return (
    `${files} file${files === 1 ? '' : 's'}: ${issues} issue${issues === 1 ? '' : 's'} ` +
    `(${n('added')} added, ${n('replaced')} replaced, ${n('unchanged')} unchanged), ` +
    `${documents} documents, ${warnings} warnings${failed ? `, ${failed} failed` : ''}`
  );
}

/** One line per document printing personal data: what kinds, and where to see each finding. */
export function privacyWarnings(file: string, r: ParseResult): string[] {
  return r.documents.flatMap((d) => {
    const findings = reviewDocument(d);
    const key = d.docNumber ?? d.id;
    return findings.length === 0 ? [] : [`${file}: ${key}: personal data (${countByKind(findings)}), published masked; see: gongbao review ${key}`];
  });
}

/**
 * Parse and store the files: parsed in worker threads unless a parse function is given (tests),
 * stored in batches (ingest-files.ts). A file that cannot be parsed is reported and skipped, the
 * rest of the batch goes on; a failing database stops it (nothing after could be stored either).
 */
export async function ingestEach(
  store: Store,
  files: readonly string[],
  parse?: (file: string) => Promise<ParseResult>,
  /** Called when a file is done with (stored or skipped), in file order. */
  onFile: (file: string) => void = () => {},
  progress?: (p: IngestProgress) => void,
): Promise<{ outcomes: IngestOutcome[]; failures: string[]; notes: string[] }> {
  const outcomes: IngestOutcome[] = [];
  const failures: string[] = [];
  const notes: string[] = [];
  await ingestFiles(store, files, {
    outcome: (o, result, f) => {
      outcomes.push(o);
      if (o.action !== 'unchanged') notes.push(...privacyWarnings(f, result));
    },
    failure: (f, err) => failures.push(err.message.startsWith(f) ? err.message : `${f}: ${err.message}`),
    // A 政策解读 text (titled 《…》政策解读/解读) is linked to the documents it explains, not parsed as a gazette.
    interpretation: async (f) => {
      const jd = await ingestInterpretation(store, f);
      if (jd) notes.push(`${f}: 解读《${jd.title}》 linked to ${jd.documentIds.join('、') || 'no held document'}`);
    },
    done: onFile,
    progress,
  }, parse);
  return { outcomes, failures, notes };
}

export function registerIngest(program: Command): void {
  program
    .command('ingest <paths...>')
    .description('parse gazette files (or every .txt/.pdf under a directory) and store them in the database')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .action(async (paths: string[], opts: { db?: string }) => {
      const files = collectFiles(paths);
      if (files.length === 0) throw new UserError(`${paths.join(', ')}: no .txt or .pdf files found`);
      const store = await openStore({ db: opts.db });
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            { stream: process.stderr, format: '{bar} {value}/{total} files | {docs} documents, {rate}/s | ETA {eta_formatted} | {file}', hideCursor: true, etaBuffer: 50 },
            cliProgress.Presets.shades_classic,
          )
        : null;
      bar?.start(files.length, 0, { file: '', docs: 0, rate: 0 });
      let outcomes: IngestOutcome[] = [];
      let failures: string[] = [];
      let privacy: string[] = [];
      try {
        ({ outcomes, failures, notes: privacy } = await ingestEach(store, files, undefined, (f) => bar?.increment({ file: basename(f) }), (p) =>
          bar?.update({ docs: p.documents, rate: Math.round(p.documentsPerSecond) })));
        // Relations and statuses are judged across all documents: a new issue can repeal an old one.
        // Owed also after an earlier ingest killed before its recompute (src/store/*/derived.ts).
        await recomputeIfOwed(store);
      } finally {
        bar?.stop();
        await store.close();
      }
      for (const msg of privacy) process.stderr.write(`gongbao: warning: ${msg}\n`);
      for (const msg of failures) process.stderr.write(`gongbao: ${msg}\n`);
      process.stdout.write(`${summaryLine(files.length, outcomes, failures.length)}\n`);
      if (failures.length > 0) process.exitCode = 2;
    });
}
