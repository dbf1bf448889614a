/** /tasks, /targets, /indicators, /references: the registers the documents imply, read from the store. */
import { z } from 'zod';
import { indicatorPage, referencePage, targetPage, taskPage } from '../views/registers.js';
import { defineRoute, limitOffset } from './route.js';
import { IndicatorPage, ReferencePage, TargetPage, TaskPage } from './schemas.js';

const year = z.coerce.number().int().min(1949).max(2100).optional();

export const registerRoutes = [
  defineRoute({
    path: '/tasks',
    tag: 'registers',
    summary: 'Task register (牵头单位/责任单位/配合单位 as printed, 牵头领导, 完成时限), newest document first; unit names canonical (any spelling of `unit` is folded to it); a unit matches in any role',
    query: z.object({ unit: z.string().min(1).optional().describe('a unit, any spelling (区人社局 = 区人力社保局), e.g. 区发展改革委'), ...limitOffset(500, 50) }),
    response: TaskPage,
    handler: (store, q) => taskPage(store, q.unit, q.limit, q.offset),
  }),
  defineRoute({
    path: '/targets',
    tag: 'registers',
    summary: 'Work-report figures: promises (预期目标) and outcomes (回顾), each with the clause it was read from',
    query: z.object({
      indicator: z.string().min(1).optional().describe('indicator key, e.g. 地区生产总值'),
      year: year.describe('the year the figure is about'),
      kind: z.enum(['promise', 'outcome']).optional(),
      ...limitOffset(500, 100),
    }),
    response: TargetPage,
    handler: (store, q) => targetPage(store, q, q.limit, q.offset),
  }),
  defineRoute({
    path: '/indicators',
    tag: 'registers',
    summary: 'Promise versus outcome: each indicator year by year, with a met/missed verdict where comparable',
    query: z.object({
      indicator: z.string().min(1).optional().describe('indicator key'),
      year: year.describe('only indicators with a figure about this year'),
      ...limitOffset(200, 50),
    }),
    response: IndicatorPage,
    maxAge: 300,
    handler: (store, q) => indicatorPage(store, q, q.limit, q.offset),
  }),
  defineRoute({
    path: '/references',
    tag: 'registers',
    summary: 'Documents known only by reference (主要文件目录 entries and citations of documents not held), most cited first',
    query: z.object({ ...limitOffset(500, 100) }),
    response: ReferencePage,
    maxAge: 300,
    handler: (store, q) => referencePage(store, q.limit, q.offset),
  }),
];
