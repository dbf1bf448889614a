/**
 * zod schemas for every API response. They are the single source of the OpenAPI document
 * (openapi.ts) and of the TypeScript types the pages render from, so page and API cannot drift.
 */
import { z } from 'zod';
import { LEGAL_STATUSES } from '../../domain/types.js';

/** Schemas registered here become #/components/schemas/<id> in the OpenAPI document. */
export const apiRegistry = z.registry<{ id: string; description?: string }>();
/**
 * Request bodies, also #/components/schemas/<id>, but described as a client sends them (zod's
 * input side: a field with a default is optional), where responses are described as sent.
 */
export const bodyRegistry = z.registry<{ id: string; description?: string }>();

export function named<T extends z.ZodType>(id: string, schema: T, description?: string, registry = apiRegistry): T {
  registry.add(schema, description ? { id, description } : { id });
  return schema;
}

const nullableString = z.string().nullable();

export const ErrorBody = named(
  'Error',
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
  'Every non-2xx JSON response.',
);

export const Status = named('LegalStatus', z.enum(LEGAL_STATUSES));

/** What every listing and page of a document starts with. */
const documentHead = { id: z.string(), docNumber: nullableString, title: z.string(), issuer: nullableString, kind: nullableString };

export const DocumentSummary = named(
  'DocumentSummary',
  z.object({
    ...documentHead,
    signedOn: nullableString,
    issueId: nullableString,
    status: Status,
    /** Portal page of the document (stable: by 文号 when it has one). */
    url: z.string(),
  }),
);

const paged = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(item) });

export const DocumentPage = named('DocumentPage', paged(DocumentSummary));

export const IssueSummary = named(
  'IssueSummary',
  z.object({
    id: z.string(),
    title: z.string(),
    year: z.number().int().nullable(),
    number: z.number().int().nullable(),
    totalNumber: z.number().int().nullable(),
    publishedOn: nullableString,
    documentCount: z.number().int(),
    url: z.string(),
  }),
);

export const IssuePage = named('IssuePage', paged(IssueSummary).extend({ years: z.array(z.number().int()) }));

const Link = z.object({ documentId: nullableString, url: nullableString });

export const IssueDetail = named(
  'IssueDetail',
  IssueSummary.extend({
    contents: z.array(
      z.object({ title: z.string(), docNumber: nullableString, page: z.number().int().nullable(), group: nullableString }).extend(Link.shape),
    ),
    index: z.array(z.object({ title: z.string(), docNumber: nullableString }).extend(Link.shape)),
    documents: z.array(DocumentSummary),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  }),
);

export const Stats = named(
  'Stats',
  z.object({
    issues: z.number().int(),
    documents: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    byKind: z.record(z.string(), z.number().int()),
    /** Documents known only because a stored document repealed them or states they are repealed (not held, so not in byStatus). */
    repealedNotHeld: z.number().int(),
    latestIssue: IssueSummary.nullable(),
  }),
);

export const Evidence = z.object({ docNumber: nullableString, quote: z.string(), date: nullableString, url: nullableString });

export const StatusInfo = named(
  'StatusInfo',
  z.object({
    status: Status,
    since: nullableString,
    evidence: z.array(Evidence),
    corrections: z.array(
      z.object({ status: Status, effectiveFrom: nullableString, author: z.string(), reason: z.string(), createdAt: z.string() }),
    ),
  }),
);

export const RelationLink = named(
  'RelationLink',
  z.object({
    verb: z.enum(['cites', 'repeals', 'amends', 'replaces']),
    /** The other end of the relation: a stored document id or a `ref:` key. */
    otherId: z.string(),
    held: z.boolean(),
    docNumber: nullableString,
    title: nullableString,
    date: nullableString,
    quote: z.string(),
    reason: nullableString,
    url: nullableString,
  }),
);

export const Relations = named('Relations', z.object({ outgoing: z.array(RelationLink), incoming: z.array(RelationLink) }));

const BodyBlock = z.object({
  level: z.number().int(),
  marker: z.string().optional(),
  heading: z.string().optional(),
  text: z.string(),
  attachment: z.number().int().optional(),
});

