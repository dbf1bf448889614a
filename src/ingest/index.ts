/**
 * Text → documents: the ingest pipeline. Each stage is a pure function over lines; this module
 * only wires them and accounts for every input line (document, front matter or artefact).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../domain/errors.js';
import type { Artefact, GazetteIssue, OfficialDocument, ParseResult, SourceInfo, Warning } from '../domain/types.js';
import { removeArtefacts, type CleanLine } from './artefacts.js';
import { findListings, type ListingRegion } from './contents.js';
import { checkIndex, titleSimilarity, toIndexEntry } from './crosscheck.js';
import { decodeText, isPdf, type Decoded } from './decode.js';
import { applyDeclared, readSidecar } from './declared.js';
import { buildDocument } from './document.js';
import { readCover } from './issue-meta.js';
import { compact, isBlank, isMasthead, isTitleFragment } from './patterns.js';
import { pdfToText } from './pdf.js';
import { mastheadHeaders, titleBigrams, titleHeaders } from './running-headers.js';
import { pairContinuations, planDocuments, repairNested, type DocumentPlan, type Range } from './split.js';

export { decodeText } from './decode.js';

/** Read, decode and parse one file (text in any supported encoding, or PDF). */
export async function parseFile(path: string): Promise<ParseResult> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const sidecar = await readSidecar(path);
  const result = await parseBuffer(buf, path, sidecar?.bytes);
  return sidecar ? applyDeclared(result, sidecar.facts) : result;
}

/** `extra`: further bytes the content hash covers (a sidecar's), so a change to them is a new edition. */
export async function parseBuffer(buf: Uint8Array, name: string, extra?: Uint8Array): Promise<ParseResult> {
  const hash = createHash('sha256').update(buf);
  if (extra) hash.update(extra);
  const sha256 = hash.digest('hex');
  const decoded: Decoded = isPdf(buf) ? { text: await pdfToText(buf, name), encoding: 'pdf' } : decodeText(buf, name);
  const result = parseText(decoded.text, { file: basename(name), sha256, encoding: decoded.encoding, bytes: buf.length });
  return decoded.warnings ? { ...result, warnings: [...decoded.warnings, ...result.warnings] } : result;
}

/** Split listings into the issue's 目录 (page numbers) and its 主要文件目录 (文号). */
function classifyListings(listings: readonly ListingRegion[], firstDoc: number) {
  const isIndex = (r: ListingRegion) =>
    r.headings.some((h) => /主要文件目录|文件索引/.test(h)) && r.entries.filter((e) => e.docNumber || e.rawDocNumber).length >= 1;
  const index = listings.filter((r) => r.start > firstDoc && isIndex(r));
  const contents = listings.find((r) => r.start < firstDoc) ?? listings.find((r) => !index.includes(r));
  return { contents, index };
}

/** A document's lines in reading order, and the same lines as printed (jump markers included). */
function linesOf(lines: readonly CleanLine[], raw: readonly string[], pieces: readonly Range[], skip: Set<number>): { text: string[]; printed: string[] } {
  const text: string[] = [];
  const printed: string[] = [];
  for (const [s, e] of pieces) {
    for (let n = s; n < e; n++) {
      if (skip.has(n)) continue;
      text.push(lines[n]!.text);
      printed.push(lines[n]!.jumps.length > 0 ? raw[n]! : lines[n]!.text);
    }
  }
  return { text, printed };
}

/** Without a 目录 entry: the title-shaped lines of the document's header, joined. */
function ownTitle(lines: readonly CleanLine[], plan: DocumentPlan): string {
  const parts: string[] = [];
  for (let n = plan.start; n < Math.min(plan.pieces[0]![1], plan.anchor + 6); n++) {
    const t = lines[n]!.text;
    if (!isBlank(t) && isTitleFragment(t) && !isMasthead(t)) parts.push(compact(t));
  }
  return parts.join('');
}

function reportDocument(lines: readonly CleanLine[], raw: readonly string[]): OfficialDocument {
  // 001_: no masthead, no 文号; the title survives only as a page footer.
  const footer = [...lines].reverse().find((l) => /政府工作报告$/.test(compact(l.text)));
  return buildDocument({
    lines: lines.map((l) => l.text),
    originalText: raw.join('\n'),
    hint: { kind: '报告', ...(footer ? { title: compact(footer.text) } : {}) },
  });
}

