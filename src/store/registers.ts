/**
 * The registers a document implies (tasks, targets, 规范性文件 judgement), shared by both backends:
 * which extractors run at ingest, and the version that tells an open store its stored registers
 * were made by older extractors and must be rebuilt from the stored documents.
 */
import type { OfficialDocument } from '../domain/types.js';
import { classifyNormative } from '../extract/normative.js';
import { extractTargets, type Target } from '../extract/targets.js';
import { extractTasks, type TaskAssignment } from '../extract/tasks.js';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { canonicalTask, defaultGazetteer, snippetAt, unitMentionsWithExcerpt, type SnippetExcerpt } from '../extract/units/index.js';
import type { LegalStatus } from '../domain/types.js';
import { RELATION_VERBS, type DocumentRegisters, type KnownReference, type RelationVerb, type StoredUnitMention, type UnitCount } from './store.js';

export type RegisterExtractor = (doc: OfficialDocument) => DocumentRegisters;

/**
 * Bump when an extractor in src/extract changes what it finds: every store rebuilds its registers
 * from the stored documents once, on the next open (a stored number different from this one).
 * 1: tasks, targets and normative first stored (targets from the stub: none).
 * 2: extractTargets and classifyNormative implemented; 2024 plans read with the declared year.
 * 3: roles as printed (牵头/责任/配合), canonical unit names (the gazetteer), units named in text.
 * 4: unit-mention snippets cut from the de-identified text (they are published).
 * 5: unit mentions stored as places in one excerpt per document (the snippets cut on reading).
 */
export const REGISTERS_VERSION = 5;

export const extractRegisters: RegisterExtractor = (doc) => {
  const printed = extractTasks(doc);
  const g = defaultGazetteer();
  const also = [...(doc.issuer ? [doc.issuer] : []), ...printed.flatMap((t) => [...t.leads, ...t.responsible, ...t.cooperating])];
  const units = unitMentionsWithExcerpt(doc.text, also, g);
  return {
    tasks: printed.map((t) => canonicalTask(t, g)),
    targets: extractTargets(doc),
    normative: classifyNormative(doc),
    units: units.mentions,
    unitExcerpt: units.excerpt,
  };
};

/** A unit mention as both stores keep it: its place in the document's excerpt, or (when that does not give its snippet back) the snippet. */
export interface MentionRow {
  readonly unit: string;
  readonly printed: string;
  readonly count: number;
  readonly at: number | null;
  readonly snippet: string | null;
}

/** The excerpt is a Uint8Array once it crossed from a parse worker. */
export interface MentionRows {
  readonly rows: MentionRow[];
  readonly excerpt: Uint8Array | null;
}

/**
 * One document's unit mentions as rows, and its excerpt packed (null when no row needs it). A
 * mention whose snippet its place does not cut again exactly (hand-made registers) keeps it whole.
 */
export function mentionRows(r: DocumentRegisters): MentionRows {
  const x = r.unitExcerpt;
  const rows = (r.units ?? []).map((m): MentionRow => {
    const placed = x !== undefined && m.at !== undefined && snippetAt(x, m.at, m.printed) === m.snippet;
    return { unit: m.unit, printed: m.printed, count: m.count, at: placed ? m.at! : null, snippet: placed ? null : m.snippet };
  });
  return { rows, excerpt: x && rows.some((m) => m.at !== null) ? packExcerpt(x) : null };
}

/**
 * Brotli quality 3: 40 µs a document against 80 at quality 5, for 1.30 against 1.06 KB (2,338
 * bytes of JSON on average, 10k scale corpus): ingest is CPU-bound, the file has room.
 */
function packExcerpt(x: SnippetExcerpt): Buffer {
  const raw = Buffer.from(JSON.stringify(x), 'utf8');
  return brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 3, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
}

/** A unit-mention row as stored, with its document's packed excerpt. */
export interface StoredMentionRow {
  readonly documentId: string;
  readonly printed: string;
  readonly count: number;
  readonly at: number | null;
  readonly snippet: string | null;
  readonly excerpt: Buffer | null;
}

/** The mentions with their snippets, each document's excerpt unpacked once. */
export function mentionSnippets(rows: readonly StoredMentionRow[]): StoredUnitMention[] {
  const unpacked = new Map<string, SnippetExcerpt>();
  const excerptOf = (id: string, b: Buffer) =>
    unpacked.get(id) ?? unpacked.set(id, JSON.parse(brotliDecompressSync(b).toString('utf8')) as SnippetExcerpt).get(id)!;
  return rows.map((r) => ({
    documentId: r.documentId,
    printed: r.printed,
    count: Number(r.count),
    snippet: r.snippet ?? (r.at !== null && r.excerpt ? snippetAt(excerptOf(r.documentId, r.excerpt), r.at, r.printed) : null) ?? '',
  }));
}

/**
 * A citation printed as 《title》（文号） (or 《title》 without one), as most are: stores keep the
 * quote only when it is something else (null when it is this). The same expression in SQL reads it.
 */
