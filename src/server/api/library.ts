/** /library (规范性文件库), /units, /feed */
import { z } from 'zod';
import { feedView } from '../views/feed.js';
import { libraryPage } from '../views/library.js';
import { unitDetail, unitList } from '../views/units.js';
import { defineRoute, limitOffset } from './route.js';
import { Feed, LIBRARY_SORTS, LIBRARY_TABS, LibraryPage, UnitDetail, UnitList } from './schemas.js';

export const LibraryQuery = z.object({
  tab: z.enum(LIBRARY_TABS).default('current').describe('current = 现行有效, repealed = 失效/废止'),
  sort: z.enum(LIBRARY_SORTS).default('-signedOn'),
  ...limitOffset(500, 50),
});

export const libraryRoutes = [
  defineRoute({
    path: '/library',
    tag: 'library',
    summary: '规范性文件库: 现行有效 or 失效/废止 (CSV at /library.csv)',
    query: LibraryQuery,
    response: LibraryPage,
    handler: (store, q) => libraryPage(store, q.tab, q.sort, q.limit, q.offset),
  }),
  defineRoute({
    path: '/units',
    tag: 'units',
    summary: 'The unit gazetteer: canonical units and groups (各乡镇（街道）…) with the spellings printed for each, task counts by role (牵头/责任/配合) and documents',
    response: UnitList,
    maxAge: 300,
    handler: (store) => unitList(store),
  }),
  defineRoute({
    path: '/units/:name',
    tag: 'units',
    summary: 'One unit by any spelling (区人社局 answers as 区人力社保局): its tasks by role, documents it issued, documents naming it',
    params: { name: 'unit name in any spelling, e.g. 区发展改革委' },
    response: UnitDetail,
    notFound: 'unit',
    handler: (store, _q, p) => unitDetail(store, p.name!),
  }),
  defineRoute({
    path: '/feed',
    tag: 'feed',
    summary: 'New documents and status changes, newest first (Atom at /feed.atom)',
    response: Feed,
    handler: (store) => feedView(store),
  }),
];
