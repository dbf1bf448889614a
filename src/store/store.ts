/**
 * The one storage interface. SQLite (embedded, default) and PostgreSQL implement it; nothing
 * outside src/store knows which is behind it, and no SQL crosses it.
 */
import type { GazetteIssue, LegalStatus, OfficialDocument, ParseResult, Warning } from '../domain/types.js';
import type { NormativeJudgement } from '../extract/normative.js';
import type { Target, TargetKind } from '../extract/targets.js';
import type { TaskAssignment } from '../extract/tasks.js';
import type { SnippetExcerpt, UnitKind, UnitMention } from '../extract/units/index.js';
import type { StatusInput } from '../extract/status-input.js';
import type { Ingestible } from './prepared.js';
import type { AuditEntry, EditorialFilter, InterpretationRecord, QaEntry } from './editorial.js';

/** A stored issue (one edition of it — the newest unless asked otherwise). */
export interface StoredIssue extends GazetteIssue {
  readonly id: string;
  readonly sourceFile: string;
  readonly sha256: string;
  readonly ingestedAt: string;
  readonly documentIds: string[];
  readonly warnings: Warning[];
  /**
   * Edition history, newest (current) first. A corrected edition (same title, year and number,
   * different content) replaces the current one; older editions stay readable via getIssue(edition id).
   */
  readonly editions?: IssueEdition[];
}

export interface IssueEdition {
  /** `<issue id>@<sha256 prefix>` */
  readonly id: string;
  readonly sha256: string;
  readonly sourceFile: string;
  readonly ingestedAt: string;
  /** When a newer edition replaced this one; null for the current edition. */
  readonly supersededAt: string | null;
}

/** Listing row: metadata only, never the bulky text (kept in a 1:1 content table). */
export interface DocumentSummary {
  // status: the effective status — the latest editor correction, else the computed one, else 未知.
  readonly id: string;
  readonly docNumber: string | null;
  readonly title: string;
  readonly issuer: string | null;
  readonly kind: string | null;
  readonly signedOn: string | null;
  readonly issueId: string | null;
  readonly status: LegalStatus;
}

export interface DocumentFilter {
  readonly year?: number;
  readonly issuer?: string;
  readonly kind?: string;
  readonly status?: LegalStatus | LegalStatus[];
  readonly issueId?: string;
  /** Only these documents (a page of task or target rows looking up their documents' titles). */
  readonly ids?: readonly string[];
  /** Only documents judged (or not judged) 规范性文件 at ingest (see DocumentRegisters.normative). */
  readonly normative?: boolean;
  readonly limit?: number;
  readonly offset?: number;
  readonly sort?: 'signedOn' | '-signedOn' | 'docNumber' | 'title';
}

/** Closed set of relationship verbs between documents (subject → object); SQLite stores a verb as its place here: append only. */
export const RELATION_VERBS = ['cites', 'repeals', 'amends', 'replaces'] as const;
export type RelationVerb = (typeof RELATION_VERBS)[number];

export interface Relation {
  readonly subjectId: string;
  readonly verb: RelationVerb;
  /** A stored document id, or a reference key (`ref:<文号>` / `ref:《title》`) for documents we do not hold. */
  readonly objectId: string;
  readonly objectDocNumber: string | null;
  readonly objectTitle: string | null;
  readonly date: string | null;
  readonly quote: string;
  readonly reason: string | null;
  readonly block: number | null;
}

export const SEARCH_FIELDS = ['all', 'title', 'docNumber'] as const;
export const SEARCH_SORTS = ['relevance', 'date'] as const;