export function citedAs(docNumber: string | null, title: string | null): string | null {
  return title === null ? null : `《${title}》${docNumber === null ? '' : `（${docNumber}）`}`;
}

/** citedAs in SQL (both stores), over the given columns. */
export const citedAsSql = (docNumber: string, title: string): string => `'《' || ${title} || '》' || COALESCE('（' || ${docNumber} || '）', '')`;

/** The quote to store: null when citedAs gives it back. */
export const quoteToStore = (quote: string, docNumber: string | null, title: string | null): string | null =>
  quote === citedAs(docNumber, title) ? null : quote;

export interface StoreOptions {
  /** The extractors run at ingest and rebuild (tests pass hand-made registers). */
  readonly extract?: RegisterExtractor;
}

/** The roles in a stored order (SQLite keeps a role's index here). */
export const TASK_ROLES = ['lead', 'responsible', 'cooperating'] as const;
export type TaskRole = (typeof TASK_ROLES)[number];

/** A task's units in print order, one row each: its role and the spelling printed. */
export function taskUnits(t: TaskAssignment): Array<{ role: TaskRole; position: number; unit: string; printed: string }> {
  const rows = (role: TaskRole, units: readonly string[]) => units.map((unit, position) => ({ role, position, unit, printed: t.printed?.[unit] ?? unit }));
  return [...rows('lead', t.leads), ...rows('responsible', t.responsible), ...rows('cooperating', t.cooperating)];
}

/** Rebuild a TaskAssignment from its stored row and unit rows. */
export function toTask(
  r: { document_id: string; doc_number: string | null; task: string; leader: string | null; deadline: string | null; source: TaskAssignment['source'] },
  units: ReadonlyArray<{ role: string; unit: string; printed?: string | null }>,
): TaskAssignment {
  const printed = Object.fromEntries(units.filter((u) => u.printed && u.printed !== u.unit).map((u) => [u.unit, u.printed!]));
  return {
    documentId: r.document_id,
    docNumber: r.doc_number,
    task: r.task,
    leads: units.filter((u) => u.role === 'lead').map((u) => u.unit),
    responsible: units.filter((u) => u.role === 'responsible').map((u) => u.unit),
    cooperating: units.filter((u) => u.role === 'cooperating').map((u) => u.unit),
    ...(Object.keys(printed).length ? { printed } : {}),
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

/**
 * SQL (both backends) for "no stored document holds this reference": none has its 文号, none has it
 * as id, and, when it has no 文号, none has its exact title. Three look-ups, each by an index: with
 * the id and title tests in one OR, SQLite scanned every document for every reference (over five
 * minutes at 10,000 documents).
 */
export function notHeldSql(num: string, title: string): string {
  return `NOT EXISTS (SELECT 1 FROM doc_numbers n WHERE n.doc_number = ${num})
  AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = ${num})
  AND (${num} IS NOT NULL OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.title = ${title}))`;
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

/** Aggregates both backends read for listUnits. */
export interface UnitRows {
  /** Distinct tasks per unit and role. */
  readonly roles: ReadonlyArray<{ unit: string; role: string; n: number }>;
  /** Distinct tasks per unit, any role. */
  readonly tasks: ReadonlyArray<{ unit: string; n: number }>;
  /** Distinct documents per unit: task lists and text mentions. */
  readonly documents: ReadonlyArray<{ unit: string; n: number }>;
  /** Every (unit, spelling printed) pair. */
  readonly spellings: ReadonlyArray<{ unit: string; printed: string }>;
}

/** One UnitCount per canonical name, most tasks first (the same on both backends). */
export function unitCounts(rows: UnitRows): UnitCount[] {
  const g = defaultGazetteer();
  const by = new Map<string, { leads: number; responsible: number; cooperating: number; tasks: number; documents: number; variants: Set<string> }>();
  const slot = (u: string) => by.get(u) ?? by.set(u, { leads: 0, responsible: 0, cooperating: 0, tasks: 0, documents: 0, variants: new Set() }).get(u)!;
  for (const r of rows.roles) {
    const s = slot(r.unit);
    if (r.role === 'lead') s.leads = Number(r.n);
    if (r.role === 'responsible') s.responsible = Number(r.n);
    if (r.role === 'cooperating') s.cooperating = Number(r.n);
  }
  for (const r of rows.tasks) slot(r.unit).tasks = Number(r.n);
  for (const r of rows.documents) slot(r.unit).documents = Number(r.n);
  for (const r of rows.spellings) if (r.printed !== r.unit) slot(r.unit).variants.add(r.printed);
  const byte = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...by]
    .map(([unit, s]): UnitCount => ({
      unit,
      kind: g.canonical(unit)?.kind ?? 'unit',
      leads: s.leads,
      responsible: s.responsible,
      cooperating: s.cooperating,
      tasks: s.tasks,
      documents: s.documents,
      variants: [...s.variants].sort(byte),
    }))
    .sort((a, b) => b.tasks - a.tasks || b.leads - a.leads || b.documents - a.documents || byte(a.unit, b.unit));
}
