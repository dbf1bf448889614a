/** `gongbao ingest <files|dirs…>`: parse each gazette file and store it (re-ingesting is a no-op). */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { countByKind, reviewDocument } from '../../extract/privacy-review.js';
import { sniffHead, type ExtractOptions } from '../../ingest/formats/index.js';
import { parseFile } from '../../ingest/index.js';
import { ingestInterpretation } from '../../status/interpretation-ingest.js';
import { recomputeIfOwed } from '../../status/recompute.js';
import { ingestFiles, type IngestProgress } from '../ingest-files.js';
import { openStore } from '../../store/factory.js';
import type { ParseResult } from '../../domain/types.js';
import type { IngestOutcome, Store } from '../../store/store.js';
import type { PreparedResult } from '../../store/prepared.js';

export interface Inputs {
  /** Files to read: named on the command line, or found in a directory in a supported format. */
  readonly files: string[];
  /** Files found in a directory that are no gazette format, with the reason. */
  readonly skipped: Array<{ path: string; reason: string }>;
}

function head(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Files named on the command line are taken as given; directories contribute every file whose
 * content is a supported format (PDF, .docx, OFD, web page, .txt text) whatever its name, the rest
 * listed as skipped. Sidecars (`<file>.meta.json`) belong to their file and are not listed.
 */
export function collectInputs(paths: readonly string[]): Inputs {
  const files: string[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !e.name.endsWith('.meta.json')) {
        const kind = sniffHead(head(p), p);
        if ('unsupported' in kind) skipped.push({ path: p, reason: kind.unsupported });
        else files.push(p);
      }
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
    else files.push(p);
  }
  return { files: [...new Set(files)], skipped };
}

/** What one file gave: its format, the issue (or report) and its documents, and what the store did. */
export function fileLine(path: string, r: ParseResult, o: IngestOutcome): string {
  const i = r.issue;
  const what = i ? `${i.title}${i.year ? ` ${i.year}年第${i.number ?? '?'}期` : ''}` : r.documents[0]?.kind === '报告' ? '工作报告' : '文件';
  const n = r.documents.length;
  return `${path}: ${r.source.encoding}, ${what}, ${n} document${n === 1 ? '' : 's'}, ${r.warnings.length + r.documents.reduce((s, d) => s + d.warnings.length, 0)} warnings — ${o.action}`;
}

export function summaryLine(files: number, outcomes: readonly IngestOutcome[], failed: number, skipped = 0): string {
  const n = (a: IngestOutcome['action']) => outcomes.filter((o) => o.action === a).length;
  const issues = new Set(outcomes.map((o) => o.issueId)).size;
  const documents = outcomes.filter((o) => o.action !== 'unchanged').reduce((s, o) => s + o.documents, 0);
  const warnings = outcomes.filter((o) => o.action !== 'unchanged').reduce((s, o) => s + o.warnings, 0);
  return (
    `${files} file${files === 1 ? '' : 's'}: ${issues} issue${issues === 1 ? '' : 's'} ` +
    `(${n('added')} added, ${n('replaced')} replaced, ${n('unchanged')} unchanged), ` +
    `${documents} documents, ${warnings} warnings${skipped ? `, ${skipped} skipped` : ''}${failed ? `, ${failed} failed` : ''}`
  );
}

