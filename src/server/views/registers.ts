/**
 * The registers the documents imply, read from the store (extracted once at ingest): the task
 * register, the promise-versus-outcome targets and their timelines, documents known only by reference.
 */
import { compareAcrossYears, type Target } from '../../extract/targets.js';
import type { TaskAssignment } from '../../extract/tasks.js';
import { canonicalUnit } from '../../store/gazetteer.js';
import type { KnownReference, Store } from '../../store/store.js';
import type {
  IndicatorPageT, IndicatorTimelineT, ReferencePageT, ReferenceRowT, TargetPageT, TargetRowT, TaskPageT, TaskRowT,
} from '../api/schemas.js';
import { memo } from './memo.js';
import { docUrl, refUrl } from './urls.js';

/** Titles of the documents a page of rows belongs to: one listing query, never the text. */
export async function documentTitles(store: Store, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const { items } = await store.listDocuments({ ids: wanted, limit: wanted.length });
  return new Map(items.map((d) => [d.id, d.title]));
}

export function taskRow(t: TaskAssignment, titles: Map<string, string>): TaskRowT {
  return {
    documentId: t.documentId,
    docNumber: t.docNumber,
    documentTitle: titles.get(t.documentId) ?? null,
    task: t.task,
    leads: t.leads,
    responsible: t.responsible,
    cooperating: t.cooperating,
    leader: t.leader,
    deadline: t.deadline,
    url: docUrl(t.documentId),
  };
}

export async function taskRows(store: Store, tasks: TaskAssignment[]): Promise<TaskRowT[]> {
  const titles = await documentTitles(store, tasks.map((t) => t.documentId));
  return tasks.map((t) => taskRow(t, titles));
}

export async function taskPage(store: Store, printed: string | undefined, limit: number, offset: number): Promise<TaskPageT> {
  // The register holds canonical names: 区人社局 asks for 区人力社保局's tasks.
  const unit = printed === undefined ? undefined : canonicalUnit(printed);
  const { total, items } = await store.listTasks({ ...(unit !== undefined ? { unit } : {}), limit, offset });
  return { unit: unit ?? null, total, limit, offset, items: await taskRows(store, items) };
}

export function targetRow(t: Target, titles: Map<string, string>): TargetRowT {
  return {
    documentId: t.documentId,
    docNumber: t.docNumber,
    documentTitle: titles.get(t.documentId) ?? null,
    indicator: t.indicator,
    indicatorKey: t.indicatorKey,
    kind: t.kind,
    year: t.year,
    measure: t.measure,
    value: t.value,
    unit: t.unit,
    qualifier: t.qualifier,
    quote: t.quote,
    block: t.block,
    url: docUrl(t.documentId),
  };
}

export interface TargetQuery {
  readonly indicator?: string | undefined;
  readonly year?: number | undefined;
  readonly kind?: Target['kind'] | undefined;
}

function targetFilter(q: TargetQuery) {
  return {
    ...(q.indicator !== undefined ? { indicatorKey: q.indicator } : {}),
    ...(q.year !== undefined ? { year: q.year } : {}),
    ...(q.kind !== undefined ? { kind: q.kind } : {}),
  };
}

export async function targetPage(store: Store, q: TargetQuery, limit: number, offset: number): Promise<TargetPageT> {
  const { total, items } = await store.listTargets({ ...targetFilter(q), limit, offset });
  const titles = await documentTitles(store, items.map((t) => t.documentId));
  return { total, limit, offset, items: items.map((t) => targetRow(t, titles)) };
}

export const indicatorUrl = (key: string): string => `/indicators?indicator=${encodeURIComponent(key)}`;

/**
 * Timelines (compareAcrossYears over the stored targets), those with both a promise and an outcome
 * first, then by how many years they cover. With `year`, only timelines that have that year.
 */
export async function indicatorTimelines(store: Store, q: Pick<TargetQuery, 'indicator' | 'year'>): Promise<IndicatorTimelineT[]> {
  const { items } = await store.listTargets(q.indicator !== undefined ? { indicatorKey: q.indicator } : {});
  const titles = await documentTitles(store, items.map((t) => t.documentId));
  const row = (t: Target) => targetRow(t, titles);
  const judged = (t: IndicatorTimelineT) => t.years.filter((y) => y.verdict !== null).length;
  return compareAcrossYears(items)
    .filter((t) => q.year === undefined || t.years.some((y) => y.year === q.year))
    .map((t) => ({
      indicatorKey: t.indicatorKey,
      indicator: t.indicator,
      years: t.years.map((y) => ({ year: y.year, promises: y.promises.map(row), outcomes: y.outcomes.map(row), verdict: y.verdict })),
      url: indicatorUrl(t.indicatorKey),
    }))
    .sort((a, b) => judged(b) - judged(a) || b.years.length - a.years.length || (a.indicatorKey < b.indicatorKey ? -1 : a.indicatorKey > b.indicatorKey ? 1 : 0));
}

export async function indicatorPage(store: Store, q: Pick<TargetQuery, 'indicator' | 'year'>, limit: number, offset: number): Promise<IndicatorPageT> {
  const all = await indicatorTimelines(store, q);
  return { total: all.length, limit, offset, items: all.slice(offset, offset + limit) };
}

export function referenceRow(r: KnownReference): ReferenceRowT {
  return {
    id: r.key,
    docNumber: r.docNumber,
    title: r.title,
    sources: r.sources,
    citedBy: r.citedBy,
    verbs: r.verbs,
    // As the reference page does: repealed by a stored decision, though the status engine has not said so.
    status: r.status ?? (r.verbs.includes('repeals') ? '已废止' : null),
    since: r.since,
    url: r.citedBy > 0 ? refUrl(r.key, r.docNumber) : null,
  };
}

/** Every known reference, read once per state of the store (the /references list and the 文号 look-up). */
export function knownReferences(store: Store): Promise<KnownReference[]> {
  return memo(store, 'references', () => store.listReferences());
}

export async function referencePage(store: Store, limit: number, offset: number): Promise<ReferencePageT> {
  const all = await knownReferences(store);
  return { total: all.length, limit, offset, items: all.slice(offset, offset + limit).map(referenceRow) };
}
