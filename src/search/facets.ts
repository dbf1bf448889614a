/**
 * Filters and facet counts over the matching documents' metadata (pure, shared by backends).
 * Facets count the documents that pass every filter, so they always add up to `total`. Issuers
 * compare folded (simplified characters), so a traditional-page issuer is not a separate value.
 */
import type { Facets, SearchQuery } from '../store/store.js';
import { fold } from './fold.js';

export interface FacetRow {
  readonly year: number | null;
  readonly issuer: string | null;
  /** The issuer folded to simplified characters, when the backend keeps it: facets group by it. */
  readonly issuerKey?: string | null;
  readonly kind: string | null;
  readonly status: string;
}

type Dim = keyof Facets;
export const DIMS: readonly Dim[] = ['year', 'issuer', 'kind', 'status'];

function value(r: FacetRow, d: Dim): string | null {
  if (d === 'year') return r.year === null ? null : String(r.year);
  if (d === 'issuer' && r.issuerKey !== undefined) return r.issuerKey;
  return r[d];
}

/** The value a filter asks for (issuers folded), or undefined when the filter is not set. */
export function wanted(q: Pick<SearchQuery, Dim>, d: Dim): string | undefined {
  const v = q[d];
  if (v === undefined || v === null || v === '') return undefined;
  return d === 'issuer' ? fold(String(v)) : String(v);
}

export function computeFacets<R extends FacetRow>(rows: readonly R[], q: Pick<SearchQuery, Dim>): { matching: R[]; facets: Facets } {
  const matching = rows.filter((r) => DIMS.every((d) => wanted(q, d) === undefined || value(r, d) === wanted(q, d)));
  const facets = {} as Facets;
  for (const d of DIMS) {
    const counts = new Map<string, number>();
    for (const r of matching) {
      const v = value(r, d);
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    facets[d] = orderFacet(d, [...counts].map(([v, count]) => ({ value: v, count })));
  }
  return { matching, facets };
}

/** Most frequent first; years newest first on ties, other values in order. For counts a backend made in SQL too. */
export function orderFacet(d: Dim, list: Array<{ value: string; count: number }>): Array<{ value: string; count: number }> {
  return list.sort((a, b) => b.count - a.count || (d === 'year' ? b.value.localeCompare(a.value) : a.value.localeCompare(b.value)));
}
