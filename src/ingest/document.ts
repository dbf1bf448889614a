/**
 * One document's lines (from the issue splitter) → OfficialDocument with its GB/T 9704 elements.
 * Stages: tables out of the line stream → paragraphs rebuilt → character repairs → header,
 * signature, attachments → body blocks, citations. Every paragraph lands in `text`; body holds
 * the 正文 (and attached texts), not the title area, signature block or 附件说明.
 */
import { createHash } from 'node:crypto';
import { normaliseDocNumber } from '../domain/doc-number.js';
import type { Attachment, BodyBlock, DocKind, OfficialDocument, Table, Warning } from '../domain/types.js';
import { findCitations } from '../extract/citations.js';
import { attachmentHeading, isAttachmentNote, parseAttachmentNote } from './attachments.js';
import { toBlock } from './blocks.js';
import type { DocumentSource } from './document-source.js';
import { findPublicity, findSignature, issuerOfTitle, readHeader } from './header.js';
import { headingMarker, kindOfTitle, publicityOf } from './markers.js';
import { detectColumn, rebuildParagraphs } from './paragraphs.js';
import { repairText } from './punctuation.js';
import { findTableRuns, parseTable, sameHeader } from './tables.js';
import { simplifiedIfTraditional, toSimplified } from './traditional.js';

type Item = { readonly kind: 'p'; readonly p: number } | { readonly kind: 't'; readonly table: Omit<Table, 'afterBlock'> };

const rowText = (r: readonly string[]): string => r.map((c) => c.replace(/\n/g, ' ')).join('\t');

interface Layout {
  readonly items: Item[];
  /** Repaired paragraphs as printed. */
  readonly paras: string[];
}

/** Split the lines into paragraphs and tables, in reading order. */
function layout(lines: readonly string[], printed?: readonly string[]): Layout {
  const col = detectColumn(lines);
  const items: Item[] = [];
  const paras: string[] = [];
  const addParas = (from: number, to: number): void => {
    for (const p of rebuildParagraphs(lines.slice(from, to), col, printed?.slice(from, to))) {
      const text = repairText(p.text);
      if (text === '') continue;
      items.push({ kind: 'p', p: paras.length });
      paras.push(text);
    }
  };
  let at = 0;
  for (const run of findTableRuns(lines)) {
    addParas(at, run.start);
    const t = parseTable(lines.slice(run.start, run.end), run.source);
    const last = items[items.length - 1];
    const prev = last?.kind === 'p' ? paras[last.p]! : undefined;
    const title = prev && prev.length <= 60 && !/[。；，：:]/.test(prev) ? prev : undefined;
    items.push({ kind: 't', table: title ? { ...t, title } : t });
    at = run.end;
  }
  addParas(at, lines.length);
  return { items, paras };
}

function sha1hex12(s: string): string {
  return createHash('sha1').update(s).digest('hex').slice(0, 12);
}

/** Title as printed: parts joined; the space some extractions put before 关于 removed. */
function joinTitle(parts: string[]): string {
  return parts.join('').replace(/\s+/g, '');
}

type Role = 'head' | 'sig' | 'note' | 'footer';

/**
 * Attachments in reading order: the 附件说明 of the covering text; after its signature block,
 * 附件N headings, or the instrument an 印发/转发 notice carries; and that text's own 附件说明.
 * Marks 附件说明 paragraphs in `role`; `owner` maps a paragraph to its attachment number.
 */
function readAttachments(keys: readonly string[], paras: readonly string[], role: Map<number, Role>,
  endOfCover: number, title: string, titleKey: string): { attachments: Attachment[]; owner: Map<number, number> } {
  const attachments: Attachment[] = [];
  const owner = new Map<number, number>();
  const instrument = endOfCover >= 0 && /印发|转发/.test(titleKey) && !keys.some((k, i) => i > endOfCover && attachmentHeading(k));
  let current: number | undefined;
  keys.forEach((k, i) => {
    if (role.has(i)) return;
    if (isAttachmentNote(k)) {
      role.set(i, 'note');
      for (const a of parseAttachmentNote(paras[i]!)) attachments.push({ ...a, number: attachments.length + 1 });
      return;
    }
    if (i <= endOfCover) return;
    const h = attachmentHeading(k);
    if (h) {
      current = h.number;
      if (!attachments.some((a) => a.number === h.number)) {
        const next = keys[i + 1];
        const t = h.title ?? (next && next.length <= 60 && !/[。；，]/.test(next) ? paras[i + 1]! : '');
        attachments.push({ number: h.number, title: t, omitted: false });
      }
    } else if (instrument && current === undefined) {
      current = attachments.length + 1;
      // Its own title line when printed (not a heading), else the name the notice gives it.
      const named = /(?:印发|转发)《?(.+?)》?的(?:通知|决定)$/.exec(title)?.[1];
      const t = k.length <= 60 && !/[。；，：:]/.test(k) && !headingMarker(k) ? paras[i]! : named ?? '';
      attachments.push({ number: current, title: t, omitted: false });
    }
    if (current !== undefined) owner.set(i, current);
  });
  return { attachments, owner };
}

