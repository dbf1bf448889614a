/** Document-level data for the API and the pages: one function per response, same shape for both. */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { normaliseDocNumber } from '../../domain/doc-number.js';
import type { LegalStatus } from '../../domain/types.js';
import type { DocumentSummary, Relation, Store, StoredIssue } from '../../store/store.js';
import type { DocumentDetailT, DocumentSummaryT, ReferenceDetailT, RelationLinkT, StatusInfoT } from '../api/schemas.js';
import { memo } from './memo.js';
import { docUrl, issueUrl, refKey, refUrl } from './urls.js';

export function toSummary(s: DocumentSummary): DocumentSummaryT {
  return {
    id: s.id,
    docNumber: s.docNumber,
    title: s.title,
    issuer: s.issuer,
    kind: s.kind,
    signedOn: s.signedOn,
    issueId: s.issueId,
    status: s.status,
    url: docUrl(s.id),
  };
}

const isRef = (id: string): boolean => id.startsWith('ref:');

/** A stored status with its evidence; `fallback` is used when the status engine has not run. */
export async function statusInfo(store: Store, id: string, fallback?: Partial<StatusInfoT>): Promise<StatusInfoT> {
  const [stored, corrections] = await Promise.all([store.getStatus(id), store.corrections(id)]);
  const latest = corrections.at(-1);
  return {
    // An editor's correction is the last word; the extracted evidence stays visible beside it.
    status: latest?.status ?? stored?.status ?? fallback?.status ?? '未知',
    since: latest?.effectiveFrom ?? stored?.since ?? fallback?.since ?? null,
    evidence: stored
      ? stored.evidence.map((e) => ({ ...e, url: e.docNumber ? docUrl(e.docNumber) : null }))
      : (fallback?.evidence ?? []),
    corrections: corrections.map(({ status, effectiveFrom, author, reason, createdAt }) => ({ status, effectiveFrom, author, reason, createdAt })),
  };
}

function linkOut(r: Relation): RelationLinkT {
  const held = !isRef(r.objectId);
  return {
    verb: r.verb,
    otherId: r.objectId,
    held,
    docNumber: r.objectDocNumber,
    title: r.objectTitle,
    date: r.date,
    quote: r.quote,
    reason: r.reason,
    url: held ? docUrl(r.objectId) : refUrl(r.objectId, r.objectDocNumber),
  };
}

/** Incoming relations name only the subject's id; look its title up once per subject. */
async function linksIn(store: Store, rels: Relation[]): Promise<RelationLinkT[]> {
  const names = new Map<string, { docNumber: string | null; title: string | null }>();
  for (const id of new Set(rels.map((r) => r.subjectId))) {
    const d = await store.getDocument(id);
    names.set(id, { docNumber: d?.docNumber ?? null, title: d?.title ?? null });
  }
  return rels.map((r) => ({
    verb: r.verb,
    otherId: r.subjectId,
    held: true,
    docNumber: names.get(r.subjectId)?.docNumber ?? null,
    title: names.get(r.subjectId)?.title ?? null,
    date: r.date,
    quote: r.quote,
    reason: r.reason,
    url: docUrl(r.subjectId),
  }));
}

/** The (first listed) issue printing each document, once per state of the store. */
function issueOfDocument(store: Store): Promise<Map<string, StoredIssue>> {
  return memo(store, 'issueOfDocument', async () => {
    const out = new Map<string, StoredIssue>();
    for (const i of await store.listIssues()) for (const id of i.documentIds) if (!out.has(id)) out.set(id, i);
    return out;
  });
}