/** One line per document printing personal data: what kinds, and where to see each finding. */
export function privacyWarnings(file: string, r: ParseResult, prepared?: PreparedResult): string[] {
  return r.documents.flatMap((d, i) => {
    // Reviewed in the parse worker when it prepared the file.
    const findings = prepared?.prepared[i]?.review ?? reviewDocument(d);
    const key = d.docNumber ?? d.id;
    return findings.length === 0 ? [] : [`warning: ${file}: ${key}: personal data (${countByKind(findings)}), published masked; see: gongbao review ${key}`];
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
  /** Takes a file that is not a gazette but a 政策解读 text: says what it linked, or null to parse it. */
  linkInterpretation: (file: string) => Promise<string | null> = async () => null,
  progress?: (p: IngestProgress) => void,
  /** How the workers read the files (--ocr); a given `parse` is used as it is. */
  options: ExtractOptions = {},
  /** Once the files are stored: the recompute (IngestListener.after, beside the store's index upkeep). */
  after?: () => Promise<unknown>,
): Promise<{ outcomes: IngestOutcome[]; failures: string[]; report: string[]; notes: string[] }> {
  const outcomes: IngestOutcome[] = [];
  const report: string[] = [];
  const failures: string[] = [];
  const notes: string[] = [];
  const stored = (o: IngestOutcome, result: ParseResult, f: string, prepared?: PreparedResult) => {
    outcomes.push(o);
    report.push(fileLine(f, result, o));
    if (o.action !== 'unchanged') notes.push(...privacyWarnings(f, result, prepared));
  };
  await ingestFiles(store, files, {
    outcome: stored,
    failure: (f, err) => failures.push(err.message.startsWith(f) ? err.message : `${f}: ${err.message}`),
    // A 政策解读 text (titled 《…》政策解读/解读) is linked to the documents it explains, not parsed as a gazette.
    interpretation: async (f) => {
      try {
        const linked = await linkInterpretation(f);
        if (linked) return void notes.push(linked);
        // Not taken as a 解读 after all: it is parsed and stored as any other file.
        const result = await (parse ?? ((p: string) => parseFile(p, options)))(f);
        stored(await store.ingest(result), result, f);
      } catch (err) {
        if (!(err instanceof UserError)) throw new UserError(`the reader failed on this file (${String(err)}); please report it`);
        throw err;
      }
    },
    done: onFile,
    progress,
    ...(after ? { after } : {}),
  }, parse, undefined, options);
  return { outcomes, failures, report, notes };
}

export function registerIngest(program: Command): void {
  program
    .command('ingest <paths...>')
    .description('parse gazette files (PDF, .docx, OFD, saved web pages, text; every such file under a directory, told by content) and store them')
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .option('--ocr', 'read PDFs without a text layer (scans) with tesseract, page by page')
    .action(async (paths: string[], opts: { db?: string; ocr?: boolean }) => {
      const { files, skipped } = collectInputs(paths);
      for (const s of skipped) process.stdout.write(`${s.path}: skipped — ${s.reason}\n`);
      if (files.length === 0) throw new UserError(`${paths.join(', ')}: no gazette files found (PDF, .docx, OFD, web page or .txt)`);
      const store = await openStore({ db: opts.db });
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            {
              stream: process.stderr, format: '{bar} {value}/{total} files | {docs} documents, {rate}/s | ETA {eta_formatted} | {file}',
              hideCursor: true, clearOnComplete: true, etaBuffer: 50,
            },
            cliProgress.Presets.shades_classic,
          )
        : null;
      bar?.start(files.length, 0, { file: '', docs: 0, rate: 0 });
      let outcomes: IngestOutcome[] = [];
      let failures: string[] = [];
      let report: string[] = [];
      let privacy: string[] = [];
      try {
        const link = async (f: string) => {
          const jd = await ingestInterpretation(store, f);
          return jd && `${f}: 解读《${jd.title}》 linked to ${jd.documentIds.join('、') || 'no held document'}`;
        };
        // Relations and statuses are judged across all documents (a new issue can repeal an old one),
        // once the files are stored, while the store merges its index (SQLite: in a worker thread).
        // Owed also after an earlier ingest killed before its recompute (src/store/*/derived.ts).
        ({ outcomes, failures, report, notes: privacy } = await ingestEach(store, files, undefined, (f) => bar?.increment({ file: basename(f) }), link, (p) =>
          bar?.update({ docs: p.documents, rate: Math.round(p.documentsPerSecond) }), { ocr: !!opts.ocr }, () => recomputeIfOwed(store)));
      } finally {
        bar?.stop();
        await store.close();
      }
      // One line per file read (the bar is gone by now), warnings and failures on stderr, then the batch.
      for (const line of report) process.stdout.write(`${line}\n`);
      // Privacy findings come as warnings; a linked 解读 is news, not a warning.
      for (const msg of privacy) process.stderr.write(`gongbao: ${msg}\n`);
      for (const msg of failures) process.stderr.write(`gongbao: ${msg}\n`);
      process.stdout.write(`${summaryLine(files.length, outcomes, failures.length, skipped.length)}\n`);
      if (failures.length > 0) process.exitCode = 2;
    });
}