const Table = z.object({
  title: z.string().optional(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  source: z.enum(['tab', 'markdown', 'html', 'text']),
  afterBlock: z.number().int(),
});

export const DocumentDetail = named(
  'DocumentDetail',
  z.object({
    ...documentHead,
    addressees: nullableString,
    signedOn: nullableString,
    publicity: nullableString,
    pages: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
    issue: z.object({ id: z.string(), title: z.string(), url: z.string() }).nullable(),
    /**
     * Where the text came from: the file as received (name and SHA-256 of its bytes) and the
     * document's text as extracted from it (download URL and its SHA-256). The store keeps the
     * extracted text, not the file's bytes.
     */
    source: z
      .object({ file: nullableString, fileSha256: nullableString, textUrl: z.string(), textSha256: z.string() })
      .nullable(),
    attachments: z.array(z.object({ number: z.number().int(), title: z.string(), omitted: z.boolean() })),
    body: z.array(BodyBlock),
    tables: z.array(Table),
    status: StatusInfo,
    /** Whether it is a 规范性文件, judged at ingest, with the reasons a clerk can check; null if not judged. */
    normative: z.object({ normative: z.boolean(), reasons: z.array(z.string()) }).nullable(),
    relations: Relations,
    url: z.string(),
  }),
);

export const OriginalText = named('OriginalText', z.object({ id: z.string(), originalText: z.string() }));

/** A document known only by citation or repeal, not held in the database. */
export const ReferenceDetail = named(
  'ReferenceDetail',
  z.object({ id: z.string(), docNumber: nullableString, title: nullableString, status: StatusInfo, incoming: z.array(RelationLink), url: z.string() }),
);

/** A query that is a 文号: the document it names (held or known by reference), first, with its status. */
export const DocNumberLookup = named(
  'DocNumberLookup',
  z.object({
    /** The 文号 as typed, in canonical form. */
    asked: z.string(),
    /** The 文号 of the document found (differs from `asked` when a variant spelling matched). */
    docNumber: z.string(),
    /** How a variant matched (the 主要文件目录 prints it so; a near 文号), in Chinese; null for an exact match. */
    note: nullableString,
    id: z.string(),
    /** false: known only by reference (cited, repealed or listed), its text not held. */
    held: z.boolean(),
    title: nullableString,
    signedOn: nullableString,
    status: StatusInfo,
    /** Stored documents that cite, repeal or amend it, newest first. */
    citedBy: z.array(DocumentSummary.omit({ issueId: true }).extend({ verbs: z.array(z.string()) })),
    url: z.string(),
  }),
);

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const SearchResponse = named(
  'SearchResponse',
  z.object({
    /** The query searched for (cut to 200 characters when longer). */
    q: z.string(),
    /** Set when the query was changed before searching (cut to length), in Chinese. */
    notice: nullableString,
    total: z.number().int(),
    /**
     * true when the query matched so many documents that total and facet counts are estimates
     * (shown as 约) and hits are ordered title and 文号 hits first, then newest.
     */
    approximate: z.boolean(),
    limit: z.number().int(),
    offset: z.number().int(),
    facets: z.object({ year: Facet, issuer: Facet, kind: Facet, status: Facet }),
    /** Set when the query is a 文号 (any spelling): that document comes first, before the hits. */
    lookup: DocNumberLookup.nullable(),
    hits: z.array(
      DocumentSummary.omit({ issueId: true }).extend({
        score: z.number(),
        /** Matches wrapped in «…». */
        snippet: z.string(),
      }),
    ),
  }),
);

export const LibraryRow = named(
  'LibraryRow',
  z.object({
    id: z.string(),
    held: z.boolean(),
    docNumber: nullableString,
    title: z.string(),
    issuer: nullableString,
    signedOn: nullableString,
    status: Status,
    since: nullableString,
    repealedBy: z.object({ docNumber: nullableString, title: nullableString, url: nullableString }).nullable(),
    /** No repealing document known, but a stored document states it is repealed (上位文件…已废止): that one. */
    statedBy: z.object({ docNumber: nullableString, url: z.string() }).nullable(),
    url: z.string(),
  }),
);

export const LIBRARY_TABS = ['current', 'repealed'] as const;
export const LIBRARY_SORTS = ['-signedOn', 'signedOn', 'docNumber', 'title'] as const;

export const LibraryPage = named(
  'LibraryPage',
  // held: how many of `total` are documents whose text we hold (the rest are known by reference).
  paged(LibraryRow).extend({ tab: z.enum(LIBRARY_TABS), sort: z.enum(LIBRARY_SORTS), held: z.number().int() }),
);

export const UnitList = named(
  'UnitList',
  z.object({
    items: z.array(
      z.object({
        /** Canonical name (the unit gazetteer); `variants` are the other spellings printed. */
        name: z.string(),
        kind: z.enum(['unit', 'group']),
        variants: z.array(z.string()),
        /** Documents it issued, plus documents naming it in a task list or the text. */
        documents: z.number().int(),
        /** Tasks of the task register: it leads (牵头), is responsible (责任), cooperates (配合); each task once. */
        leads: z.number().int(),
        responsible: z.number().int(),
        cooperating: z.number().int(),
        tasks: z.number().int(),
        url: z.string(),
      }),
    ),
  }),
);

export const TaskRow = named(
  'TaskRow',
  z.object({
    documentId: z.string(),
    docNumber: nullableString,
    documentTitle: nullableString,
    task: z.string(),
    /** Canonical unit names by the role printed: 牵头 / 责任 / 配合. */
    leads: z.array(z.string()),
    responsible: z.array(z.string()),
    cooperating: z.array(z.string()),
    leader: nullableString,
    deadline: nullableString,
    url: z.string(),
  }),
);

export const TaskPage = named('TaskPage', paged(TaskRow).extend({ unit: nullableString }));

/** A promise or outcome figure of a work report, with the clause it was read from. */
export const TargetRow = named(
  'TargetRow',
  z.object({
    documentId: z.string(),
    docNumber: nullableString,
    documentTitle: nullableString,
    indicator: z.string(),
    indicatorKey: z.string(),
    kind: z.enum(['promise', 'outcome']),
    /** The year the figure is about (not the year of the report). */
    year: z.number().int(),
    measure: z.enum(['growth', 'level', 'decline', 'share', 'points', 'count']),
    value: z.number(),
    unit: z.string(),
    qualifier: z.enum(['以上', '左右', '以内', '以下']).nullable(),
    /** The clause the figure was read from, verbatim: the evidence. */
    quote: z.string(),
    block: z.number().int(),
    url: z.string(),
  }),
);

export const TargetPage = named('TargetPage', paged(TargetRow));

export const VERDICTS = ['met', 'missed', 'unknown'] as const;

/** One indicator across years: promised and achieved, with a verdict where both are comparable. */
export const IndicatorTimeline = named(
  'IndicatorTimeline',
  z.object({
    indicatorKey: z.string(),
    indicator: z.string(),
    years: z.array(
      z.object({
        year: z.number().int(),
        promises: z.array(TargetRow),
        outcomes: z.array(TargetRow),
        verdict: z.enum(VERDICTS).nullable(),
      }),
    ),
    url: z.string(),
  }),
);

export const IndicatorPage = named('IndicatorPage', paged(IndicatorTimeline));

/** A document known only by reference: a 主要文件目录 entry or a citation of a document not held. */
export const ReferenceRow = named(
  'ReferenceRow',
  z.object({
    id: z.string(),
    docNumber: nullableString,
    title: nullableString,
    sources: z.array(z.enum(['index', 'citation', 'relation'])),
    /** Stored documents citing, repealing or amending it. */
    citedBy: z.number().int(),
    verbs: z.array(z.enum(['cites', 'repeals', 'amends', 'replaces'])),
    /** The computed status; 已废止 when a stored decision repealed it; null when nothing is known. */
    status: Status.nullable(),
    since: nullableString,
    /** Its page (who points at it); null when only a 主要文件目录 entry names it. */
    url: nullableString,
  }),
);

export const ReferencePage = named('ReferencePage', paged(ReferenceRow));

export const UnitDetail = named(
  'UnitDetail',
  z.object({
    name: z.string(),
    kind: z.enum(['unit', 'group']),
    /** Other spellings printed for it (abbreviations, old names, traditional characters). */
    variants: z.array(z.string()),
    /** Documents the unit issued. */
    issued: z.array(DocumentSummary),
    /** Documents whose text names the unit, with the first mention marked «…». */
    named: z.array(DocumentSummary.extend({ mentions: z.number().int(), snippet: z.string() })),
    /** The task register: what the unit leads, is responsible for, cooperates on. */
    tasks: z.object({ leads: z.array(TaskRow), responsible: z.array(TaskRow), cooperating: z.array(TaskRow) }),
  }),
);

export const FeedEntry = named(
  'FeedEntry',
  z.object({
    id: z.string(),
    type: z.enum(['document', 'status']),
    title: z.string(),
    updated: z.string(),
    summary: z.string(),
    url: z.string(),
  }),
);

export const Feed = named('Feed', z.object({ updated: z.string(), entries: z.array(FeedEntry) }));

export type DocumentSummaryT = z.infer<typeof DocumentSummary>;
export type IssueSummaryT = z.infer<typeof IssueSummary>;
export type IssueDetailT = z.infer<typeof IssueDetail>;
export type StatsT = z.infer<typeof Stats>;
export type StatusInfoT = z.infer<typeof StatusInfo>;
export type RelationLinkT = z.infer<typeof RelationLink>;
export type DocumentDetailT = z.infer<typeof DocumentDetail>;
export type ReferenceDetailT = z.infer<typeof ReferenceDetail>;
export type SearchResponseT = z.infer<typeof SearchResponse>;
export type DocNumberLookupT = z.infer<typeof DocNumberLookup>;
export type LibraryRowT = z.infer<typeof LibraryRow>;
export type LibraryPageT = z.infer<typeof LibraryPage>;
export type UnitListT = z.infer<typeof UnitList>;
export type UnitDetailT = z.infer<typeof UnitDetail>;
export type TaskRowT = z.infer<typeof TaskRow>;
export type FeedT = z.infer<typeof Feed>;
export type TaskPageT = z.infer<typeof TaskPage>;
export type TargetRowT = z.infer<typeof TargetRow>;
export type TargetPageT = z.infer<typeof TargetPage>;
export type IndicatorTimelineT = z.infer<typeof IndicatorTimeline>;
export type IndicatorPageT = z.infer<typeof IndicatorPage>;
export type ReferenceRowT = z.infer<typeof ReferenceRow>;
export type ReferencePageT = z.infer<typeof ReferencePage>;
export type FeedEntryT = z.infer<typeof FeedEntry>;
export type LibraryTab = (typeof LIBRARY_TABS)[number];
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
