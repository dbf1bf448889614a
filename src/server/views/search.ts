/** Search results for the API and the search page. */
import type { LegalStatus } from '../../domain/types.js';
import type { SearchQuery, Store } from '../../store/store.js';
import type { SearchResponseT } from '../api/schemas.js';
import { lookupDocNumber } from './lookup.js';
import { docUrl } from './urls.js';

export interface SearchParams {
  q: string;
  year?: number | undefined;
  issuer?: string | undefined;
  kind?: string | undefined;
  status?: LegalStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  field?: SearchQuery['field'] | undefined;
  sort?: SearchQuery['sort'] | undefined;
  limit: number;
  offset: number;
}

/** The store's query types are exact optional properties: leave unset filters out. */
export function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Longer queries are cut, not refused: a pasted paragraph still finds its document. */
export const MAX_QUERY = 200;

export async function searchView(store: Store, params: SearchParams): Promise<SearchResponseT> {
  const chars = [...params.q];
  const notice = chars.length > MAX_QUERY ? `检索词过长（${chars.length} 个字），只按前 ${MAX_QUERY} 个字检索。` : null;
  const p = notice ? { ...params, q: chars.slice(0, MAX_QUERY).join('') } : params;
  const empty = { year: [], issuer: [], kind: [], status: [] };
  if (p.q.trim() === '') return { q: p.q, notice, total: 0, approximate: false, limit: p.limit, offset: p.offset, facets: empty, lookup: null, hits: [] };
  const [r, lookup] = await Promise.all([store.search(withoutUndefined(p)), lookupDocNumber(store, p.q)]);
  // The document a 文号 names leads the hits whatever its score (a citing text can outrank it).
  const hits = lookup ? [...r.hits.filter((h) => h.id === lookup.id), ...r.hits.filter((h) => h.id !== lookup.id)] : r.hits;
  return {
    q: p.q,
    notice,
    total: r.total,
    approximate: r.approximate === true,
    limit: p.limit,
    offset: p.offset,
    facets: { ...empty, ...r.facets },
    lookup,
    hits: hits.map((h) => ({
      id: h.id,
      docNumber: h.docNumber,
      title: h.title,
      issuer: h.issuer,
      kind: h.kind,
      signedOn: h.signedOn,
      status: h.status,
      score: h.score,
      snippet: h.snippet,
      url: docUrl(h.id),
    })),
  };
}