export function parseText(text: string, source: SourceInfo): ParseResult {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const { lines, artefacts } = removeArtefacts(raw);
  const listings = findListings(lines);
  const { plans, continuations } = planDocuments(lines, listings);
  const warnings: Warning[] = [];

  if (plans.length === 0) {
    if (/各位代表|政府工作报告/.test(text)) {
      const doc = reportDocument(lines, raw);
      return { source, issue: null, documents: [doc], references: [], frontMatter: '', discarded: artefacts, warnings };
    }
    throw new UserError(`${source.file}: not a gazette or work report (no 文号 with a masthead or title found)`);
  }

  const { contents, index } = classifyListings(listings, plans[0]!.start);
  // Documents follow in 目录 order: the k-th document is the k-th entry.
  const entries = contents?.entries.filter((e) => !/主要文件目录/.test(e.title)) ?? [];
  plans.forEach((p, k) => (p.page = entries[k]?.page ?? null));
  if (entries.length && entries.length !== plans.length) {
    warnings.push({ code: 'contents-count-mismatch', message: `目录 lists ${entries.length} documents; ${plans.length} found in the text` });
  }
  // Appended one by one: spreading 100k+ warnings into push() overflows the call stack.
  for (const w of pairContinuations(lines, plans, continuations)) warnings.push(w);
  repairNested(lines, plans);

  const discarded: Artefact[] = [...artefacts];
  const covered = new Set<number>();
  const entryTitles = entries.map((e) => titleBigrams(e.title));
  const documents = plans.map((plan, k) => {
    const entry = entries[k];
    // Page furniture: other copies of a masthead, and titles printed at page boundaries.
    const titles = entry ? entryTitles : [...entryTitles, titleBigrams(ownTitle(lines, plan))];
    const headers = new Set([...mastheadHeaders(lines, plan), ...titleHeaders(lines, plan, titles)].sort((a, b) => a - b));
    for (const n of headers) discarded.push({ kind: 'running-header', text: raw[n]!, line: n + 1 });
    for (const [s, e] of plan.pieces) for (let n = s; n < e; n++) covered.add(n);
    const { text, printed } = linesOf(lines, raw, plan.pieces, headers);
    const doc = buildDocument({
      lines: text,
      printed,
      originalText: plan.pieces.map(([s, e]) => raw.slice(s, e).join('\n')).join('\n'),
      hint: { docNumber: plan.docNumberText, ...(entry ? { title: entry.title } : {}) },
      warnings: plan.warnings,
    });
    if (entry && titleSimilarity(entry.title, doc.title) < 0.6) {
      doc.warnings.push({ code: 'contents-title-mismatch', message: `目录 entry ${k + 1} reads 《${entry.title}》; the document is titled 《${doc.title}》` });
    }
    return doc;
  });

  const frontMatter = raw.filter((_, n) => !covered.has(n) && !isBlank(lines[n]!.text)).join('\n');
  const indexEntries = index.flatMap((r) => r.entries).map(toIndexEntry);
  const check = checkIndex(indexEntries, documents);
  for (const w of check.warnings) warnings.push(w);
  for (const d of documents) for (const w of check.perDocument.get(d.id) ?? []) d.warnings.push(w);

  const cover = readCover(raw.slice(0, plans[0]!.start).join('\n'));
  const issue: GazetteIssue = {
    title: cover.title ?? '（无封面的文件汇编）',
    year: cover.year,
    number: cover.number,
    totalNumber: cover.totalNumber,
    publishedOn: cover.publishedOn,
    contents: entries.map((e, k) => ({
      title: e.title,
      docNumber: e.docNumber ?? documents[k]?.docNumber ?? null,
      page: e.page,
      ...(e.group ? { group: e.group } : {}),
    })),
    index: indexEntries,
  };
  if (!cover.title) warnings.push({ code: 'no-cover', message: 'no gazette cover: issue title, number and date unknown' });
  return { source, issue, documents, references: check.references, frontMatter, discarded, warnings };
}
