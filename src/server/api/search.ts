/** /search */
import { z } from 'zod';
import { LEGAL_STATUSES } from '../../domain/types.js';
import { SEARCH_FIELDS, SEARCH_SORTS } from '../../store/store.js';
import { searchView } from '../views/search.js';
import { defineRoute, limitOffset } from './route.js';
import { DocNumberLookup, SearchResponse } from './schemas.js';
import { lookupDocNumber } from '../views/lookup.js';

// An empty value (a form's blank date box) means no filter.
const isoDate = z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').optional());

export const SearchQuerySchema = z.object({
  // A longer query is cut to MAX_QUERY characters with a notice in the answer, never refused.
  q: z.string().default('').describe('words, a 文号, "quoted phrases", -exclusions, OR; only the first 200 characters are used'),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  issuer: z.string().min(1).optional(),
  kind: z.string().min(1).optional(),
  status: z.enum(LEGAL_STATUSES).optional(),
  from: isoDate.optional().describe('成文日期 on or after (YYYY-MM-DD)'),
  to: isoDate.optional().describe('成文日期 on or before (YYYY-MM-DD)'),
  field: z.enum(SEARCH_FIELDS).optional().describe('where the words must be: all (default), title, docNumber'),
  sort: z.enum(SEARCH_SORTS).optional().describe('relevance (default) or date (newest 成文日期 first)'),
  ...limitOffset(50, 10),
});

export const searchRoutes = [
  defineRoute({
    path: '/lookup/:docNumber',
    tag: 'search',
    summary: '文号 look-up: the document a 文号 names (any spelling, a 目录 variant too), held or known by reference, with status, evidence and who cites it',
    params: { docNumber: 'a 文号 in any spelling, e.g. 武隆府发[2023]18号' },
    response: DocNumberLookup,
    notFound: 'document',
    maxAge: 60,
    handler: (store, _q, p) => lookupDocNumber(store, p.docNumber!),
  }),
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