export interface SearchQuery {
  readonly q: string;
  readonly year?: number;
  readonly issuer?: string;
  readonly kind?: string;
  readonly status?: LegalStatus;
  /** 成文日期 range, inclusive (YYYY-MM-DD); a document without a 成文日期 is outside any range. */
  readonly from?: string;
  readonly to?: string;
  /** Where every positive term must be: anywhere (default), in the title, or in the 文号. */
  readonly field?: (typeof SEARCH_FIELDS)[number];
  /** relevance (default), or date: newest 成文日期 first (hits then carry score 0). */
  readonly sort?: (typeof SEARCH_SORTS)[number];
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchHit {
  readonly id: string;
  readonly docNumber: string | null;
  readonly title: string;
  readonly signedOn: string | null;
  readonly issuer: string | null;
  readonly kind: string | null;
  readonly status: LegalStatus;
  readonly score: number;
  /** Snippet with matches wrapped in «» markers; the portal turns them into <mark>. */
  readonly snippet: string;
}

export type Facets = Record<'year' | 'issuer' | 'kind' | 'status', Array<{ value: string; count: number }>>;

/**
 * How much of a large match set one query reads (each store has its defaults: SEARCH_LIMITS in
 * sqlite/search.ts, PG_SEARCH_LIMITS in postgres/search.ts). Above `ranked` matches the order is
 * title and 文号 hits first, then newest; above `read`, total and facets are estimated (`approximate`).
 */
export interface SearchLimits {
  readonly read: number;
  readonly ranked: number;
}

export interface SearchResult {
  /** How many documents match; an estimate when `approximate` (shown as 约). */
  readonly total: number;
  /**
   * Set when the store answered from a sample of a very large match set: total and facet counts
   * are estimates and the order is title and 文号 hits first, then newest (SQLite above 5,000 matches).
   */
  readonly approximate?: boolean;
  readonly facets: Facets;
  readonly hits: SearchHit[];
}

export interface IngestOutcome {
  readonly issueId: string;
  /** unchanged: same content hash seen before; replaced: a corrected edition superseded an older one. */
  readonly action: 'added' | 'unchanged' | 'replaced';
  readonly documents: number;
  readonly warnings: number;
}

/** A computed status with its evidence, stored so search can filter on it. */
export interface StoredStatus {
  readonly documentId: string;
  readonly status: LegalStatus;
  readonly since: string | null;
  readonly evidence: Array<{ docNumber: string | null; quote: string; date: string | null }>;
}

/**
 * How far relations and statuses lag behind: `changes` counts every committed ingest and
 * correction, `derived` the count the stored relations and statuses were computed from. A recompute
 * is owed while changes > derived (a kill after an ingest's commit leaves it so).
 */
export interface DerivedState {
  readonly changes: number;
  readonly derived: number;
}

/** What changed since relations and statuses were derived (a store that keeps track: SQLite). */
export interface OwedDerivation extends DerivedState {
  /** The date the stored statuses were judged at (null: never, or a full recompute is due). */
  readonly derivedOn: string | null;
  /** Documents stored, replaced, removed or corrected since. */
  readonly documents: string[];
  /** Resolution keys (src/extract/reference-keys.ts) those documents held before they changed. */
  readonly keys: string[];
}

/** A held document as a resolution target, with the 文号/title pairs its repeal targets add. */
export interface StatusResolvable {
  readonly id: string;
  readonly docNumber: string | null;
  readonly title: string;
  readonly seeds: ReadonlyArray<{ docNumber: string; title: string }>;
}

/**
 * A store that keeps every document's status inputs (extracted at ingest) and what changed since
 * the last derivation, so relations and statuses are recomputed only where they can have moved
 * (src/status/recompute.ts). A store without it is recomputed whole.
 */
export interface IncrementalDerivation {
  owedDerivation(): Promise<OwedDerivation>;
  /** Every held document, in store order (the first holding a 文号 keeps it). */
  resolvables(): Promise<StatusResolvable[]>;
  /** Documents with a citation or repeal target at any of these resolution keys. */
  referencing(keys: readonly string[]): Promise<string[]>;
  /** The status inputs of those of these documents that are held, in store order. */
  statusInputs(ids: readonly string[]): Promise<StatusInput[]>;
  /** Relations with one of these documents as subject or object, in stored order. */
  relationsAround(ids: readonly string[]): Promise<Relation[]>;
  /**
   * Replace the relations of `subjects`, save `statuses` judged at `at`, and clear what was owed up
   * to `owed.changes`; false (nothing written) when another derivation was saved since `owed.derived`.
   */
  saveDerivedPart(owed: DerivedState, at: string, subjects: readonly string[], relations: Relation[], statuses: StoredStatus[]): Promise<boolean>;
}

export function isIncremental(store: object): store is IncrementalDerivation {
  return 'owedDerivation' in store && 'saveDerivedPart' in store;
}

/** An editor's manual correction: stored as an event, never by overwriting extracted facts. */
export interface StatusCorrection {
  readonly documentId: string;
  readonly status: LegalStatus;
  readonly effectiveFrom: string | null;
  readonly author: string;
  readonly reason: string;
  readonly createdAt: string;
}

/**
 * An editor's decision that a finding of the privacy review is public after all (a unit's public
 * hotline): stored as an event like a status correction; the document is then published with
 * that text unmasked (src/store/published.ts).
 */
export interface PublicMark {
  readonly documentId: string;
  /** The finding as printed, whitespace taken out (`findingKey`): every occurrence in the document. */
  readonly text: string;
  readonly author: string;
  readonly reason: string;
  readonly createdAt: string;
}

/**
 * What a document implies beyond its text, extracted once at ingest and stored in tables of its
 * own (replaced whenever the document is written again): the task register, the work-report
 * targets and the 规范性文件 judgement.
 */
export interface DocumentRegisters {
  /** Unit names canonical (src/extract/units), the printed spelling in `printed` where it differs. */
  readonly tasks: TaskAssignment[];
  readonly targets: Target[];
  readonly normative: NormativeJudgement;
  /** The units the text names (canonical, with the spelling printed). Absent: none. */
  readonly units?: UnitMention[];
  /** What the units' snippets are cut from: stores keep it and each mention's place, not each snippet. */
  readonly unitExcerpt?: SnippetExcerpt;
}

/** Paging of the register listings: no limit means every row. */
export interface Paging {
  readonly limit?: number;
  readonly offset?: number;
}

export interface TaskFilter extends Paging {
  /** A unit matches in any role, 牵头/责任/配合 (exact canonical name). */
  readonly unit?: string;
  readonly documentId?: string;
}

export interface TargetFilter extends Paging {
  readonly indicatorKey?: string;
  /** The year the figure is about. */
  readonly year?: number;
  readonly kind?: TargetKind;
  readonly documentId?: string;
}

/** One unit of the gazetteer as the stored registers see it: its tasks by role, spellings, documents. */
export interface UnitCount {
  /** Canonical name. */
  readonly unit: string;
  readonly kind: UnitKind;
  /** Tasks it leads (牵头), is responsible for (责任), cooperates on (配合); `tasks` counts each task once. */
  readonly leads: number;
  readonly responsible: number;
  readonly cooperating: number;
  readonly tasks: number;
  /** Documents naming it: in a task list or in the text. */
  readonly documents: number;
  /** Spellings printed other than the canonical name, sorted. */
  readonly variants: string[];
}

/** Where a document's text names a unit (stored at ingest: unit pages never scan text). */
export interface StoredUnitMention {
  readonly documentId: string;
  readonly printed: string;
  readonly count: number;
  readonly snippet: string;
}

/**
 * A document known only by reference (`ref:<文号>` / `ref:《title》`): a 主要文件目录 entry of a
 * document the issue does not print, or a citation/repeal of a document we do not hold.
 */
export interface KnownReference {
  readonly key: string;
  readonly docNumber: string | null;
  readonly title: string | null;
  /** Where we learned of it: an issue's 主要文件目录 (index), a citation, or a relation. */
  readonly sources: Array<'index' | 'citation' | 'relation'>;
  /** Distinct stored documents with a relation (cites, repeals…) to it. */
  readonly citedBy: number;
  /** The verbs of those relations (repeals: a stored decision repealed it). */
  readonly verbs: RelationVerb[];
  /** The computed status when one was stored for the key, else null. */
  readonly status: LegalStatus | null;
  readonly since: string | null;
}

export interface Store {
  ingest(result: ParseResult): Promise<IngestOutcome>;
  /**
   * Several parsed files, with the outcomes ingest() would give one by one (a batch: SQLite writes
   * it in one transaction and re-cuts documents for newly learned words once). A file may come
   * prepared (prepared.ts: folded, extracted and packed in the parse workers).
   */
  ingestMany(results: readonly Ingestible[]): Promise<IngestOutcome[]>;
  /**
   * Many ingestMany batches in a row (a bulk ingest): a store may put index upkeep off until the
   * work is done, and does it then, even when the work fails. `alongside`, run when the work has
   * succeeded (the recompute of relations and statuses), may overlap that upkeep: a store doing so
   * (SQLite, on a file) holds its writes back until the upkeep is done. Both are done on return.
   */
  inBulk?<T>(work: () => Promise<T>, alongside?: () => Promise<unknown>): Promise<T>;
  /** What parse workers prepare for this store ahead of it (none when absent). */
  readonly preparation?: Preparation;
  listIssues(): Promise<StoredIssue[]>;
  /** The current edition by issue id, or one specific (possibly superseded) edition by its edition id. */
  getIssue(id: string): Promise<StoredIssue | null>;
  /** By id or by any spelling of its 文号. */
  getDocument(idOrDocNumber: string): Promise<OfficialDocument | null>;
  listDocuments(filter?: DocumentFilter): Promise<{ total: number; items: DocumentSummary[] }>;
  allDocuments(): AsyncIterable<OfficialDocument>;
  /** Every document's status inputs in allDocuments' order, when the store keeps them (a recompute then reads no text). */
  allStatusInputs?(): Promise<StatusInput[]>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Relations where the document is subject (outgoing) or object (incoming). */
  relations(documentId: string): Promise<{ outgoing: Relation[]; incoming: Relation[] }>;
  allRelations(): Promise<Relation[]>;
  replaceRelations(relations: Relation[]): Promise<void>;
  saveStatuses(statuses: StoredStatus[]): Promise<void>;
  getStatus(documentId: string): Promise<StoredStatus | null>;
  derivedState(): Promise<DerivedState>;
  /**
   * Replace every relation and save the statuses computed after `changes` changes (judged at `at`),
   * in one transaction; false (nothing written) when a recompute made from later changes was saved first.
   */
  saveDerived(changes: number, relations: Relation[], statuses: StoredStatus[], at?: string): Promise<boolean>;
  addCorrection(c: StatusCorrection): Promise<void>;
  corrections(documentId?: string): Promise<StatusCorrection[]>;
  /** Record that a privacy finding of a document is public (published unmasked from then on). */
  markPublic(m: PublicMark): Promise<void>;
  /** Public marks, oldest first; of one document, or all. */
  publicMarks(documentId?: string): Promise<PublicMark[]>;
  /** Task assignments, newest document first, then in the document's order. */
  listTasks(filter?: TaskFilter): Promise<{ total: number; items: TaskAssignment[] }>;
  /** Every unit of the task register or named in a text (canonical names), most tasks first. */
  listUnits(): Promise<UnitCount[]>;
  /** The documents whose text names a unit (canonical name), one row per spelling. */
  listUnitMentions(unit: string): Promise<StoredUnitMention[]>;
  /** Targets and outcomes, by document then in the document's order. */
  listTargets(filter?: TargetFilter): Promise<{ total: number; items: Target[] }>;
  /** The 规范性文件 judgement made at ingest; null for an unknown document. */
  getNormative(documentId: string): Promise<NormativeJudgement | null>;
  /** Documents known only by reference (none of them held), most cited first. */
  listReferences(): Promise<KnownReference[]>;
  /** Re-extract every stored document's registers (after an extractor changed); returns how many. */
  rebuildRegisters(): Promise<number>;
  /** 政策解读 records (insert or replace by id), newest first. */
  saveInterpretation(r: InterpretationRecord): Promise<void>;
  getInterpretation(id: string): Promise<InterpretationRecord | null>;
  listInterpretations(filter?: EditorialFilter): Promise<InterpretationRecord[]>;
  /** 问答库 entries (insert or replace by id), newest first. */
  saveQa(e: QaEntry): Promise<void>;
  getQa(id: string): Promise<QaEntry | null>;
  listQa(filter?: EditorialFilter): Promise<QaEntry[]>;
  /** Every editor's write, appended; read newest first. */
  appendAudit(e: AuditEntry): Promise<void>;
  listAudit(limit?: number): Promise<AuditEntry[]>;
  counts(): Promise<{ issues: number; documents: number; byStatus: Record<string, number>; byKind: Record<string, number> }>;
  close(): Promise<void>;
}

/** What parse workers do for a store on their own cores, after parsing (src/cli/parse-pool.ts, prepared.ts). */
export interface Preparation {
  /** The store keeps a document's content as packed-content.ts packs it: pack it ahead. */
  readonly pack: boolean;
  /** The store keeps unit mentions as places in a packed excerpt (registers.ts mentionRows): pack those too. */
  readonly mentions: boolean;
  /** The store reads the bulky fields from the packed rows: send the file without them (parse-transfer.ts). */
  readonly slim: boolean;
  /** The store indexes the search text by the keys of src/store/postgres/keys.ts: make their literal ahead. */
  readonly searchKeys?: boolean;
}
