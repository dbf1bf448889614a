/**
 * A file that is not a gazette issue: one document (or a few) as a web page, a legal-information
 * site, a reprint or a newspaper prints it. The document is recognised from its header as a
 * whole — title (…关于…的通知, a 规章 name), 文号 or 令 number wherever printed, issuer,
 * addressees, signature and 成文日期 — and any of them may be missing or damaged. Navigation
 * chrome and the site's metadata block stay out of the document (front matter); the metadata
 * block is read as declared facts. Each field carries the reader's confidence.
 */
import { createHash } from 'node:crypto';
import { formatOrderNumber, normaliseDocNumber, parseOrderNumber, resolveOrderIssuer, type OrderNumber } from '../domain/doc-number.js';
import { reviewWarnings } from '../domain/review.js';
import type { DocKind, FieldConfidence, OfficialDocument, Warning } from '../domain/types.js';
import type { CleanLine } from './artefacts.js';
import { buildDocument } from './document.js';
import { issuerOfTitle } from './header.js';
import { publicityOf } from './markers.js';
import { signatureDate, subtitleDate, looseDate } from './page-dates.js';
import {
  damagedDocNumber, docNumberOfLine, endsTitle, isAddressee, isIssuerLine, isPromulgation, isTitlePiece, localIssuer, opensBody,
  orderOfLine, pageLine, promulgationNote, surelyOpensBody, titleKind, type PageLine,
} from './page-lines.js';
import { readMetadata, type PageFacts } from './page-meta.js';
import { stripPinyin, toSimplified } from './traditional.js';

export interface PageRead {
  readonly documents: OfficialDocument[];
  /** Line indices that belong to a document (the rest is front matter). */
  readonly covered: ReadonlySet<number>;
  readonly facts: PageFacts;
}

interface TitleRead {
  /** Simplified (for matching). */
  readonly title: string;
  /** As printed (traditional pages stay traditional). */
  readonly printed: string;
  /** ls indices of the title's lines. */
  readonly from: number;
  readonly to: number;
  readonly docNumber: string | null;
  readonly order: OrderNumber | null;
  /** The title line is a page's heading, not the document's own (《…》, 文号《…》). */
  readonly fromPageTitle: boolean;
}

/** 《…》 around a whole line, a 文号 in front (鲁政发〔2014〕20号《…》), a 文号 or 令 in brackets behind. */
function unwrapTitle(key: string): { key: string; docNumber: string | null; order: OrderNumber | null; page: boolean } {
  let k = key;
  let docNumber: string | null = null;
  let order: OrderNumber | null = null;
  let page = false;
  const front = /^([\u4e00-\u9fa5]{2,12}[〔\[［(（](?:19|20)\d\d[〕\]］)）]第?\d{1,5}号)(《.+》)$/.exec(k);
  if (front) {
    docNumber = normaliseDocNumber(front[1]!);
    k = front[2]!;
    page = true;
  }
  if (/^《[^《》]+(《[^《》]*》[^《》]*)*》$/.test(k) || /^《.+》$/.test(k) && !/》.*《/.test(k.slice(1, -1))) {
    k = k.slice(1, -1);
    page = true;
  }
  const back = /^(.+?)[(（]([^()（）]{4,30})[)）]$/.exec(k);
  if (back) {
    const dn = normaliseDocNumber(back[2]!);
    const on = dn ? null : parseOrderNumber(back[2]!);
    if (dn || on) {
      k = back[1]!;
      docNumber ??= dn;
      order = on;
    } else if (/^(\d{4}|修订|试行|暂行|\d{4}年?修订|\d{4}年修正)/.test(back[2]!) && /修订|修正/.test(back[2]!)) {
      k = back[1]!;
    }
  }
  return { key: k, docNumber, order, page };
}

const gapBetween = (ls: readonly PageLine[], a: number, b: number, meta: ReadonlySet<number>): number => {
  for (let n = ls[a]!.n + 1; n < ls[b]!.n; n++) if (meta.has(n)) return 99;
  return ls[b]!.n - ls[a]!.n - 1;
};

