/**
 * The unit gazetteer as the stored registers see it (for the portal, the API and `gongbao units`):
 * canonical units with their spellings and counts, issuers folded in. Reads the registers written
 * at ingest only — no document text.
 */
import { defaultGazetteer } from '../extract/units/index.js';
import type { Store, UnitCount } from './store.js';

/** A unit named in this many documents is listed even if it issues nothing and has no task. */
export const MIN_DOCUMENTS = 3;

/** The canonical name of a printed unit (an issuer as printed, a name typed in a URL). */
export function canonicalUnit(name: string): string {
  return defaultGazetteer().canonical(name)?.name ?? name;
}

export interface ListedUnit extends UnitCount {
  /** Documents it issued (issuers under their canonical name). */
  readonly issued: number;
}

/** Units with tasks, issuers, and names found in at least MIN_DOCUMENTS documents; most tasks first. */
export async function listedUnits(store: Store): Promise<ListedUnit[]> {
  const [units, { items }] = await Promise.all([store.listUnits(), store.listDocuments({ limit: 1_000_000 })]);
  const issued = new Map<string, { n: number; spellings: Set<string> }>();
  for (const d of items) {
    if (!d.issuer) continue;
    const name = canonicalUnit(d.issuer);
    const slot = issued.get(name) ?? issued.set(name, { n: 0, spellings: new Set() }).get(name)!;
    slot.n++;
    if (d.issuer !== name) slot.spellings.add(d.issuer);
  }
  const out: ListedUnit[] = units.map((u) => {
    const i = issued.get(u.unit);
    return { ...u, issued: i?.n ?? 0, variants: [...new Set([...u.variants, ...(i?.spellings ?? [])])].sort() };
  });
  const known = new Set(units.map((u) => u.unit));
  for (const [name, i] of issued) {
    if (known.has(name)) continue;
    out.push({ unit: name, kind: 'unit', leads: 0, responsible: 0, cooperating: 0, tasks: 0, documents: 0, variants: [...i.spellings].sort(), issued: i.n });
  }
  return out.filter((u) => u.tasks > 0 || u.issued > 0 || u.documents >= MIN_DOCUMENTS);
}
