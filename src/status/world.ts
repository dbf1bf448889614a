/**
 * From documents to the status world: extract validity and repeal events, resolve every target
 * and citation to a stored document or a known-by-reference record, and derive the relation rows
 * (cites, repeals, amends, replaces). Pure: the store is read and written elsewhere.
 */
import type { Citation, OfficialDocument, ReferencedDocument } from '../domain/types.js';
import { classifyNormative } from '../extract/normative.js';
import { findRepeals, type RepealEvent } from '../extract/repeals.js';
import { findValidity } from '../extract/validity.js';
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
  const docs = input.documents;
  const repeals = docs.flatMap((d) => findRepeals(d));
  // Targets printed with both title and 文号 let a later title-only mention find the 文号.
  const known: Resolvable[] = [...docs];
  for (const r of [...(input.references ?? []), ...repeals.map((e) => e.target)]) {
    if (r.docNumber && r.title) known.push({ id: refKey(r.docNumber, null), docNumber: r.docNumber, title: r.title });
  }
  const resolver = new Resolver(known);

  const facts = new Map<string, DocFacts>();
  for (const d of docs) {
    facts.set(d.id, { id: d.id, docNumber: d.docNumber, title: d.title, signedOn: d.signedOn, held: true, validity: findValidity(d), normative: classifyNormative(d) });
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
    events.set(to.id, [...(events.get(to.id) ?? []), ev]);
    for (const verb of VERBS[e.kind]) {
      relate({
        subjectId: e.repealingId, verb, objectId: to.id, objectDocNumber: to.docNumber ?? e.target.docNumber,
        objectTitle: to.title ?? e.target.title, date: e.date, quote: e.quote, reason: e.reason, block: e.block,
      });
    }
  }

  const cites: CiteLink[] = [];
  const citationsOf = input.citations ?? ((d: OfficialDocument) => d.cites);
  for (const d of docs) {
    for (const c of citationsOf(d)) {
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

  const corrections = new Map<string, StatusCorrection[]>();
  for (const c of input.corrections ?? []) corrections.set(c.documentId, [...(corrections.get(c.documentId) ?? []), c]);
  return { docs: facts, events, corrections, cites, relations, repeals };
}
