/**
 * Text → documents: the ingest pipeline. Each stage is a pure function over lines; this module
 * only wires them and accounts for every input line (document, front matter or artefact).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { normaliseDocNumber } from '../domain/doc-number.js';
import { UserError } from '../domain/errors.js';
import type { Artefact, GazetteIssue, OfficialDocument, ParseResult, SourceInfo, Warning } from '../domain/types.js';
import { removeArtefacts, type CleanLine } from './artefacts.js';
import { findListings, type ListingRegion } from './contents.js';
import { checkIndex, titleSimilarity, toIndexEntry } from './crosscheck.js';
import { applyDeclared, readSidecar } from './declared.js';
import { buildDocument } from './document.js';
import { readCover } from './issue-meta.js';
import { readPage, type PageRead } from './page.js';
import { compact, isBlank, isMasthead, isTitleFragment } from './patterns.js';
import { extract, type ExtractOptions } from './formats/index.js';
import { mastheadHeaders, titleBigrams, titleHeaders } from './running-headers.js';
import { pairContinuations, planDocuments, repairNested, type DocumentPlan, type Range } from './split.js';

export { decodeText } from './decode.js';

/** Read, decode and parse one file (text in any supported encoding, PDF, .docx, OFD, saved web page). */
export async function parseFile(path: string, opts: ExtractOptions = {}): Promise<ParseResult> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const sidecar = await readSidecar(path);
  const result = await parseBuffer(buf, path, sidecar?.bytes, opts);
  return sidecar ? applyDeclared(result, sidecar.facts) : result;
}

/** `extra`: further bytes the content hash covers (a sidecar's), so a change to them is a new edition. */
export async function parseBuffer(buf: Uint8Array, name: string, extra?: Uint8Array, opts: ExtractOptions = {}): Promise<ParseResult> {
  const hash = createHash('sha256').update(buf);
  if (extra) hash.update(extra);
  const sha256 = hash.digest('hex');
  const got = await extract(buf, name, opts);
  const r = parseText(got.text, { file: basename(name), sha256, encoding: got.encoding, bytes: buf.length });
  // Page furniture the adapter took out by position is accounted for with the other artefacts;
  // what it repaired (invalid bytes) comes first among the warnings.
  return {
    ...r,
    ...(got.furniture.length ? { discarded: [...got.furniture, ...r.discarded] } : {}),
    ...(got.warnings?.length ? { warnings: [...got.warnings, ...r.warnings] } : {}),
  };
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

/** Why a text with no document in it is refused, in one line. */
function notADocument(text: string): string {
  const c = compact(text);
  if (c === '') return 'empty file (no text)';
  if (!/[\u4e00-\u9fff]/.test(c)) return 'not Chinese text (no CJK characters): not an official document';
  return 'not an official document: no title, 文号, 令 number, addressees or signature found';
}

function pageResult(page: PageRead, raw: readonly string[], lines: readonly CleanLine[], artefacts: Artefact[], source: SourceInfo, warnings: Warning[]): ParseResult {
  const frontMatter = raw.filter((_, n) => !page.covered.has(n) && !isBlank(lines[n]!.text)).join('\n');
  const facts = Object.fromEntries(Object.entries(page.facts).filter(([, v]) => v !== undefined));
  const declared = Object.keys(facts).length > 0 ? { ...source, declared: { ...source.declared, ...facts } } : source;
  return { source: declared, issue: null, documents: page.documents, references: [], frontMatter, discarded: artefacts, warnings };
}

export function parseText(text: string, source: SourceInfo): ParseResult {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const { lines, artefacts } = removeArtefacts(raw);
  const listings = findListings(lines);
  const { plans, continuations } = planDocuments(lines, listings);
  const warnings: Warning[] = [];

  // Not a gazette issue (one 文号-anchored document at most, printed once or twice): a page with one document
  // (or a few) as sites and reprints print them. A report fragment without a title keeps its own path.
  // A gazette issue that holds one document still has its cover (…公报, 年第N期) and 目录.
  const gazette = plans.length > 0 && listings.length > 0 && (() => {
    const cover = readCover(raw.slice(0, plans[0]!.start).join('\n'));
    return cover.title !== null && cover.number !== null;
  })();
  if (!gazette && new Set(plans.map((p) => normaliseDocNumber(p.docNumberText) ?? p.docNumberText)).size <= 1) {
    const page = readPage(lines, raw);
    const report = /各位代表/.test(text) || lines.some((l) => /^.{0,30}政府工作报告$/.test(compact(l.text)));
    // A report fragment (001_) prints no title or 文号 on top: its title is only a footer.
    if (page && !(report && page.documents.every((d) => !d.title && !d.docNumber))) {
      // One document has nobody to hand a （上接第N页） piece to: each such marker is reported.
      for (const w of pairContinuations(lines, [], continuations)) warnings.push(w);
      return pageResult(page, raw, lines, artefacts, source, warnings);
    }
    if (plans.length === 0) {
      if (report) {
        const doc = reportDocument(lines, raw);
        return { source, issue: null, documents: [doc], references: [], frontMatter: '', discarded: artefacts, warnings };
      }
      throw new UserError(`${source.file}: ${notADocument(text)}`);
    }
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
  // A single document without a cover is not an issue: no placeholder compilation for it.
  if (!cover.title && documents.length === 1 && entries.length === 0) {
    return { source, issue: null, documents, references: check.references, frontMatter, discarded, warnings };
  }
  if (!cover.title) warnings.push({ code: 'no-cover', message: 'no gazette cover: issue title, number and date unknown' });
  return { source, issue, documents, references: check.references, frontMatter, discarded, warnings };
}
