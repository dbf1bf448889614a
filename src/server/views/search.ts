/** Search results for the API and the search page. */
import type { LegalStatus } from '../../domain/types.js';
import type { Store } from '../../store/store.js';
import type { SearchResponseT } from '../api/schemas.js';
import { docUrl } from './urls.js';

export interface SearchParams {
  q: string;
  year?: number | undefined;
  issuer?: string | undefined;
  kind?: string | undefined;
  status?: LegalStatus | undefined;
  limit: number;
  offset: number;
}

/** The store's query types are exact optional properties: leave unset filters out. */
export function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export async function searchView(store: Store, p: SearchParams): Promise<SearchResponseT> {
  const empty = { year: [], issuer: [], kind: [], status: [] };
  if (p.q.trim() === '') return { q: p.q, total: 0, limit: p.limit, offset: p.offset, facets: empty, hits: [] };
  const r = await store.search(withoutUndefined(p));
  return {
    q: p.q,
    total: r.total,
    limit: p.limit,
    offset: p.offset,
    facets: { ...empty, ...r.facets },
    hits: r.hits.map((h) => ({
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
