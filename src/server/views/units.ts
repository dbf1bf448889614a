/**
 * Units (departments): who issued what, what each leads and shares in the task register, and
 * which documents name it.
 */
import type { Store } from '../../store/store.js';
import type { UnitDetailT, UnitListT } from '../api/schemas.js';
import { toSummary } from './documents.js';
import { taskRows } from './registers.js';
import { unitIndex } from './unit-index.js';
import { unitUrl } from './urls.js';

/** A unit named this often is listed even if it issues nothing and leads nothing. */
const MIN_MENTIONS = 3;

export async function unitList(store: Store): Promise<UnitListT> {
  const [{ items }, index, units] = await Promise.all([store.listDocuments({ limit: 100000 }), unitIndex(store), store.listUnits()]);
  const register = new Map(units.map((u) => [u.unit, u]));
  const issued = new Map<string, number>();
  for (const d of items) if (d.issuer) issued.set(d.issuer, (issued.get(d.issuer) ?? 0) + 1);
  const names = new Set([...issued.keys(), ...register.keys()]);
  for (const [name, n] of index.mentions) if (n >= MIN_MENTIONS) names.add(name);
  const rows = [...names].map((name) => ({
    name,
    documents: (issued.get(name) ?? 0) + (index.mentions.get(name) ?? 0),
    leads: register.get(name)?.leads ?? 0,
    supports: register.get(name)?.supports ?? 0,
    url: unitUrl(name),
  }));
  rows.sort((a, b) => b.leads + b.supports - (a.leads + a.supports) || b.documents - a.documents || a.name.localeCompare(b.name, 'zh-CN'));
  return { items: rows };
}

export async function unitDetail(store: Store, name: string): Promise<UnitDetailT | null> {
  const all = (await store.listDocuments({ limit: 100000 })).items.map(toSummary);
  const index = await unitIndex(store);
  const tasks = (await store.listTasks({ unit: name })).items;
  const issued = all.filter((d) => d.issuer === name);
  // Only units we know (issuer, task register, a department name in the text), not any substring.
  if (tasks.length === 0 && issued.length === 0 && !index.mentions.has(name)) return null;
  const rows = await taskRows(store, tasks);
  const issuedIds = new Set(issued.map((d) => d.id));
  const byId = new Map(all.map((d) => [d.id, d]));
  const named: UnitDetailT['named'] = (index.namedIn.get(name) ?? [])
    .filter((m) => !issuedIds.has(m.documentId) && byId.has(m.documentId))
    .map((m) => ({ ...byId.get(m.documentId)!, mentions: m.count, snippet: m.snippet }));
  named.sort((a, b) => (b.signedOn ?? '').localeCompare(a.signedOn ?? ''));
  return {
    name,
    issued,
    named,
    tasks: { leads: rows.filter((t) => t.leads.includes(name)), supports: rows.filter((t) => t.supports.includes(name)) },
  };
}
