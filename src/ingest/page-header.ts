/**
 * One document's header on a page, read as a whole: where 正文 opens, the title, the 文号 or 令
 * number wherever printed, the signature's date and issuers, a subtitle date, a site's issuer line.
 */
import { parseOrderNumber, type OrderNumber } from '../domain/doc-number.js';
import { publicityOf } from './markers.js';
import { signatureDate, subtitleDate } from './page-dates.js';
import {
  damagedDocNumber, docNumberOfLine, endsTitle, isAddressee, isIssuerLine, isPromulgation, localIssuer, opensBody,
  orderOfLine, promulgationNote, surelyOpensBody, type PageLine,
} from './page-lines.js';
import { asPrinted, inlineHeader, titleAt, unwrapTitle, type TitleRead } from './page-title.js';

const OFFICIAL_CUE = /提出如下意见|提出以下意见|制定本(办法|规定|细则|规则|条例)|本决定|本通知|本办法|本规定|本意见|特此通知|特此批复|现予公布|现予印发|现予发布|印发给你们|通知如下|批复如下|函复如下|请认真贯彻执行|请遵照执行|决定(对以下|废止|予以废止)/;

export interface Found {
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
export function readSegment(ls: readonly PageLine[], s: number, e: number, meta: ReadonlySet<number>): Found {
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

