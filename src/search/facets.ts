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
const DIMS: readonly Dim[] = ['year', 'issuer', 'kind', 'status'];

function value(r: FacetRow, d: Dim): string | null {
  if (d === 'year') return r.year === null ? null : String(r.year);
  if (d === 'issuer' && r.issuerKey !== undefined) return r.issuerKey;
  return r[d];
}

function wanted(q: Pick<SearchQuery, Dim>, d: Dim): string | undefined {
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
    facets[d] = [...counts]
      .map(([v, count]) => ({ value: v, count }))
      .sort((a, b) => b.count - a.count || (d === 'year' ? b.value.localeCompare(a.value) : a.value.localeCompare(b.value)));
  }
  return { matching, facets };
}
