/**
 * What the legal-status judgement reads of one document, extracted once (at ingest, in the parse
 * workers) so a recompute never reads or re-extracts document text: its validity clause, the
 * repeal events it states, its 规范性文件 judgement and its citations, with the keys its
 * references resolve by (an incremental recompute looks documents up by those keys).
 */
import type { Citation, OfficialDocument } from '../domain/types.js';
import { classifyNormative, type NormativeJudgement } from './normative.js';
import { resolutionKeys } from './reference-keys.js';
import type { RepealEvent } from './repeal-types.js';
import { findRepeals } from './repeals.js';
import { findValidity, type ValidityClause } from './validity.js';

export interface StatusInput {
  readonly id: string;
  readonly docNumber: string | null;
  readonly title: string;
  readonly signedOn: string | null;
  readonly validity: ValidityClause | null;
  readonly normative: NormativeJudgement;
  readonly repeals: RepealEvent[];
  readonly cites: Citation[];
}

/** `normative`: the judgement when already made (the registers make it too). */
export function statusInputOf(doc: OfficialDocument, normative: NormativeJudgement = classifyNormative(doc)): StatusInput {
  const validity = findValidity(doc);
  return { id: doc.id, docNumber: doc.docNumber, title: doc.title, signedOn: doc.signedOn, validity, normative, repeals: findRepeals(doc, validity), cites: doc.cites };
}

/** Repeal targets printed with both 文号 and title: they seed title → 文号 resolution for everyone. */
export function resolutionSeeds(s: Pick<StatusInput, 'repeals'>): Array<{ docNumber: string; title: string }> {
  return s.repeals.flatMap((e) => (e.target.docNumber && e.target.title ? [{ docNumber: e.target.docNumber, title: e.target.title }] : []));
}

/**
 * The keys of a document as a resolution target (its own 文号 and title, and the seeds it adds) and
 * of everything it refers to (citations, repeal targets). A change at none of a document's `refs`
 * keys cannot change what its references resolve to.
 */
export function statusKeys(s: StatusInput): { own: string[]; refs: string[] } {
  const own = new Set([...resolutionKeys(s.docNumber, s.title), ...resolutionSeeds(s).flatMap((t) => resolutionKeys(t.docNumber, t.title))]);
  const refs = new Set([
    ...s.cites.flatMap((c) => resolutionKeys(c.docNumber, c.title)),
    ...s.repeals.flatMap((e) => resolutionKeys(e.target.docNumber, e.target.title)),
  ]);
  return { own: [...own], refs: [...refs] };
}
