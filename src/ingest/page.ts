/**
 * A file that is not a gazette issue: one document (or a few) as a web page, a legal-information
 * site, a reprint or a newspaper prints it. The document is recognised from its header as a
 * whole — title (…关于…的通知, a 规章 name), 文号 or 令 number wherever printed, issuer,
 * addressees, signature and 成文日期 — and any of them may be missing or damaged. Navigation
 * chrome and the site's metadata block stay out of the document (front matter); the metadata
 * block is read as declared facts. Each field carries the reader's confidence.
 */
import { createHash } from 'node:crypto';
import { formatOrderNumber, normaliseDocNumber, parseOrderNumber, resolveOrderIssuer } from '../domain/doc-number.js';
import { reviewWarnings } from '../domain/review.js';
import type { DocKind, FieldConfidence, OfficialDocument, Warning } from '../domain/types.js';
import type { CleanLine } from './artefacts.js';
import { buildDocument } from './document.js';
import { issuerOfTitle } from './header.js';
import { readSegment, type Found } from './page-header.js';
import { docNumberOfLine, endsTitle, pageLine, titleKind, type PageLine } from './page-lines.js';
import { readMetadata, type PageFacts } from './page-meta.js';
import { titleAt, unwrapTitle } from './page-title.js';
import { stripPinyin, toSimplified } from './traditional.js';

export interface PageRead {
  readonly documents: OfficialDocument[];
  /** Line indices that belong to a document (the rest is front matter). */
  readonly covered: ReadonlySet<number>;
  readonly facts: PageFacts;
}

const ORGAN_TAIL = /(人民政府|办公室|办公厅|委员会|常委会|国务院|政府|公署|行署|法院|党组|[部局厅署委院])$/;

/** One issuing body's name, from the start: 浙江省人民政府, 财政部、 (a joint list goes on). */
const ORGAN_NAME = /[\u4e00-\u9fa5]{0,24}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|常委会|国务院|政府|公署|行署|人民法院|检察院|党组|[部局厅署委])[、\s]*/y;

/**
 * Issuing bodies only: 浙江省人民政府 (not 浙江省人民政府贯彻国务院), joint names allowed. One
 * pass name by name, so a long run of 部部部… cannot make it backtrack.
 */
function isOrganList(s: string): boolean {
  let at = 0;
  while (at < s.length) {
    ORGAN_NAME.lastIndex = at;
    const m = ORGAN_NAME.exec(s);
    if (!m || m[0].length === 0) return false;
    at += m[0].length;
  }
  return s.length > 0;
}

function issuerOf(f: Found, facts: PageFacts): string | null {
  const t = f.title?.title ?? '';
  // The issuer as printed: the same characters of the printed title.
  const printed = (k: string) => {
    if (!f.title) return k;
    // Walk the printed title over k's characters; spaces kept between joint issuers come along.
    let i = 0;
    let n = 0;
    while (i < f.title.printed.length && n < k.length) if (f.title.printed[i++] !== ' ') n++;
    return n === k.length && f.title.printed.replace(/ /g, '').length === t.length ? f.title.printed.slice(0, i) : k;
  };
  const fromTitle = issuerOfTitle(t);
  if (fromTitle && isOrganList(fromTitle) && !/^(关于|印发|转发)|贯彻|落实/.test(fromTitle)) return printed(fromTitle);
  const lead = /^(.{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|行政公署))(?!令)/.exec(t);
  if (lead && t.length > lead[1]!.length + 2 && !/^(关于|印发|转发)|《/.test(lead[1]!)) return printed(lead[1]!);
  if (f.signer) return f.signer;
  if (f.masthead) return f.masthead;
  if (f.issuerLine) return f.issuerLine;
  if (f.order && /人民政府|国务院|部$|委员会/.test(f.order.issuer) && f.order.issuer.length >= 3) return f.order.issuer;
  if (f.subtitleIssuer) return f.subtitleIssuer;
  const declared = facts.issuer ? toSimplified(facts.issuer) : '';
  if (facts.issuer && ORGAN_TAIL.test(declared) && !/网站|信息公开/.test(declared)) return facts.issuer;
  return null;
}

function kindOf(f: Found, title: string, text: string): DocKind | null {
  if (f.order && f.orderPrinted) return f.order.form;
  const k = titleKind(title);
  if (k) return k;
  if (title) return null;
  if (/本决定/.test(text)) return '决定';
  if (/印发给你们|现予印发|通知如下|特此通知/.test(text)) return '通知';
  return null;
}

const sha12 = (s: string): string => createHash('sha1').update(s).digest('hex').slice(0, 12);

/** Where the documents of a page start: a distinct 文号 or 令 number next to a title. */
function segmentStarts(ls: readonly PageLine[], meta: ReadonlySet<number>): number[] {
  const seen = new Set<string>();
  const starts: number[] = [];
  ls.forEach((l, i) => {
    const id = docNumberOfLine(l.key);
    if (!id || seen.has(id)) return;
    let titleEnd = -1;
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) if (endsTitle(unwrapTitle(ls[j]!.key).key)) { titleEnd = j; break; }
    if (titleEnd < 0) for (let j = i + 1; j <= Math.min(ls.length - 1, i + 2); j++) if (endsTitle(ls[j]!.key)) { titleEnd = j; break; }
    if (titleEnd < 0) return;
    seen.add(id);
    starts.push(Math.min(i, titleAt(ls, titleEnd, meta).from));
  });
  return starts.length >= 2 ? starts : [0];
}

