/**
 * Units (departments) under their canonical names (the unit gazetteer, src/extract/units): who
 * issued what, what each leads (牵头), is responsible for (责任) and cooperates on (配合), and
 * which documents name it — all read from the registers stored at ingest, never the text.
 */
import { canonicalUnit, listedUnits } from '../../store/gazetteer.js';
import type { Store } from '../../store/store.js';

export { canonicalUnit } from '../../store/gazetteer.js';
import type { UnitDetailT, UnitListT } from '../api/schemas.js';
import { toSummary } from './documents.js';
import { taskRows } from './registers.js';
import { unitUrl } from './urls.js';

export async function unitList(store: Store): Promise<UnitListT> {
  const rows = (await listedUnits(store)).map((u) => ({
    name: u.unit,
    kind: u.kind,
    variants: u.variants,
    // An issuer signs its documents with its name, so they are (almost) all among those naming it.
    documents: Math.max(u.issued, u.documents),
    leads: u.leads,
    responsible: u.responsible,
    cooperating: u.cooperating,
    tasks: u.tasks,
    url: unitUrl(u.unit),
  }));
  rows.sort((a, b) => b.tasks - a.tasks || b.documents - a.documents || a.name.localeCompare(b.name, 'zh-CN'));
  return { items: rows };
}

/** One unit by any spelling; `name` is the canonical one (pages redirect other spellings to it). */
export async function unitDetail(store: Store, printed: string): Promise<UnitDetailT | null> {
  const name = canonicalUnit(printed);
  const unit = (await store.listUnits()).find((u) => u.unit === name);
  const all = (await store.listDocuments({ limit: 1_000_000 })).items.map(toSummary);
  const issued = all.filter((d) => d.issuer !== null && canonicalUnit(d.issuer) === name);
  // Only units we know (issuer, task register, named in a text), not any substring.
  if (!unit && issued.length === 0) return null;
  const tasks = (await store.listTasks({ unit: name })).items;
  const rows = await taskRows(store, tasks);
  const issuedIds = new Set(issued.map((d) => d.id));
  const byId = new Map(all.map((d) => [d.id, d]));
  // One entry per document, however many spellings it uses; the first spelling's snippet.
  const named = new Map<string, UnitDetailT['named'][number]>();
  for (const m of await store.listUnitMentions(name)) {
    const d = byId.get(m.documentId);
    if (!d || issuedIds.has(m.documentId)) continue;
    const had = named.get(m.documentId);
    named.set(m.documentId, had ? { ...had, mentions: had.mentions + m.count } : { ...d, mentions: m.count, snippet: m.snippet });
  }
  const list = [...named.values()].sort((a, b) => (b.signedOn ?? '').localeCompare(a.signedOn ?? ''));
  const variants = new Set(unit?.variants ?? []);
  for (const d of issued) if (d.issuer !== name) variants.add(d.issuer!);
  return {
    name,
    kind: unit?.kind ?? 'unit',
    variants: [...variants].sort(),
    issued,
    named: list,
    tasks: {
      leads: rows.filter((t) => t.leads.includes(name)),
      responsible: rows.filter((t) => t.responsible.includes(name)),
      cooperating: rows.filter((t) => t.cooperating.includes(name)),
    },
  };
}
