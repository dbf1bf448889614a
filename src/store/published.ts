/**
 * The store as the public sees it: the one place where stored text becomes published text. Every
 * document, snippet and quote it returns is de-identified (src/extract/privacy-mask.ts), except
 * findings an editor marked public; everything else passes through untouched. The portal, the API,
 * the feed, library.csv, `export`, `show`, `search` and `tasks` read through it; editors' tools (`review`)
 * and the ingest/recompute machinery use the store itself, which keeps the original text.
 */
import type { OfficialDocument } from '../domain/types.js';
import { deidentifyDocument, deidentifyText } from '../extract/privacy-mask.js';
import type { PublicMark, Relation, Store, StoredStatus } from './store.js';

const PUBLISHED = Symbol('published');

/** Document id → the finding keys marked public in it. */
export function marksByDocument(marks: readonly PublicMark[]): (documentId: string) => ReadonlySet<string> {
  const by = new Map<string, Set<string>>();
  for (const m of marks) (by.get(m.documentId) ?? by.set(m.documentId, new Set()).get(m.documentId)!).add(m.text);
  return (documentId) => by.get(documentId) ?? new Set<string>();
}

export function publishedStore(store: Store): Store {
  if ((store as { [PUBLISHED]?: true })[PUBLISHED]) return store;
  const released = async (id?: string) => marksByDocument(await store.publicMarks(id));
  const publish = async (d: OfficialDocument | null) => (d ? deidentifyDocument(d, (await released(d.id))(d.id)) : d);
  const quoted = <T extends { quote: string }>(x: T): T => ({ ...x, quote: deidentifyText(x.quote) });
  const relations = (rs: Relation[]) => rs.map(quoted);
  const status = (s: StoredStatus | null) => (s ? { ...s, evidence: s.evidence.map(quoted) } : s);

  const overrides: Partial<Store> & { [PUBLISHED]: true } = {
    [PUBLISHED]: true,
    getDocument: async (key) => publish(await store.getDocument(key)),
    async *allDocuments() {
      const of = await released();
      for await (const d of store.allDocuments()) yield deidentifyDocument(d, of(d.id));
    },
    search: async (q) => {
      const r = await store.search(q);
      return { ...r, hits: r.hits.map((h) => ({ ...h, snippet: deidentifyText(h.snippet) })) };
    },
    relations: async (id) => {
      const r = await store.relations(id);
      return { outgoing: relations(r.outgoing), incoming: relations(r.incoming) };
    },
    allRelations: async () => relations(await store.allRelations()),
    getStatus: async (id) => status(await store.getStatus(id)),
    listTasks: async (f) => {
      const r = await store.listTasks(f);
      return { ...r, items: r.items.map((t) => ({ ...t, task: deidentifyText(t.task) })) };
    },
    // Snippets around a unit's name, stored at ingest: published like search snippets.
    listUnitMentions: async (unit) => (await store.listUnitMentions(unit)).map((m) => ({ ...m, snippet: deidentifyText(m.snippet) })),
    listTargets: async (f) => {
      const r = await store.listTargets(f);
      return { ...r, items: r.items.map(quoted) };
    },
    // The listings the 解读 and 问答 pages publish; get* stay as stored, for the editors' forms.
    listInterpretations: async (f) =>
      (await store.listInterpretations(f)).map((r) => ({ ...r, title: deidentifyText(r.title), body: deidentifyText(r.body) })),
    listQa: async (f) =>
      (await store.listQa(f)).map((e) => ({ ...e, question: deidentifyText(e.question), answer: deidentifyText(e.answer), clauses: e.clauses.map(quoted) })),
  };
  // A Proxy rather than a class: methods added to Store later pass through without edits here.
  return new Proxy(store, {
    get(target, prop) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return overrides[prop as keyof typeof overrides];
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
