/** The inputs and outputs of the status judgement. */
import type { LegalStatus } from '../domain/types.js';
import type { RepealKind } from '../extract/repeal-types.js';
import type { NormativeJudgement } from '../extract/normative.js';
import type { ValidityClause } from '../extract/validity.js';
import type { StatusCorrection } from '../store/store.js';

/** What we know of one document: one we hold (printed in a stored issue) or one known by reference. */
export interface DocFacts {
  /** Stored id, or `ref:<文号>` / `ref:《title》` for a document we do not hold. */
  readonly id: string;
  readonly docNumber: string | null;
  readonly title: string | null;
  readonly signedOn: string | null;
  readonly held: boolean;
  readonly validity: ValidityClause | null;
  /** Is it a 规范性文件, and why (`classifyNormative`)? null/absent for a document we do not hold. */
  readonly normative?: NormativeJudgement | null;
}

/** Something another document did to this one (from a repeal/amend extraction). */
export interface StatusEvent {
  readonly kind: RepealKind;
  readonly byId: string;
  readonly byDocNumber: string | null;
  readonly quote: string;
  readonly date: string | null;
  readonly reason: string | null;
}

export interface Evidence {
  readonly docNumber: string | null;
  readonly quote: string;
  readonly date: string | null;
}

export interface StatusVerdict {
  readonly status: LegalStatus;
  readonly since: string | null;
  readonly evidence: Evidence[];
}

/** A citation between two documents, both resolved to ids (stored or `ref:`). */
export interface CiteLink {
  readonly subjectId: string;
  readonly objectId: string;
  readonly raw: string;
}

/** Everything the status judgement reads: built once per recompute, then queried by date. */
export interface StatusWorld {
  readonly docs: ReadonlyMap<string, DocFacts>;
  /** Events keyed by the id of the document acted upon. */
  readonly events: ReadonlyMap<string, readonly StatusEvent[]>;
  readonly corrections: ReadonlyMap<string, readonly StatusCorrection[]>;
  readonly cites: readonly CiteLink[];
}
