/** Feed entries: documents as their issues arrive, and status changes (repeals, corrections). */
import type { Store } from '../../store/store.js';
import type { FeedEntryT, FeedT } from '../api/schemas.js';
import { issueTitle } from './documents.js';
import { memo } from './memo.js';
import { docUrl, refUrl } from './urls.js';

const MAX_ENTRIES = 100;

/** Atom wants full timestamps; 成文日期 and repeal dates are days. */
const stamp = (day: string | null, fallback: string): string => (day ? `${day}T00:00:00Z` : fallback);

/**
 * A quote that runs on into the signature because the printed sentence breaks off (002_ prints
 * 予以废止，不再施 and then 重庆市武隆区人民政府): end it where the text does, and say so.
 */
export function endAtSignature(quote: string, issuer: string | null): string {
  if (!issuer || !quote.endsWith(issuer)) return quote;
  const before = quote.slice(0, -issuer.length);
  return /[。；！？!?]\s*$/.test(before) || before === '' ? quote : `${before}……（原文至此中断）`;
}

/** Entry ids that do not depend on the address the feed was fetched from (RFC 4151 tag: URIs). */
export const entryTag = (id: string): string => `tag:gongbao,2024:${encodeURIComponent(id)}`;

/** The feed, built once per state of the store: it reads every issue and its documents. */
export function feedView(store: Store): Promise<FeedT> {
  return memo(store, 'feed', () => buildFeed(store));
}

async function buildFeed(store: Store): Promise<FeedT> {
  const entries: FeedEntryT[] = [];
  const issues = await store.listIssues();
  for (const issue of issues) {
    const { items } = await store.listDocuments({ issueId: issue.id, limit: 1000 });
    for (const d of items) {
      // Undated text (a report fragment): the year its publisher declared, read only then.
      const year = d.signedOn || issue.publishedOn || issue.year ? issue.year : ((await store.getDocument(d.id))?.declaredYear ?? null);
      entries.push({
        id: `doc:${d.id}`,
        type: 'document',
        title: d.title,
        // Dated by the document (成文日期, else the issue's date or year), never by when we ingested it.
        updated: stamp(d.signedOn ?? issue.publishedOn ?? (year ? `${year}-01-01` : null), issue.ingestedAt),
        summary: [d.docNumber, d.signedOn && `成文日期 ${d.signedOn}`, `收录于 ${issueTitle(issue)}`].filter(Boolean).join('；'),
        url: docUrl(d.id),
      });
    }
  }
  const fallback = issues.map((i) => i.ingestedAt).sort().at(-1) ?? new Date(0).toISOString();
  const repeals = (await store.allRelations()).filter((r) => r.verb === 'repeals');
  const issuers = new Map((await store.listDocuments({ ids: [...new Set(repeals.map((r) => r.subjectId))], limit: 100000 })).items.map((d) => [d.id, d.issuer]));
  for (const r of repeals) {
    const held = !r.objectId.startsWith('ref:');
    entries.push({
      id: `status:${r.objectId}:${r.subjectId}`,
      type: 'status',
      title: `已废止：${r.objectTitle ?? r.objectDocNumber ?? r.objectId}`,
      updated: stamp(r.date, fallback),
      summary: endAtSignature(r.quote, issuers.get(r.subjectId) ?? null),
      url: held ? docUrl(r.objectId) : refUrl(r.objectId, r.objectDocNumber),
    });
  }
  // Status changes the repeals above do not cover: sunsets (有效期), amendments, partial expiry.
  const { items: changed } = await store.listDocuments({ status: ['已失效', '已修改', '部分失效'], limit: 100000 });
  for (const d of changed) {
    const st = await store.getStatus(d.id);
    entries.push({
      id: `status:${d.id}:${d.status}`,
      type: 'status',
      title: `${d.status}：${d.title}`,
      updated: stamp(st?.since ?? null, fallback),
      summary: st?.evidence[0]?.quote ?? d.status,
      url: docUrl(d.id),
    });
  }
  for (const c of await store.corrections()) {
    const title = (await store.getDocument(c.documentId))?.title ?? c.documentId;
    entries.push({
      id: `correction:${c.documentId}:${c.createdAt}`,
      type: 'status',
      title: `状态更正为${c.status}：${title}`,
      updated: c.createdAt,
      summary: `${c.author}：${c.reason}`,
      url: c.documentId.startsWith('ref:') ? refUrl(c.documentId, null) : docUrl(c.documentId),
    });
  }
  entries.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
  const top = entries.slice(0, MAX_ENTRIES);
  return { updated: top[0]?.updated ?? fallback, entries: top };
}
