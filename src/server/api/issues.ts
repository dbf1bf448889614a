/** /stats, /issues, /issues/:id */
import { z } from 'zod';
import { issueDetail, issueList, stats } from '../views/issues.js';
import { defineRoute, limitOffset } from './route.js';
import { IssueDetail, IssuePage, Stats } from './schemas.js';

export const issueRoutes = [
  defineRoute({
    path: '/stats',
    tag: 'issues',
    summary: 'Counts by status and kind, and the latest issue (home page)',
    response: Stats,
    handler: (store) => stats(store),
  }),
  defineRoute({
    path: '/issues',
    tag: 'issues',
    summary: 'Gazette issues, newest first, optionally of one year',
    query: z.object({ year: z.coerce.number().int().min(1949).max(2100).optional().describe('publication year'), ...limitOffset(200, 50) }),
    response: IssuePage,
    handler: (store, q) => issueList(store, q.year, q.limit, q.offset),
  }),
  defineRoute({
    path: '/issues/:id',
    tag: 'issues',
    summary: 'One issue with its 目录 and 主要文件目录, each entry linked to the document when held',
    params: { id: 'issue id' },
    response: IssueDetail,
    notFound: 'issue',
    handler: (store, _q, p) => issueDetail(store, p.id!),
  }),
];