/** Build the OfficialDocument for one document's lines. */
export function buildDocument(src: DocumentSource): OfficialDocument {
  const { items, paras } = layout(src.lines, src.printed);
  // Every paragraph and table row, in reading order: what search indexes.
  const text = items.map((it) => (it.kind === 'p' ? paras[it.p]! : [it.table.header, ...it.table.rows].map(rowText).join('\n'))).join('\n');
  const simplifiedText = simplifiedIfTraditional(text);
  // Patterns are matched on simplified characters so traditional pages read the same way.
  const keys = simplifiedText === null ? paras : paras.map(toSimplified);
  const warnings: Warning[] = [...(src.warnings ?? [])];
  const role = new Map<number, Role>();

  const head = readHeader(keys);
  for (const i of [...head.mastheads, head.docNumber, head.addressees, ...head.title]) if (i !== null) role.set(i, 'head');
  let title = joinTitle(head.title.map((i) => paras[i]!));
  let titleKey = joinTitle(head.title.map((i) => keys[i]!));
  if (!title) {
    // 001_: no masthead; the title is only a footer at the end (…工作报告).
    const last = keys.length - 1;
    if (last >= 0 && keys[last]!.length <= 40 && /报告$/.test(keys[last]!) && !/[。，；]/.test(keys[last]!)) {
      title = paras[last]!;
      titleKey = keys[last]!;
      role.set(last, 'footer');
    } else if (src.hint?.title) {
      title = titleKey = src.hint.title;
    } else warnings.push({ code: 'document-no-title', message: 'no title found in the document' });
  }

  const afterHead = [...role.keys()].reduce((m, k) => Math.max(m, k), -1) + 1;
  const sig = findSignature(keys, afterHead);
  if (sig) {
    role.set(sig.date, 'sig');
    if (sig.issuer !== null) role.set(sig.issuer, 'sig');
  }
  const pub = findPublicity(keys, sig ? (sig.issuer ?? sig.date) : 0);
  if (pub !== null) role.set(pub, 'sig');

  const endOfCover = Math.max(sig?.date ?? -1, pub ?? -1);
  const { attachments, owner } = readAttachments(keys, paras, role, endOfCover, title, titleKey);

  const body: BodyBlock[] = [];
  const tables: Table[] = [];
  items.forEach((it, k) => {
    if (it.kind === 't') {
      const prev = items[k - 1];
      const last = tables[tables.length - 1];
      if (prev?.kind === 't' && last && sameHeader(last.header, it.table.header)) {
        // A page break cut the table and the header was printed again: one table.
        for (const r of it.table.rows) last.rows.push(r); // no spread: a long table would overflow the stack
      } else tables.push({ ...it.table, rows: [...it.table.rows], afterBlock: body.length - 1 });
      return;
    }
    if (!role.has(it.p)) body.push(toBlock(paras[it.p]!, owner.get(it.p)));
  });

  const docNumberRaw = head.docNumber !== null ? keys[head.docNumber]!.replace(/^[（(](.+)[）)]$/, '$1') : src.hint?.docNumber ?? null;
  const docNumber = docNumberRaw ? normaliseDocNumber(docNumberRaw) : null;
  if (head.mastheads.length > 0 && docNumber === null) {
    warnings.push({ code: 'document-no-docnumber', message: 'masthead printed but no 文号 found' });
  }
  const issuerKey = issuerOfTitle(titleKey)
    ?? (head.mastheads.length > 0 ? keys[head.mastheads[0]!]!.replace(/文件$/, '') : null)
    ?? (sig?.issuer != null ? keys[sig.issuer]! : null);
  // Give the issuer as printed (traditional pages stay traditional): OpenCC maps char for char.
  const issuer = issuerKey && titleKey.startsWith(issuerKey) && title.length === titleKey.length ? title.slice(0, issuerKey.length) : issuerKey;
  const kind: DocKind | null = src.hint?.kind ?? kindOfTitle(titleKey);
  const signedOn = sig?.signedOn ?? null;
  // A 公文 always carries its 成文日期; a 政府工作报告 has none.
  if (signedOn === null && kind !== '报告') warnings.push({ code: 'document-no-signed-date', message: 'no 成文日期 found in a signature block' });

  return {
    id: docNumber ?? `doc-${sha1hex12(title + (signedOn ?? ''))}`,
    docNumber,
    title,
    issuer,
    kind,
    addressees: head.addressees !== null ? paras[head.addressees]!.replace(/[：:]$/, '') : null,
    signedOn,
    publicity: pub !== null ? publicityOf(keys[pub]!) : null,
    attachments,
    body,
    tables,
    cites: findCitations(body),
    warnings,
    text,
    ...(simplifiedText ? { simplifiedText } : {}),
    originalText: src.originalText,
  };
}
