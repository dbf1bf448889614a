/** An in-memory Store for portal tests: just enough behaviour, no SQL, no ranking subtleties. */
import { normaliseDocNumber } from '../../src/domain/doc-number.js';
import type { OfficialDocument, ParseResult } from '../../src/domain/types.js';
import type {
  DocumentFilter,
  DocumentSummary,
  Facets,
  IngestOutcome,
  Relation,
  SearchQuery,
  SearchResult,
  StatusCorrection,
  Store,
  StoredIssue,
  StoredStatus,
} from '../../src/store/store.js';
import { SAMPLE_RELATIONS, SAMPLE_RESULTS, SAMPLE_STATUSES } from './documents.js';

export class MemoryStore implements Store {
  private issues: StoredIssue[] = [];
  private docs = new Map<string, { doc: OfficialDocument; issueId: string }>();
  private rels: Relation[] = [];
  private statuses = new Map<string, StoredStatus>();
  private corrs: StatusCorrection[] = [];

  async ingest(r: ParseResult): Promise<IngestOutcome> {
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
    for (const doc of r.documents) this.docs.set(doc.id, { doc, issueId: id });
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
    this.rels = [...r];
  }
  async saveStatuses(s: StoredStatus[]) {
    for (const x of s) this.statuses.set(x.documentId, x);
  }
  async getStatus(id: string) {
    return this.statuses.get(id) ?? null;
  }
  async addCorrection(c: StatusCorrection) {
    this.corrs.push(c);
  }
  async corrections(id?: string) {
    return this.corrs.filter((c) => id === undefined || c.documentId === id);
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
