/** An in-memory Store for portal tests: just enough behaviour, no SQL, no ranking subtleties. */
import { normaliseDocNumber } from '../../src/domain/doc-number.js';
import type { OfficialDocument, ParseResult } from '../../src/domain/types.js';
import { EditorialMemory } from '../../src/store/editorial-memory.js';
import { extractRegisters, knownReferences, taskUnits, unitCounts } from '../../src/store/registers.js';
import type { TaskAssignment } from '../../src/extract/tasks.js';
import type {
  DocumentFilter,
  DocumentRegisters,
  DocumentSummary,
  Facets,
  IngestOutcome,
  PublicMark,
  Relation,
  SearchQuery,
  SearchResult,
  StatusCorrection,
  Store,
  StoredIssue,
  StoredStatus,
  StoredUnitMention,
  TargetFilter,
  TaskFilter,
  UnitCount,
} from '../../src/store/store.js';
import { SAMPLE_RELATIONS, SAMPLE_RESULTS, SAMPLE_STATUSES } from './documents.js';

export class MemoryStore implements Store {
  private issues: StoredIssue[] = [];
  private docs = new Map<string, { doc: OfficialDocument; issueId: string }>();
  private rels: Relation[] = [];
  private statuses = new Map<string, StoredStatus>();
  private corrs: StatusCorrection[] = [];
  private marks: PublicMark[] = [];
  private registers = new Map<string, DocumentRegisters>();
  private refs: ParseResult['references'] = [];
  private readonly editorial = new EditorialMemory();
  saveInterpretation = this.editorial.saveInterpretation.bind(this.editorial);
  getInterpretation = this.editorial.getInterpretation.bind(this.editorial);
  listInterpretations = this.editorial.listInterpretations.bind(this.editorial);
  saveQa = this.editorial.saveQa.bind(this.editorial);
  getQa = this.editorial.getQa.bind(this.editorial);
  listQa = this.editorial.listQa.bind(this.editorial);
  appendAudit = this.editorial.appendAudit.bind(this.editorial);
  listAudit = this.editorial.listAudit.bind(this.editorial);

  async ingestMany(results: readonly ParseResult[]): Promise<IngestOutcome[]> {
    const out: IngestOutcome[] = [];
    for (const r of results) out.push(await this.ingest(r));
    return out;
  }

