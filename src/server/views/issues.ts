/** Issue-level data (home page counts, issues by year, one issue with its 目录). */
import { normaliseDocNumber } from '../../domain/doc-number.js';
import type { Store, StoredIssue } from '../../store/store.js';
import type { DocumentSummaryT, IssueDetailT, IssueSummaryT, StatsT } from '../api/schemas.js';
import { isNotedRepeal, issueTitle, toSummary } from './documents.js';
import { memo } from './memo.js';
import { docUrl, issueUrl } from './urls.js';

export function issueSummary(i: StoredIssue): IssueSummaryT {
  return {
    id: i.id,
    title: issueTitle(i),
    year: i.year,
    number: i.number,
    totalNumber: i.totalNumber,
    publishedOn: i.publishedOn,
    documentCount: i.documentIds.length,
    url: issueUrl(i.id),
  };
}

/** Newest first: by year, then number, then publication date. */
function newestFirst(a: StoredIssue, b: StoredIssue): number {
  return (b.year ?? 0) - (a.year ?? 0) || (b.number ?? 0) - (a.number ?? 0) || (b.publishedOn ?? '').localeCompare(a.publishedOn ?? '');
}

export function stats(store: Store): Promise<StatsT> {
  return memo(store, 'stats', () => computeStats(store));
}

async function computeStats(store: Store): Promise<StatsT> {
  const [counts, issues, relations] = await Promise.all([store.counts(), store.listIssues(), store.allRelations()]);
  const latest = [...issues].sort(newestFirst)[0];
  // Counted as the library counts them: repealed by a stored decision or stated repealed by one.
  const repealed = new Set(relations.filter((r) => (r.verb === 'repeals' || isNotedRepeal(r)) && r.objectId.startsWith('ref:')).map((r) => r.objectId));
  return {
    issues: counts.issues,
    documents: counts.documents,
    byStatus: counts.byStatus,
    byKind: counts.byKind,
    repealedNotHeld: repealed.size,
    latestIssue: latest ? issueSummary(latest) : null,
  };
}

export async function issueList(store: Store, year: number | undefined, limit: number, offset: number) {
  const all = await memo(store, 'issuesNewestFirst', async () => (await store.listIssues()).sort(newestFirst));
  const years = [...new Set(all.map((i) => i.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  const chosen = year === undefined ? all : all.filter((i) => i.year === year);
  return { total: chosen.length, limit, offset, years, items: chosen.slice(offset, offset + limit).map(issueSummary) };
}

/** Strip punctuation and spaces so a 目录 title split over lines still matches the document title. */
const squash = (s: string): string => s.replace(/[\s\p{P}]/gu, '');

export async function issueDetail(store: Store, id: string): Promise<IssueDetailT | null> {
  const issue = await store.getIssue(id);
  if (!issue) return null;
  const { items } = await store.listDocuments({ issueId: issue.id, limit: 1000, sort: 'docNumber' });
  const byOrder = new Map(issue.documentIds.map((d, i) => [d, i]));
  const documents = items.map(toSummary).sort((a, b) => (byOrder.get(a.id) ?? 1e9) - (byOrder.get(b.id) ?? 1e9));
  const find = (title: string, docNumber: string | null): DocumentSummaryT | undefined => {
    const dn = docNumber ? normaliseDocNumber(docNumber) : null;
    return (dn ? documents.find((d) => d.docNumber && normaliseDocNumber(d.docNumber) === dn) : undefined) ?? documents.find((d) => squash(d.title) === squash(title));
  };
  // Index entries may name documents printed in other issues; link them when we hold them.
  const linkAnywhere = async (docNumber: string | null) => (docNumber ? await store.getDocument(docNumber) : null);
  return {
    ...issueSummary(issue),
    contents: issue.contents.map((c) => {
      const d = find(c.title, c.docNumber);
      return { title: c.title, docNumber: c.docNumber, page: c.page, group: c.group ?? null, documentId: d?.id ?? null, url: d?.url ?? null };
    }),
    index: await Promise.all(
      issue.index.map(async (e) => {
        const d = find(e.title, e.docNumber) ?? (await linkAnywhere(e.docNumber));
        return { title: e.title, docNumber: e.docNumber, documentId: d?.id ?? null, url: d ? docUrl(d.id) : null };
      }),
    ),
    documents,
    warnings: issue.warnings.map(({ code, message }) => ({ code, message })),
  };
}