/**
 * Read a page; null when no document is found in it (no title, 文号, 令 number, addressees,
 * signature or official wording).
 */
export function readPage(lines: readonly CleanLine[], raw: readonly string[]): PageRead | null {
  const meta = readMetadata(lines.map((l) => l.text));
  const ls: PageLine[] = [];
  lines.forEach((l, n) => {
    if (!meta.lines.has(n) && l.text.trim() !== '') ls.push(pageLine(n, l.text));
  });
  if (ls.length === 0) return null;
  const starts = segmentStarts(ls, meta.lines);
  const documents: OfficialDocument[] = [];
  const covered = new Set<number>();
  starts.forEach((s0, k) => {
    const e = k + 1 < starts.length ? starts[k + 1]! : ls.length;
    const f = readSegment(ls, s0, e, meta.lines);
    const single = starts.length === 1;
    const facts = single ? meta.facts : {};
    // A headline alone is not a document: it needs a 文号, a 令, or an official document's wording.
    if (!f.docNumber && !f.order && !f.official && !(single && (facts.title || facts.docNumber))) return;
    const from = ls[f.start]!.n;
    const to = k + 1 < starts.length ? ls[starts[k + 1]!]!.n : lines.length;
    for (let n = from; n < to; n++) if (!meta.lines.has(n)) covered.add(n);
    // Pinyin glosses (發(fā)) are a mirror's, not the document's: read and index the text without
    // them (the original text keeps them).
    const docLines = lines.slice(from, to).filter((_, i) => !meta.lines.has(from + i)).map((l) => stripPinyin(l.text));
    const built = buildDocument({ lines: docLines, originalText: raw.slice(from, to).join('\n') });
    documents.push(finish(built, f, facts));
  });
  return documents.length > 0 ? { documents, covered, facts: meta.facts } : null;
}

/** The reader's findings over what the document reader made of the same lines. */
function finish(built: OfficialDocument, f: Found, facts: PageFacts): OfficialDocument {
  const declaredTitle = facts.title ? facts.title.replace(/[(（](?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)）]/g, '') : null;
  const title = f.title?.printed ?? declaredTitle ?? '';
  const titleConfidence = f.title ? (f.title.fromPageTitle ? 0.8 : 1) : declaredTitle ? 0.7 : 0;
  const issuer = issuerOf(f, facts)?.replace(/^中华人民共和国(?=国务院)/, '') ?? null;
  let docNumber = f.docNumber;
  let docNumberConfidence = f.docNumberConfidence;
  if (f.order) docNumber = formatOrderNumber(resolveOrderIssuer(f.order, issuer));
  if (docNumber === null && facts.docNumber) {
    const declared = normaliseDocNumber(facts.docNumber) ?? (parseOrderNumber(facts.docNumber) ? formatOrderNumber(resolveOrderIssuer(parseOrderNumber(facts.docNumber)!, issuer)) : null);
    if (declared) {
      docNumber = declared;
      docNumberConfidence = 0.8;
    }
  }
  if (docNumber === null) docNumberConfidence = 0.6;
  let signedOn = f.date;
  let dateConfidence = f.dateConfidence;
  if (signedOn === null && (facts.writtenDate || facts.issuedDate)) {
    signedOn = facts.writtenDate ?? facts.issuedDate!;
    dateConfidence = facts.writtenDate ? 0.8 : 0.6;
  }
  if (signedOn === null) dateConfidence = 0.5;
  const kind = kindOf(f, f.title?.title ?? (declaredTitle ? toSimplified(declaredTitle) : ''), stripPinyin(built.simplifiedText ?? built.text));
  const warnings: Warning[] = built.warnings.filter((w) =>
    w.code !== 'document-no-title' && !(w.code === 'document-no-signed-date' && signedOn) && w.code !== 'document-no-docnumber');
  if (!title) warnings.push({ code: 'document-no-title', message: 'no title printed: the document is kept under a content key' });
  const confidence: FieldConfidence = { docNumber: docNumberConfidence, title: titleConfidence, signedOn: dateConfidence };
  warnings.push(...reviewWarnings(confidence, { docNumber, title, signedOn }, {
    ...(docNumberConfidence < 0.5 && docNumber ? { docNumber: '印刷残缺，已修复' } : {}),
    ...(!f.title && declaredTitle ? { title: '取自网页元数据' } : {}),
    ...(signedOn && !f.date ? { signedOn: '取自网页元数据' } : {}),
    ...(dateConfidence < 0.5 && signedOn ? { signedOn: '印刷残缺，已修复' } : {}),
  }));
  const id = docNumber ?? (title ? `doc-${sha12(title + (signedOn ?? ''))}` : `doc-${sha12(built.text)}`);
  return { ...built, id, docNumber, title, issuer, kind, signedOn, warnings, confidence };
}
