/**
 * Identity and paging rules shared by both Store backends (pure), so SQLite and PostgreSQL agree.
 */
import { createHash } from 'node:crypto';
import type { OfficialDocument, ParseResult, ReferencedDocument } from '../domain/types.js';

function shortHash(s: string, n = 6): string {
  return createHash('sha1').update(s).digest('hex').slice(0, n);
}

/**
 * An issue is the same issue across corrected editions when title, year and number agree:
 * `2024-02-<hash of title>`. Without year and number, the file's content is its only identity.
 */
export function issueId(result: ParseResult): string {
  const i = result.issue;
  if (i && i.year !== null && i.number !== null) {
    return `${i.year}-${String(i.number).padStart(2, '0')}-${shortHash(i.title)}`;
  }
  return `file-${result.source.sha256.slice(0, 12)}`;
}

/** One edition (one exact file content) of an issue. */
export function editionId(issue: string, sha256: string): string {
  return `${issue}@${sha256.slice(0, 12)}`;
}

/** Key of a document known only by reference: ref:<文号> or ref:《title》. */
export function referenceKey(r: Pick<ReferencedDocument, 'docNumber' | 'title'>): string | null {
  if (r.docNumber) return `ref:${r.docNumber}`;
  if (r.title) return `ref:《${r.title}》`;
  return null;
}

/** The year a document belongs to for filtering: signed date, else its 文号 year. */
import { documentYear } from '../domain/doc-year.js';
export { documentYear };

/**
 * The stored year column holds documentYear(d); where neither date nor 文号 gives it, it came from
 * the file's sidecar, and reading the document gives it back as declaredYear.
 */
export function declaredYearField(year: unknown, signedOn: string | null, docNumber: string | null): { declaredYear?: number } {
  return typeof year === 'number' && documentYear({ signedOn, docNumber }) === null ? { declaredYear: year } : {};
}

/** A documents row's header columns (both stores name them alike) as the document's fields. */
export function documentHeader(r: Record<string, unknown>): Pick<OfficialDocument, 'id' | 'docNumber' | 'title' | 'issuer' | 'kind' | 'addressees' | 'signedOn' | 'publicity'> {
  return {
    id: r.id as string,
    docNumber: r.doc_number as string | null,
    title: r.title as string,
    issuer: r.issuer as string | null,
    kind: r.kind as OfficialDocument['kind'],
    addressees: r.addressees as string | null,
    signedOn: r.signed_on as string | null,
    publicity: r.publicity as OfficialDocument['publicity'],
  };
}

/** Paging numbers from callers (HTTP query strings among them): whole, non-negative, bounded. */
export function clampInt(v: number | undefined, fallback: number, max: number): number {
  return v === undefined || !Number.isFinite(v) ? fallback : Math.min(max, Math.max(0, Math.floor(v)));
}