/** The title ending at ls[end]: earlier pieces joined (one blank line at most between them). */
function titleAt(ls: readonly PageLine[], end: number, meta: ReadonlySet<number>): TitleRead {
  const last = unwrapTitle(ls[end]!.key);
  const parts = [last.key];
  let from = end;
  const opens = (k: string) => /^(关于|印发|转发)/.test(k) || /^.{2,40}?(关于|印发|转发)/.test(k);
  while (from > 0) {
    const prev = ls[from - 1]!.key;
    const gap = gapBetween(ls, from - 1, from, meta);
    if (gap > 1 || !isTitlePiece(prev) || endsTitle(prev)) break;
    const head = parts[0]!;
    if (opens(head)) {
      // The issuer printed on its own line above 关于… (济宁市人民政府 / 关于…), or the joint
      // issuers ending with 印发 (鹤岗市人民政府 鹤岗市中级人民法院印发 / 关于…).
      if (/^(关于|印发|转发)/.test(head) && (isIssuerLine(prev) || /(印发|转发)$/.test(prev))) {
        parts.unshift(prev);
        from--;
      }
      break;
    }
    if (prev.startsWith('《') && !prev.includes('》')) break;
    parts.unshift(prev);
    from--;
  }
  const title = parts.join('');
  const lines = ls.slice(from, end + 1);
  return { title, printed: keepIssuerSpaces(asPrinted(lines, title), lines), from, to: end, docNumber: last.docNumber, order: last.order, fromPageTitle: last.page };
}

const ORGAN_END = /(人民政府|人民法院|人民检察院|办公室|办公厅|委员会|人民政府办公室|[部局厅委院])$/;

/**
 * Joint issuers printed with a space between them (鹤岗市人民政府 鹤岗市中级人民法院印发…) keep it:
 * the space separates two names, it is not extraction damage.
 */
