/**
 * From documents to the status world: extract validity and repeal events, resolve every target
 * and citation to a stored document or a known-by-reference record, and derive the relation rows
 * (cites, repeals, amends, replaces). Pure: the store is read and written elsewhere.
 */
import type { Citation, OfficialDocument, ReferencedDocument } from '../domain/types.js';
import type { RepealEvent } from '../extract/repeals.js';
import { resolutionSeeds, statusInputOf, type StatusInput } from '../extract/status-input.js';
import type { Relation, RelationVerb, StatusCorrection } from '../store/store.js';
import { Resolver, refKey, type Resolvable } from './resolve.js';
import type { CiteLink, DocFacts, StatusEvent, StatusWorld } from './types.js';

export interface WorldInput {
  readonly documents: readonly OfficialDocument[];
  readonly corrections?: readonly StatusCorrection[];
  /** Documents listed in an index or cited, not printed: they seed title → 文号 resolution. */
  readonly references?: readonly ReferencedDocument[];
  /** Citation finder; defaults to the parser's `doc.cites`. */
  readonly citations?: (doc: OfficialDocument) => readonly Citation[];
}

export interface World extends StatusWorld {
  readonly relations: Relation[];
  readonly repeals: RepealEvent[];
}

const VERBS: Record<RepealEvent['kind'], RelationVerb[]> = {
  repeal: ['repeals'],
  'partial-repeal': ['repeals'],
  // A revised edition both replaces and repeals its predecessor; readers look for either verb.
  replace: ['replaces', 'repeals'],
  amend: ['amends'],
  // Stated as already repealed by someone else: this document only cites it.
  'noted-repealed': ['cites'],
};

export function buildWorld(input: WorldInput): World {
  const citationsOf = input.citations;
  const inputs = input.documents.map((d) => {
    const s = statusInputOf(d);
    return citationsOf ? { ...s, cites: [...citationsOf(d)] } : s;
  });
  const resolver = resolverOf(inputs, input.references ?? []);
  const world = deriveWorld(inputs, resolver);
  const corrections = new Map<string, StatusCorrection[]>();
  for (const c of input.corrections ?? []) corrections.set(c.documentId, [...(corrections.get(c.documentId) ?? []), c]);
  return { ...world, corrections };
}

/**
 * The resolver over every held document, in store order (the first document holding a 文号 keeps
 * it), then the 文号/title pairs known from indexes and repeal targets (the documents' `seeds`).
 */
export function resolverOf(
  docs: ReadonlyArray<Resolvable & { readonly repeals?: readonly RepealEvent[]; readonly seeds?: readonly ReferencedSeed[] }>,
  references: readonly ReferencedSeed[] = [],
): Resolver {
  // Targets printed with both title and 文号 let a later title-only mention find the 文号.
  const known: Resolvable[] = [...docs];
  const seeds = docs.flatMap((d) => d.seeds ?? (d.repeals ? resolutionSeeds({ repeals: [...d.repeals] }) : []));
  for (const r of [...references, ...seeds]) {
    if (r.docNumber && r.title) known.push({ id: refKey(r.docNumber, null), docNumber: r.docNumber, title: r.title });
  }
  return new Resolver(known);
}

type ReferencedSeed = { readonly docNumber: string | null; readonly title: string | null };

/**
 * Relations, events and facts derived from some documents' status inputs, in their order, with a
 * resolver over all of them (`resolverOf`). All documents give the whole world; an incremental
 * recompute passes the documents whose relations or events could have changed.
 */
export function deriveWorld(docs: readonly StatusInput[], resolver: Resolver): Omit<World, 'corrections'> {
  const repeals = docs.flatMap((d) => d.repeals);
  const facts = new Map<string, DocFacts>();
  for (const d of docs) {
    facts.set(d.id, { id: d.id, docNumber: d.docNumber, title: d.title, signedOn: d.signedOn, held: true, validity: d.validity, normative: d.normative });
  }
  const addRef = (id: string, docNumber: string | null, title: string | null) => {
    const had = facts.get(id);
    if (!had) facts.set(id, { id, docNumber, title, signedOn: null, held: false, validity: null, normative: null });
    else if (!had.held && !had.title && title) facts.set(id, { ...had, title });
  };

  const relations: Relation[] = [];
  const events = new Map<string, StatusEvent[]>();
  const seen = new Set<string>();
  const relate = (r: Relation) => {
    const key = `${r.subjectId}|${r.verb}|${r.objectId}`;
    if (seen.has(key) || r.subjectId === r.objectId) return;
    seen.add(key);
    relations.push(r);
  };

  for (const e of repeals) {
    const to = resolver.resolve(e.target.docNumber, e.target.title);
    if (to.id === e.repealingId) continue;
    if (to.id.startsWith('ref:')) addRef(to.id, to.docNumber, e.target.title ?? to.title);
    const ev: StatusEvent = { kind: e.kind, byId: e.repealingId, byDocNumber: e.repealingDocNumber, quote: e.quote, date: e.date, reason: e.reason };
    const had = events.get(to.id);
    if (had) had.push(ev);
    else events.set(to.id, [ev]);
    for (const verb of VERBS[e.kind]) {
      relate({
        subjectId: e.repealingId, verb, objectId: to.id, objectDocNumber: to.docNumber ?? e.target.docNumber,
        objectTitle: to.title ?? e.target.title, date: e.date, quote: e.quote, reason: e.reason, block: e.block,
      });
    }
  }

  const cites: CiteLink[] = [];
  for (const d of docs) {
    for (const c of d.cites) {
      const to = resolver.resolve(c.docNumber, c.title);
      if (to.id === d.id) continue;
      if (to.id.startsWith('ref:')) addRef(to.id, to.docNumber, to.title ?? c.title);
      cites.push({ subjectId: d.id, objectId: to.id, raw: c.raw });
      relate({
        subjectId: d.id, verb: 'cites', objectId: to.id, objectDocNumber: to.docNumber, objectTitle: to.title ?? c.title,
        date: d.signedOn, quote: c.raw, reason: null, block: c.block,
      });
    }
  }
  return { docs: facts, events, cites, relations, repeals };
}