  async ingest(r: ParseResult): Promise<IngestOutcome> {
    this.writes++;
    const id = r.issue ? `${r.issue.year}-${r.issue.number}` : r.source.sha256.slice(0, 12);
    if (this.issues.some((i) => i.id === id)) return { issueId: id, action: 'unchanged', documents: 0, warnings: 0 };
    const issue = r.issue ?? { title: r.source.file, year: null, number: null, totalNumber: null, publishedOn: null, contents: [], index: [] };
    this.issues.push({
      ...issue,
      id,
      sourceFile: r.source.file,
      sha256: r.source.sha256,
      ingestedAt: `2026-01-0${this.issues.length + 1}T00:00:00.000Z`,
      documentIds: r.documents.map((d) => d.id),
      warnings: r.warnings,
    });
    for (const doc of r.documents) {
      this.docs.set(doc.id, { doc, issueId: id });
      this.registers.set(doc.id, extractRegisters(doc));
    }
    this.refs.push(...r.references);
    return { issueId: id, action: 'added', documents: r.documents.length, warnings: r.warnings.length };
  }
  async listIssues() {
    return [...this.issues];
  }
  async getIssue(id: string) {
    return this.issues.find((i) => i.id === id) ?? null;
  }
  async getDocument(key: string) {
    return this.docs.get(key)?.doc ?? this.docs.get(normaliseDocNumber(key) ?? '')?.doc ?? null;
  }
  private summary(doc: OfficialDocument, issueId: string): DocumentSummary {
    const { id, docNumber, title, issuer, kind, signedOn } = doc;
    return { id, docNumber, title, issuer, kind, signedOn, issueId, status: this.statuses.get(id)?.status ?? '未知' };
  }
  async listDocuments(f: DocumentFilter = {}) {
    const statuses = f.status === undefined ? undefined : ([] as string[]).concat(f.status);
    let items = [...this.docs.values()]
      .map(({ doc, issueId }) => this.summary(doc, issueId))
      .filter((s) => (f.year === undefined || s.signedOn?.startsWith(String(f.year))) ?? false)
      .filter((s) => f.issuer === undefined || s.issuer === f.issuer)
      .filter((s) => f.kind === undefined || s.kind === f.kind)
      .filter((s) => f.issueId === undefined || s.issueId === f.issueId)
      .filter((s) => f.ids === undefined || f.ids.includes(s.id))
      .filter((s) => f.normative === undefined || (this.registers.get(s.id)?.normative.normative ?? false) === f.normative)
      .filter((s) => statuses === undefined || statuses.includes(s.status));
    const key = f.sort ?? '-signedOn';
    const field = key.replace('-', '') as 'signedOn' | 'docNumber' | 'title';
    items.sort((a, b) => (a[field] ?? '').localeCompare(b[field] ?? '') * (key.startsWith('-') ? -1 : 1));
    const total = items.length;
    items = items.slice(f.offset ?? 0, (f.offset ?? 0) + (f.limit ?? 50));
    return { total, items };
  }
  async *allDocuments() {
    for (const { doc } of this.docs.values()) yield doc;
  }
  async search(q: SearchQuery): Promise<SearchResult> {
    const words = q.q.split(/\s+/).filter(Boolean);
    const matched = [...this.docs.values()].filter(({ doc }) => words.length > 0 && words.every((w) => doc.text.includes(w) || doc.title.includes(w)));
    const facet = (pick: (d: DocumentSummary) => string | null) => {
      const m = new Map<string, number>();
      for (const { doc, issueId } of matched) {
        const v = pick(this.summary(doc, issueId));
        if (v) m.set(v, (m.get(v) ?? 0) + 1);
      }
      return [...m].map(([value, count]) => ({ value, count }));
    };
    const facets: Facets = {
      year: facet((d) => d.signedOn?.slice(0, 4) ?? null),
      issuer: facet((d) => d.issuer),
      kind: facet((d) => d.kind),
      status: facet((d) => d.status),
    };
    const filtered = matched
      .map(({ doc, issueId }) => ({ doc, s: this.summary(doc, issueId) }))
      .filter(({ s }) => (q.year === undefined || s.signedOn?.startsWith(String(q.year))) ?? false)
      .filter(({ s }) => (q.issuer === undefined || s.issuer === q.issuer) && (q.kind === undefined || s.kind === q.kind))
      .filter(({ s }) => q.status === undefined || s.status === q.status);
    const hits = filtered.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 20)).map(({ doc, s }) => {
      const at = Math.max(0, doc.text.indexOf(words[0]!) - 10);
      let snippet = doc.text.slice(at, at + 60);
      for (const w of words) snippet = snippet.split(w).join(`«${w}»`);
      const { issueId: _drop, ...rest } = s;
      return { ...rest, score: 1, snippet };
    });
    return { total: filtered.length, facets, hits };
  }
  async relations(id: string) {
    return { outgoing: this.rels.filter((r) => r.subjectId === id), incoming: this.rels.filter((r) => r.objectId === id) };
  }
  async allRelations() {
    return [...this.rels];
  }
  async replaceRelations(r: Relation[]) {
    this.writes++;
    this.rels = [...r];
  }
  async saveStatuses(s: StoredStatus[]) {
    this.writes++;
    for (const x of s) this.statuses.set(x.documentId, x);
  }
  /** Counts every write, as a real store's change counter does (the portal's memo keys on it). */
  private writes = 0;
  async derivedState() {
    return { changes: this.writes, derived: this.writes };
  }
  async saveDerived(_changes: number, r: Relation[], s: StoredStatus[]) {
    await this.replaceRelations(r);
    await this.saveStatuses(s);
    return true;
  }
  async getStatus(id: string) {
    return this.statuses.get(id) ?? null;
  }
  async addCorrection(c: StatusCorrection) {
    this.writes++;
    this.corrs.push(c);
  }
  async corrections(id?: string) {
    return this.corrs.filter((c) => id === undefined || c.documentId === id);
  }
  async markPublic(m: PublicMark) {
    this.writes++;
    this.marks.push(m);
  }
  async publicMarks(id?: string) {
    return this.marks.filter((m) => id === undefined || m.documentId === id);
  }
  private page<T>(items: T[], f: { limit?: number; offset?: number }) {
    const from = f.offset ?? 0;
    return { total: items.length, items: items.slice(from, f.limit === undefined ? undefined : from + f.limit) };
  }
  async listTasks(f: TaskFilter = {}) {
    const all = [...this.registers.values()].flatMap((r) => r.tasks);
    const names = (t: TaskAssignment) => [...t.leads, ...t.responsible, ...t.cooperating];
    return this.page(all.filter((t) => (f.documentId === undefined || t.documentId === f.documentId) && (f.unit === undefined || names(t).includes(f.unit))), f);
  }
  async listUnits(): Promise<UnitCount[]> {
    const roles: Array<{ unit: string; role: string; n: number }> = [];
    const tasks = new Map<string, number>();
    const docs = new Map<string, Set<string>>();
    const spellings: Array<{ unit: string; printed: string }> = [];
    const doc = (unit: string, id: string) => (docs.get(unit) ?? docs.set(unit, new Set()).get(unit)!).add(id);
    for (const t of (await this.listTasks()).items) {
      for (const r of taskUnits(t)) spellings.push({ unit: r.unit, printed: r.printed });
      for (const [role, units] of [['lead', t.leads], ['responsible', t.responsible], ['cooperating', t.cooperating]] as const) {
        for (const u of new Set(units)) roles.push({ unit: u, role, n: 1 });
      }
      for (const u of new Set([...t.leads, ...t.responsible, ...t.cooperating])) (tasks.set(u, (tasks.get(u) ?? 0) + 1), doc(u, t.documentId));
    }
    for (const [id, r] of this.registers) for (const m of r.units ?? []) (spellings.push(m), doc(m.unit, id));
    const sum = new Map<string, { unit: string; role: string; n: number }>();
    for (const r of roles) (sum.get(`${r.unit}\0${r.role}`) ?? sum.set(`${r.unit}\0${r.role}`, { ...r, n: 0 }).get(`${r.unit}\0${r.role}`)!).n++;
    return unitCounts({
      roles: [...sum.values()],
      tasks: [...tasks].map(([unit, n]) => ({ unit, n })),
      documents: [...docs].map(([unit, s]) => ({ unit, n: s.size })),
      spellings,
    });
  }
  async listUnitMentions(unit: string): Promise<StoredUnitMention[]> {
    return [...this.registers]
      .flatMap(([documentId, r]) => (r.units ?? []).filter((m) => m.unit === unit).map((m) => ({ documentId, printed: m.printed, count: m.count, snippet: m.snippet })))
      .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : b.count - a.count));
  }
  async listTargets(f: TargetFilter = {}) {
    const all = [...this.registers.values()].flatMap((r) => r.targets);
    return this.page(
      all.filter(
        (t) =>
          (f.indicatorKey === undefined || t.indicatorKey === f.indicatorKey) && (f.year === undefined || t.year === f.year) &&
          (f.kind === undefined || t.kind === f.kind) && (f.documentId === undefined || t.documentId === f.documentId),
      ),
      f,
    );
  }
  async getNormative(id: string) {
    return this.registers.get(id)?.normative ?? null;
  }
  async listReferences() {
    const held = new Set([...this.docs.values()].map(({ doc }) => doc.docNumber));
    return knownReferences({
      index: this.refs
        .filter((r) => !held.has(r.docNumber))
        .map((r) => ({ key: r.docNumber ? `ref:${r.docNumber}` : `ref:《${r.title}》`, doc_number: r.docNumber, title: r.title, source: r.source })),
      relations: this.rels
        .filter((r) => r.objectId.startsWith('ref:'))
        .map((r) => ({ key: r.objectId, doc_number: r.objectDocNumber, title: r.objectTitle, subject_id: r.subjectId, verb: r.verb })),
      statuses: [...this.statuses.values()].filter((s) => s.documentId.startsWith('ref:')).map((s) => ({ document_id: s.documentId, status: s.status, since: s.since })),
    });
  }
  async rebuildRegisters() {
    for (const { doc } of this.docs.values()) this.registers.set(doc.id, extractRegisters(doc));
    return this.docs.size;
  }
  async counts() {
    const byStatus: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    for (const { doc, issueId } of this.docs.values()) {
      const s = this.summary(doc, issueId);
      byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
      if (s.kind) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
    }
    return { issues: this.issues.length, documents: this.docs.size, byStatus, byKind };
  }
  async close() {}
}

/** A MemoryStore loaded with the hand-made sample documents, relations and statuses. */
export async function sampleMemoryStore(): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (const r of SAMPLE_RESULTS) await store.ingest(r);
  await store.replaceRelations(SAMPLE_RELATIONS);
  await store.saveStatuses(SAMPLE_STATUSES);
  return store;
}
