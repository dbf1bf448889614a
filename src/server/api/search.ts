/** /search */
import { z } from 'zod';
import { LEGAL_STATUSES } from '../../domain/types.js';
import { searchView } from '../views/search.js';
import { defineRoute, limitOffset } from './route.js';
import { SearchResponse } from './schemas.js';

export const SearchQuerySchema = z.object({
  // A longer query is cut to MAX_QUERY characters with a notice in the answer, never refused.
  q: z.string().default('').describe('words, a 文号, "quoted phrases", -exclusions, OR; only the first 200 characters are used'),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  issuer: z.string().min(1).optional(),
  kind: z.string().min(1).optional(),
  status: z.enum(LEGAL_STATUSES).optional(),
  ...limitOffset(50, 10),
});

export const searchRoutes = [
  defineRoute({
    path: '/search',
    tag: 'search',
    summary: 'Full-text search with facets; snippets mark matches with «…»',
    query: SearchQuerySchema,
    response: SearchResponse,
    maxAge: 30,
    handler: (store, q) => searchView(store, q),
  }),
];
