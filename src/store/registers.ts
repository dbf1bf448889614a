/**
 * The registers a document implies (tasks, targets, 规范性文件 judgement), shared by both backends:
 * which extractors run at ingest, and the version that tells an open store its stored registers
 * were made by older extractors and must be rebuilt from the stored documents.
 */
import type { OfficialDocument } from '../domain/types.js';
import { classifyNormative } from '../extract/normative.js';
import { extractTargets, type Target } from '../extract/targets.js';
import { extractTasks, type TaskAssignment } from '../extract/tasks.js';
import type { LegalStatus } from '../domain/types.js';
import { RELATION_VERBS, type DocumentRegisters, type KnownReference, type RelationVerb } from './store.js';

export type RegisterExtractor = (doc: OfficialDocument) => DocumentRegisters;

/**
 * Bump when an extractor in src/extract changes what it finds: every store rebuilds its registers
 * from the stored documents once, on the next open (a stored number different from this one).
 * 1: tasks, targets and normative first stored (targets from the stub: none).
 * 2: extractTargets and classifyNormative implemented; 2024 plans read with the declared year.
 */
export const REGISTERS_VERSION = 2;

export const extractRegisters: RegisterExtractor = (doc) => ({
  tasks: extractTasks(doc),
  targets: extractTargets(doc),
  normative: classifyNormative(doc),
});

export interface StoreOptions {
  /** The extractors run at ingest and rebuild (tests pass hand-made registers). */
  readonly extract?: RegisterExtractor;
}

/** A task's units in print order, one row each: lead or support. */
export function taskUnits(t: TaskAssignment): Array<{ role: 'lead' | 'support'; position: number; unit: string }> {
  return [
    ...t.leads.map((unit, position) => ({ role: 'lead' as const, position, unit })),
    ...t.supports.map((unit, position) => ({ role: 'support' as const, position, unit })),
  ];
}

/** Rebuild a TaskAssignment from its stored row and unit rows. */
export function toTask(
  r: { document_id: string; doc_number: string | null; task: string; leader: string | null; deadline: string | null; source: TaskAssignment['source'] },
  units: ReadonlyArray<{ role: string; unit: string }>,
): TaskAssignment {
  return {
    documentId: r.document_id,
    docNumber: r.doc_number,
    task: r.task,
    leads: units.filter((u) => u.role === 'lead').map((u) => u.unit),
    supports: units.filter((u) => u.role === 'support').map((u) => u.unit),
    leader: r.leader,
    deadline: r.deadline,
    source: r.source,
  };
}

/** The contract's fields of a Target; anything else (optional fields added later) is stored as extra JSON. */
const TARGET_FIELDS = new Set(['documentId', 'docNumber', 'indicator', 'indicatorKey', 'kind', 'year', 'measure', 'value', 'unit', 'qualifier', 'quote', 'block']);

/** Optional fields beyond the contract (topic, estimated…), as JSON, so a Target round-trips whole. */
export function targetExtra(t: Target): string {
  return JSON.stringify(Object.fromEntries(Object.entries(t).filter(([k, v]) => !TARGET_FIELDS.has(k) && v !== undefined)));
}

export interface TargetRow {
  document_id: string;
  doc_number: string | null;
  indicator: string;
  indicator_key: string;
  kind: string;
  year: number;
  measure: string;
  value: number;
  unit: string;
  qualifier: string | null;
  quote: string;
  block: number;
  extra: string | Record<string, unknown>;
}

export function toTarget(r: TargetRow): Target {
  return {
    ...(typeof r.extra === 'string' ? JSON.parse(r.extra) : r.extra),
    documentId: r.document_id,
    docNumber: r.doc_number,
    indicator: r.indicator,
    indicatorKey: r.indicator_key,
    kind: r.kind as Target['kind'],
    year: Number(r.year),
    measure: r.measure as Target['measure'],
    value: Number(r.value),
    unit: r.unit,
    qualifier: r.qualifier as Target['qualifier'],
    quote: r.quote,
    block: Number(r.block),
  };
}

/** Rows the backends read for listReferences; held documents already left out. */
export interface ReferenceRows {
  readonly index: ReadonlyArray<{ key: string; doc_number: string | null; title: string | null; source: string }>;
  readonly relations: ReadonlyArray<{ key: string; doc_number: string | null; title: string | null; subject_id: string; verb: string }>;
  readonly statuses: ReadonlyArray<{ document_id: string; status: string; since: string | null }>;
}

/** One KnownReference per key, most cited first (the same on both backends). */
export function knownReferences(rows: ReferenceRows): KnownReference[] {
  const byKey = new Map<string, { docNumber: string | null; title: string | null; sources: Set<KnownReference['sources'][number]>; citers: Set<string>; verbs: Set<RelationVerb> }>();
  const slot = (key: string) =>
    byKey.get(key) ?? byKey.set(key, { docNumber: null, title: null, sources: new Set(), citers: new Set(), verbs: new Set() }).get(key)!;
  for (const r of rows.index) {
    const s = slot(r.key);
    s.docNumber ??= r.doc_number;
    s.title ??= r.title;
    s.sources.add(r.source === 'index' ? 'index' : 'citation');
  }
  for (const r of rows.relations) {
    const s = slot(r.key);
    s.docNumber ??= r.doc_number;
    s.title ??= r.title;
    s.sources.add('relation');
    s.citers.add(r.subject_id);
    s.verbs.add(r.verb as RelationVerb);
  }
  const statuses = new Map(rows.statuses.map((s) => [s.document_id, s]));
  const order = ['index', 'citation', 'relation'] as const;
  return [...byKey]
    .map(([key, s]): KnownReference => ({
      key,
      docNumber: s.docNumber,
      title: s.title,
      sources: order.filter((o) => s.sources.has(o)),
      citedBy: s.citers.size,
      verbs: RELATION_VERBS.filter((v) => s.verbs.has(v)),
      status: (statuses.get(key)?.status as LegalStatus | undefined) ?? null,
      since: statuses.get(key)?.since ?? null,
    }))
    .sort((a, b) => b.citedBy - a.citedBy || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