export async function documentDetail(store: Store, key: string): Promise<DocumentDetailT | null> {
  const doc = await store.getDocument(key);
  if (!doc) return null;
  const [rels, printedIn, normative] = await Promise.all([store.relations(doc.id), issueOfDocument(store), store.getNormative(doc.id)]);
  const issue = printedIn.get(doc.id) ?? null;
  return {
    id: doc.id,
    docNumber: doc.docNumber,
    title: doc.title,
    issuer: doc.issuer,
    kind: doc.kind,
    addressees: doc.addressees,
    signedOn: doc.signedOn,
    publicity: doc.publicity,
    pages: doc.pages ?? null,
    issue: issue ? { id: issue.id, title: issueTitle(issue), url: issueUrl(issue.id) } : null,
    source: {
      file: issue ? basename(issue.sourceFile) : null,
      fileSha256: issue?.sha256 ?? null,
      textUrl: originalTextUrl(doc.id),
      textSha256: sha256(doc.originalText),
    },
    attachments: doc.attachments,
    body: doc.body,
    tables: doc.tables,
    status: await statusInfo(store, doc.id),
    normative: normative ? { normative: normative.normative, reasons: normative.reasons } : null,
    relations: {
      outgoing: rels.outgoing.map(linkOut),
      incoming: await linksIn(store, rels.incoming),
    },
    url: docUrl(doc.id),
  };
}

/** 重庆市武隆区人民政府公报 2024年第2期（总第165期） */
export function issueTitle(i: { title: string; year: number | null; number: number | null; totalNumber: number | null }): string {
  const period = i.year && i.number ? ` ${i.year}年第${i.number}期` : i.year ? ` ${i.year}年` : '';
  return `${i.title}${period}${i.totalNumber ? `（总第${i.totalNumber}期）` : ''}`;
}

/**
 * A document stated to be repealed by someone else (上位文件…已废止): the status engine records it
 * as a `cites` relation carrying the statement as its reason (plain citations carry none), so the
 * stating document is never shown as the repealer.
 */
export const isNotedRepeal = (r: { verb: string; reason: string | null }): boolean => r.verb === 'cites' && r.reason !== null && r.reason.includes('废止');

export function notedBy(links: RelationLinkT[]): { docNumber: string | null; url: string } | null {
  const l = links.find(isNotedRepeal);
  return l ? { docNumber: l.docNumber, url: l.url ?? docUrl(l.otherId) } : null;
}

/**
 * A document we do not hold but know by citation or repeal. Null when nothing points at it.
 * Without a stored status, an incoming repeal is shown as 已废止 with that repeal as evidence;
 * a noted repeal as 已废止 since an unknown date, its statement as evidence.
 */
export async function referenceDetail(store: Store, key: string): Promise<ReferenceDetailT | null> {
  const id = refKey(key);
  const rels = await store.relations(id);
  if (rels.incoming.length === 0) return null;
  const incoming = await linksIn(store, rels.incoming);
  const repeal = incoming.find((l) => l.verb === 'repeals');
  const noted = incoming.find(isNotedRepeal);
  const fallback: Partial<StatusInfoT> | undefined = repeal
    ? { status: '已废止' as LegalStatus, since: repeal.date, evidence: [{ docNumber: repeal.docNumber, quote: repeal.quote, date: repeal.date, url: repeal.url }] }
    : noted
      ? { status: '已废止' as LegalStatus, since: null, evidence: [{ docNumber: noted.docNumber, quote: noted.reason ?? noted.quote, date: noted.date, url: noted.url }] }
      : undefined;
  const first = rels.incoming[0]!;
  const docNumber = first.objectDocNumber ?? normaliseDocNumber(id.slice(4));
  return {
    id,
    docNumber,
    title: rels.incoming.find((r) => r.objectTitle)?.objectTitle ?? null,
    status: await statusInfo(store, id, fallback),
    incoming,
    url: refUrl(id, docNumber),
  };
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The document's text as extracted from the received file, as a UTF-8 download. */
export const originalTextUrl = (id: string): string => `${docUrl(id)}/original.txt`;

export async function originalText(store: Store, key: string): Promise<{ id: string; originalText: string } | null> {
  const doc = await store.getDocument(key);
  return doc ? { id: doc.id, originalText: doc.originalText } : null;
}

/** The stable address of what /doc/<key> shows: by canonical 文号, else id; null when unknown. */
export async function canonicalDocUrl(store: Store, key: string): Promise<string | null> {
  const doc = await store.getDocument(key);
  if (doc) return docUrl(doc.id);
  const ref = await store.relations(refKey(key));
  return ref.incoming.length > 0 ? refUrl(refKey(key), ref.incoming[0]!.objectDocNumber) : null;
}