function keepIssuerSpaces(title: string, lines: readonly PageLine[]): string {
  const source = lines.map((l) => stripPinyin(l.text)).join('\n');
  let out = '';
  for (let i = 0; i < title.length; i++) {
    out += title[i];
    const left = title.slice(0, i + 1);
    const next = title.slice(i + 1, i + 3);
    if (next.length === 2 && ORGAN_END.test(toSimplified(left)) && new RegExp(`${escape(title.slice(Math.max(0, i - 1), i + 1))}[ \u3000]+${escape(next)}`).test(source)) out += ' ';
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The printed form of a piece of the lines' keys (OpenCC maps character for character). */
function asPrinted(lines: readonly PageLine[], key: string): string {
  const keys = lines.map((l) => l.key).join('');
  const plain = lines.map((l) => l.plain).join('');
  const at = keys.indexOf(key);
  return at >= 0 && keys.length === plain.length ? plain.slice(at, at + key.length) : key;
}

/** Title, 文号 and date printed on one line, separated by spaces (中华文库, 浙政发[2009]69号 2009-11-03 …). */
function inlineHeader(l: PageLine): { title: string | null; docNumber: string | null; order: OrderNumber | null; date: string | null } | null {
  const segs = l.spaced.split(' ');
  if (segs.length < 2) return null;
  let title: string | null = null;
  let docNumber: string | null = null;
  let order: OrderNumber | null = null;
  let date: string | null = null;
  segs.forEach((s, i) => {
    const k = s.replace(/[|｜]/g, '');
    if (title === null && i === 0 && endsTitle(k)) title = k;
    else if (docNumber === null && normaliseDocNumber(k)) docNumber = normaliseDocNumber(k);
    else if (order === null && (parseOrderNumber(k) || parseOrderNumber(k + (segs[i + 1] ?? '')))) order = parseOrderNumber(k) ?? parseOrderNumber(k + segs[i + 1]!);
    else if (date === null && title !== null && /^(\d{4}[-年]\d{1,2}[-月]\d{1,2}日?)$/.test(k)) date = looseDate(k);
  });
  return title || docNumber || order ? { title, docNumber, order, date } : null;
}

const OFFICIAL_CUE = /提出如下意见|提出以下意见|制定本(办法|规定|细则|规则|条例)|本决定|本通知|本办法|本规定|本意见|特此通知|特此批复|现予公布|现予印发|现予发布|印发给你们|通知如下|批复如下|函复如下|请认真贯彻执行|请遵照执行|决定(对以下|废止|予以废止)/;

interface Found {
  readonly start: number;
  readonly title: TitleRead | null;
  readonly docNumber: string | null;
  readonly docNumberConfidence: number;
  readonly order: OrderNumber | null;
  readonly date: string | null;
  readonly dateConfidence: number;
  readonly signer: string | null;
  readonly issuerLine: string | null;
  readonly masthead: string | null;
  readonly subtitleIssuer: string | null;
  readonly official: boolean;
  /** A 令 header was printed (not only a promulgation note). */
  readonly orderPrinted: boolean;
}

/** Read one document's header within ls[s..e). */
function readSegment(ls: readonly PageLine[], s: number, e: number, meta: ReadonlySet<number>): Found {
  // Where 正文 starts: an addressee, a promulgation or a first article; else the first sentence
  // (chrome, spam and a news lead may come before the document on a page).
  let body = e;
  for (let i = s; i < e; i++) if (surelyOpensBody(ls[i]!)) { body = i; break; }
  if (body === e) for (let i = s; i < e; i++) if (opensBody(ls[i]!)) { body = i; break; }
  const isOrderHeader = (i: number) => orderOfLine(ls[i]!.key, ls[i + 1]?.key, ls[i]!.spaced) !== null;
  // The title: the last one before the body (a page prints its heading, then the document's own).
  let title: TitleRead | null = null;
  for (let i = body - 1; i >= Math.max(s, body - 12); i--) {
    const u = unwrapTitle(ls[i]!.key);
    if (endsTitle(u.key) && !isOrderHeader(i)) {
      title = titleAt(ls, i, meta);
      if (title.from < s) title = { ...title, from: s };
      break;
    }
  }
  // A 令 page whose 令 header was dropped: the promulgation, the signature, then the title.
  if (!title && body < e && isPromulgation(ls[body]!.key)) {
    for (let i = body + 1; i < Math.min(e, body + 5); i++) {
      if (endsTitle(ls[i]!.key)) {
        title = titleAt(ls, i, meta);
        if (title.from <= body) title = { ...title, from: i };
        break;
      }
    }
  }
  let inline: { title: string | null; docNumber: string | null; order: OrderNumber | null; date: string | null } | null = null;
  for (let i = s; i <= Math.min(body, e - 1); i++) {
    const h = inlineHeader(ls[i]!);
    if (!h) continue;
    inline = inline
      ? { title: inline.title ?? h.title, docNumber: inline.docNumber ?? h.docNumber, order: inline.order ?? h.order, date: inline.date ?? h.date }
      : h;
  }
  if (!title && inline?.title) {
    const at = ls.findIndex((l, i) => i >= s && l.spaced.startsWith(inline!.title!.slice(0, 4)));
    title = { title: inline.title, printed: asPrinted([ls[Math.max(s, at)]!], inline.title), from: Math.max(s, at), to: Math.max(s, at), docNumber: null, order: null, fromPageTitle: false };
  }

  // 文号 / 令 number near the title: on its own line, in the title, on the header line, in the note.
  const lo = Math.max(s, (title?.from ?? body) - 4);
  const hi = Math.min(e, Math.max(body, title ? title.to + 1 : s) + 3);
  let docNumber: string | null = null;
  let docNumberConfidence = 0;
  let order: OrderNumber | null = null;
  let numberAt = -1;
  for (let i = lo; i < hi && docNumber === null && order === null; i++) {
    const dn = docNumberOfLine(ls[i]!.key);
    if (dn) {
      docNumber = dn;
      numberAt = i;
      continue;
    }
    // 第84号 alone under a 令's title: the 令 number, its issuer the document's (resolved later).
    const bare = /^[（(]?第[\d一二三四五六七八九十百]+号[）)]?$/.test(ls[i]!.key) && body < e && isPromulgation(ls[body]!.key)
      ? parseOrderNumber(`令${ls[i]!.key.replace(/[（()）]/g, '')}`) : null;
    const on = orderOfLine(ls[i]!.key, ls[i + 1]?.key, ls[i]!.spaced) ?? bare;
    if (on && i !== body) {
      order = on;
      numberAt = i;
    }
  }
  if (docNumber === null && order === null && title) {
    docNumber = title.docNumber;
    order = title.order;
  }
  if (docNumber === null && order === null && inline) {
    docNumber = inline.docNumber;
    order = inline.order;
  }
  if (docNumber !== null || order !== null) docNumberConfidence = numberAt >= 0 ? 1 : 0.9;
  if (docNumber === null && order === null) {
    for (let i = lo; i < Math.min(e, hi + 3) && order === null; i++) order = promulgationNote(ls[i]!.key);
    if (order) docNumberConfidence = 0.8;
  }
  if (docNumber === null && order === null) {
    for (let i = lo; i < hi && docNumber === null; i++) {
      docNumber = damagedDocNumber(ls[i]!.key);
      if (docNumber) numberAt = i;
    }
    if (docNumber) docNumberConfidence = 0.4;
  }

  // 成文日期: the signature's date after the title, else a subtitle date, else the header line's.
  let date: string | null = null;
  let dateConfidence = 0;
  let signer: string | null = null;
  const afterTitle = title ? title.to + 1 : s;
  // A date between the title and 正文 is the page's (publication), not the signature's.
  const sigFrom = title && title.from > body ? body : Math.max(afterTitle, Math.min(body, e));
  for (let i = sigFrom; i < e; i++) {
    const d = signatureDate(ls[i]!.text);
    if (!d) continue;
    date = d.date;
    dateConfidence = d.damaged ? 0.4 : 1;
    // The issuers printed above the date (joint documents print one per line).
    const names: string[] = [];
    for (let j = i - 1; j >= sigFrom && names.length < 12; j--) {
      const k = ls[j]!.key.replace(/[?？]+$/, '');
      if (publicityOf(k)) continue;
      if (!isIssuerLine(k)) break;
      names.unshift(asPrinted([ls[j]!], k));
    }
    signer = names.length > 0 ? names.join('、') : null;
    break;
  }
  // A date that lost its year in a repost (年12月31日): no date, but the signers above it count.
  if (date === null) {
    for (let i = sigFrom; i < e && signer === null; i++) {
      if (!/^年\d{1,2}月\d{1,2}日$/.test(ls[i]!.key)) continue;
      const names: string[] = [];
      for (let j = i - 1; j >= sigFrom && names.length < 12 && isIssuerLine(ls[j]!.key); j--) names.unshift(asPrinted([ls[j]!], ls[j]!.key));
      if (names.length > 0) signer = names.join('、');
    }
  }
  let subtitleIssuer: string | null = null;
  if (date === null && title) {
    for (let i = title.to + 1; i < Math.min(e, title.to + 3); i++) {
      const d = subtitleDate(ls[i]!.key);
      if (d) {
        date = d;
        dateConfidence = 0.9;
        const held = /在(.{2,20}?[县市区州旗])第.{1,6}届人民代表大会/.exec(ls[i]!.key);
        if (held) subtitleIssuer = `${held[1]}人民政府`;
        break;
      }
    }
  }
  if (date === null && inline?.date) {
    date = inline.date;
    dateConfidence = 0.9;
  }

  // Issuer lines above the title (a site's 发布机关 line) and the 版头.
  let issuerLine: string | null = null;
  let masthead: string | null = null;
  const top = title ? title.from : Math.min(body, e);
  for (let i = Math.max(s, top - 6); i < top; i++) {
    const k = ls[i]!.key;
    if (/文件$/.test(k) && isIssuerLine(k.replace(/文件$/, ''))) masthead = asPrinted([ls[i]!], k.replace(/文件$/, ''));
    else if (isIssuerLine(k)) issuerLine = asPrinted([ls[i]!], localIssuer(k));
  }
  // …and below it (infoeach prints the issuer between two copies of the title).
  if (!issuerLine && title) {
    for (let i = title.to + 1; i < Math.min(body, title.to + 3); i++) if (isIssuerLine(ls[i]!.key)) issuerLine = asPrinted([ls[i]!], localIssuer(ls[i]!.key));
  }

  const text = ls.slice(s, e).map((l) => l.key).join('\n');
  const official = ls.slice(s, e).some((l) => isAddressee(l.key) || surelyOpensBody(l)) || OFFICIAL_CUE.test(text) || date !== null;
  const starts = [title?.from, numberAt >= 0 ? numberAt : undefined].filter((x): x is number => x !== undefined);
  // Without a title or a number the document opens at its first sentence (016: the decision's
  // own sentence stands above its list of items).
  let firstSentence = body;
  for (let i = s; i < body; i++) if (opensBody(ls[i]!)) { firstSentence = i; break; }
  const start = starts.length > 0 ? Math.min(...starts, body) : firstSentence < e ? firstSentence : s;
  return { start, title, docNumber, docNumberConfidence, order, date, dateConfidence, signer, issuerLine, masthead, subtitleIssuer, official, orderPrinted: order !== null && numberAt >= 0 };
}

const ORGAN_TAIL = /(人民政府|办公室|办公厅|委员会|常委会|国务院|政府|公署|行署|法院|党组|[部局厅署委院])$/;

/** Issuing bodies only: 浙江省人民政府 (not 浙江省人民政府贯彻国务院), joint names allowed. */
const ORGANS = /^(?:[\u4e00-\u9fa5]{0,24}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|常委会|国务院|政府|公署|行署|人民法院|检察院|党组|[部局厅署委])[、\s]*)+$/;

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
  if (fromTitle && ORGANS.test(fromTitle) && !/^(关于|印发|转发)|贯彻|落实/.test(fromTitle)) return printed(fromTitle);
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
