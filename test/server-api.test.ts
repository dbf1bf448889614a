/**
 * API contract: every endpoint in the OpenAPI document is called and each response validated
 * against the schema the document declares for it (200, 400 and 404); pagination and ETags too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerApiRoutes } from '../src/server/api/route.js';
import { writeRoutes } from '../src/server/api/writes.js';
import { buildServer } from '../src/server/app.js';
import type { Store } from '../src/store/store.js';
import { openSampleStore } from './fakes/sample-db.js';
import { contract, servedRoutes, type Contract } from './helpers/openapi.js';

type Json = Record<string, any>;
const enc = encodeURIComponent;

let store: Store;
let app: FastifyInstance;
let openapi: Json;
let api: Contract;

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers });
  const json = String(res.headers['content-type'] ?? '').includes('json') && res.body ? (JSON.parse(res.body) as Json) : null;
  return { res, json };
}

/** Validate a GET answer against the schema the document declares for this path and status code. */
const assertMatchesContract = (url: string, status: number, body: unknown) => api.assertMatches('get', url, status, body);

/** Concrete URLs for every path of the document, built from what the sample store holds. */
async function exampleUrls(): Promise<Record<string, string[]>> {
  const issue = (await store.listIssues())[0]!;
  const docs = (await store.listDocuments({ limit: 1000 })).items;
  const numbered = docs.find((d) => d.docNumber)!;
  const repealed = (await store.allRelations()).find((r) => r.verb === 'repeals' && r.objectId.startsWith('ref:'))!;
  const units = JSON.parse((await app.inject('/api/v1/units')).body) as Json;
  const unit = units.items[0].name as string;
  const [busiest] = await store.listUnits();
  const targets = (await store.listTargets({ limit: 1 })).items;
  const indicator = targets[0]?.indicatorKey ?? '地区生产总值';
  return {
    '/api/v1/tasks': ['/api/v1/tasks', `/api/v1/tasks?unit=${enc(busiest!.unit)}&limit=2&offset=1`, `/api/v1/tasks?unit=${enc('不存在的单位')}`],
    '/api/v1/targets': ['/api/v1/targets', `/api/v1/targets?indicator=${enc(indicator)}&limit=5`, '/api/v1/targets?year=2023&kind=promise'],
    '/api/v1/indicators': ['/api/v1/indicators', `/api/v1/indicators?indicator=${enc(indicator)}`, '/api/v1/indicators?year=2022&limit=3&offset=1'],
    '/api/v1/references': ['/api/v1/references', '/api/v1/references?limit=2&offset=1'],
    '/api/v1/stats': ['/api/v1/stats'],
    '/api/v1/issues': ['/api/v1/issues', `/api/v1/issues?year=${issue.year}&limit=1`],
    '/api/v1/issues/{id}': [`/api/v1/issues/${enc(issue.id)}`],
    '/api/v1/documents': ['/api/v1/documents', `/api/v1/documents?kind=${enc('通知')}&limit=2&offset=1`, '/api/v1/documents?sort=title&limit=100'],
    '/api/v1/documents/{key}': [`/api/v1/documents/${enc(numbered.id)}`, ...docs.slice(0, 60).map((d) => `/api/v1/documents/${enc(d.id)}`)],
    '/api/v1/documents/{key}/original': [`/api/v1/documents/${enc(numbered.id)}/original`],
    '/api/v1/documents/{key}/relations': docs.slice(0, 60).map((d) => `/api/v1/documents/${enc(d.id)}/relations`),
    '/api/v1/references/{key}': [`/api/v1/references/${enc(repealed.objectDocNumber ?? repealed.objectId)}`, `/api/v1/references/${enc(repealed.objectId)}`],
    '/api/v1/search': ['/api/v1/search?q=' + enc('禁火令'), '/api/v1/search?q=', '/api/v1/search?q=' + enc('"超充 OR -( AND NEAR*'), `/api/v1/search?q=${enc('武隆')}&limit=2&offset=2`],
    '/api/v1/lookup/{docNumber}': [`/api/v1/lookup/${enc('武隆府发[2023]18号')}`, `/api/v1/lookup/${enc('武隆府办发〔2023〕11号')}`, `/api/v1/lookup/${enc(numbered.docNumber!)}`],
    '/api/v1/library': ['/api/v1/library', '/api/v1/library?tab=repealed&sort=title', '/api/v1/library?tab=current&sort=docNumber&limit=1'],
    '/api/v1/units': ['/api/v1/units'],
    '/api/v1/units/{name}': [`/api/v1/units/${enc(unit)}`],
    '/api/v1/feed': ['/api/v1/feed'],
    '/api/v1/documents/{key}/interpretation': docs.filter((d) => d.docNumber).slice(0, 20).map((d) => `/api/v1/documents/${enc(d.docNumber!)}/interpretation`),
    '/api/v1/interpretations': ['/api/v1/interpretations', `/api/v1/interpretations?document=${enc(numbered.id)}&q=${enc('解读')}`],
    '/api/v1/qa': ['/api/v1/qa', `/api/v1/qa?q=${enc('罚款')}&limit=5`, `/api/v1/qa?document=${enc(numbered.id)}`],
  };
}

before(async () => {
  store = await openSampleStore();
  app = buildServer(store);
  openapi = JSON.parse((await app.inject('/api/v1/openapi.json')).body);
  api = contract(openapi);
});
after(async () => {
  await app.close();
  await store.close();
});

describe('API contract', () => {
  test('the OpenAPI document is 3.1 and every operation has a JSON 2xx response', () => {
    assert.equal(openapi.openapi, '3.1.0');
    for (const [path, item] of Object.entries<Json>(openapi.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        const ok = Object.entries<Json>(op.responses).filter(([status]) => /^2/.test(status));
        assert.ok(ok.length === 1 && ok[0]![1].content?.['application/json'], `${method} ${path}`);
      }
    }
  });

  test('every /api/v1 route the server answers is in the document with its method, and nothing else is', async () => {
    const served = (await servedRoutes(app)).filter((r) => r.split(' ')[1]!.startsWith('/api/v1/'));
    assert.ok(served.includes('GET /api/v1/documents/:key') && served.includes('POST /api/v1/qa/:id/review'), `routes read: ${served.join(', ')}`);
    const documented = Object.entries<Json>(openapi.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    assert.deepEqual(served.sort(), documented.sort());
  });

  test('the writes need the bearer token, say so, and describe their request body; the reads do not', () => {
    assert.deepEqual(Object.keys(openapi.components.securitySchemes), ['editorToken']);
    assert.equal(openapi.components.securitySchemes.editorToken.type, 'http');
    assert.equal(openapi.components.securitySchemes.editorToken.scheme, 'bearer');
    assert.equal(openapi.security, undefined, 'no document-wide security: reads are public');
    const writes: string[] = [];
    for (const [path, item] of Object.entries<Json>(openapi.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        if (method === 'get') {
          assert.equal(op.security, undefined, `GET ${path}`);
          assert.equal(op.requestBody, undefined, `GET ${path}`);
          continue;
        }
        writes.push(`${method.toUpperCase()} ${path}`);
        assert.deepEqual(op.security, [{ editorToken: [] }], path);
        const ref = op.requestBody?.content?.['application/json']?.schema?.$ref as string;
        assert.ok(op.requestBody.required && ref, path);
        const body = openapi.components.schemas[ref.replace('#/components/schemas/', '')];
        assert.ok(body && (body.properties?.author || body.oneOf?.every((b: Json) => b.properties.author)), `${path}: the body schema names its author`);
        for (const status of ['400', '401', '403']) assert.equal(op.responses[status]?.content['application/json'].schema.$ref, '#/components/schemas/Error', `${path} ${status}`);
        assert.equal(Boolean(op.responses['404']), path.includes('{'), `${path}: 404 exactly where the path names a record`);
      }
    }
    assert.deepEqual(writes.sort(), ['POST /api/v1/documents/{key}/corrections', 'POST /api/v1/interpretations', 'POST /api/v1/qa', 'POST /api/v1/qa/{id}/review']);
  });

  test('a write route cannot be served without a token check', async () => {
    const bare = Fastify();
    assert.throws(() => registerApiRoutes(bare, store, writeRoutes), /needs an authorize check/);
    await bare.close();
  });

  test('every endpoint answers 200 with a body matching its schema', async () => {
    const urls = await exampleUrls();
    const documented = Object.keys(openapi.paths).filter((p) => p !== '/api/v1/openapi.json' && openapi.paths[p].get);
    assert.deepEqual(Object.keys(urls).sort(), documented.sort(), 'every documented GET has an example, and nothing else');
    for (const list of Object.values(urls)) {
      for (const url of list) {
        const { res, json } = await get(url);
        assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
        assertMatchesContract(url, 200, json);
      }
    }
  });

  test('unknown things are 404 with {error:{code,message}} matching the contract', async () => {
    for (const url of [
      `/api/v1/documents/${enc('武隆府办发〔1999〕999号')}`,
      `/api/v1/documents/${enc('武隆府办发〔1999〕999号')}/original`,
      `/api/v1/issues/no-such-issue`,
      `/api/v1/units/${enc('不存在的单位名称')}`,
      `/api/v1/references/${enc('渝府发〔1990〕1号')}`,
      `/api/v1/lookup/${enc('武隆府办发〔2023〕99号')}`,
      `/api/v1/units/${enc('区')}`,
    ]) {
      const { res, json } = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(json?.error.code, 'not-found');
      assertMatchesContract(url, 404, json);
    }
    const { res, json } = await get('/api/v1/nothing-here');
    assert.equal(res.statusCode, 404);
    assert.equal(typeof json?.error.message, 'string');
    const bad = await get('/api/v1/documents/%E6');
    assert.equal(bad.res.statusCode, 400);
    assert.equal(bad.json?.error.code, 'bad-request');
  });

  test('bad query parameters are 400 naming the parameter', async () => {
    for (const [url, param] of [
      ['/api/v1/documents?limit=0', 'limit'],
      ['/api/v1/documents?status=bogus', 'status'],
      ['/api/v1/issues?year=abc', 'year'],
      ['/api/v1/search?q=x&offset=-1', 'offset'],
      ['/api/v1/library?tab=all', 'tab'],
      ['/api/v1/tasks?limit=501', 'limit'],
      ['/api/v1/targets?kind=hope', 'kind'],
      ['/api/v1/indicators?year=20x', 'year'],
      ['/api/v1/references?offset=-2', 'offset'],
    ] as const) {
      const { res, json } = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(json?.error.code, 'bad-request');
      assert.match(json?.error.message, new RegExp(param));
      assertMatchesContract(url, 400, json);
    }
  });
});

describe('API behaviour', () => {
  test('the documentation page /api/docs renders the OpenAPI document (Swagger UI, local files)', async () => {
    const page = await app.inject({ url: '/api/docs', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<script src="\/api\/docs\/static\/swagger-ui-bundle\.js"/);
    assert.doesNotMatch(page.body, /(src|href)="(https?:)?\/\//, 'no CDN');
    const shown = JSON.parse((await app.inject('/api/docs/json')).body) as Json;
    assert.deepEqual(Object.keys(shown.paths), Object.keys(openapi.paths));
    assert.equal((await app.inject('/api/docs/static/swagger-ui-bundle.js')).statusCode, 200);
  });

  test('pagination: limit and offset slice the list, total stays', async () => {
    const all = (await get('/api/v1/documents?sort=title&limit=100')).json!;
    assert.ok(all.total >= 3);
    const second = (await get('/api/v1/documents?sort=title&limit=1&offset=1')).json!;
    assert.equal(second.total, all.total);
    assert.deepEqual(second.items.map((d: Json) => d.id), [all.items[1].id]);
    const past = (await get(`/api/v1/documents?limit=5&offset=${all.total}`)).json!;
    assert.deepEqual(past.items, []);
  });

  test('ETag and Cache-Control on GET; If-None-Match gives 304 with no body', async () => {
    const first = await get('/api/v1/stats');
    const etag = String(first.res.headers.etag);
    assert.match(etag, /^W\/".+"$/);
    assert.match(String(first.res.headers['cache-control']), /max-age=\d+/);
    const again = await get('/api/v1/stats', { 'if-none-match': etag });
    assert.equal(again.res.statusCode, 304);
    assert.equal(again.res.body, '');
    const changed = await get('/api/v1/stats', { 'if-none-match': 'W/"other"' });
    assert.equal(changed.res.statusCode, 200);
  });

  test('a document is found by any spelling of its 文号', async () => {
    const { json } = await get(`/api/v1/documents/${enc('武隆府发[2024]11号')}`);
    assert.equal(json?.docNumber, '武隆府发〔2024〕11号');
    assert.match(json?.title, /废止/);
    assert.equal(json?.url, `/doc/${enc('武隆府发〔2024〕11号')}`);
  });

  test('a repealed document we do not hold is 已废止, repealed by the decision', async () => {
    const { json } = await get(`/api/v1/references/${enc('武隆府办发〔2017〕60号')}`);
    assert.equal(json?.status.status, '已废止');
    const by = json?.incoming.find((l: Json) => l.verb === 'repeals');
    assert.equal(by?.docNumber, '武隆府发〔2024〕11号');
    assert.equal(by?.url, `/doc/${enc('武隆府发〔2024〕11号')}`);
    const lib = (await get('/api/v1/library?tab=repealed&limit=500')).json!;
    assert.ok(lib.items.some((r: Json) => r.docNumber === '武隆府办发〔2017〕60号' && r.repealedBy?.docNumber === '武隆府发〔2024〕11号'));
  });

  test('search finds 禁火令 and marks the match', async () => {
    const { json } = await get(`/api/v1/search?q=${enc('禁火令')}`);
    assert.ok(json!.total >= 1);
    assert.ok(json!.hits.some((h: Json) => h.title.includes('森林防火禁火令')));
    assert.ok(json!.hits.some((h: Json) => h.snippet.includes('«')));
  });

  test('the task register is read from the store: a unit matches in any role (牵头/责任/配合)', async () => {
    const [busiest] = await store.listUnits();
    const { json } = await get(`/api/v1/tasks?unit=${enc(busiest!.unit)}&limit=500`);
    assert.equal(json!.total, busiest!.tasks);
    assert.equal(json!.unit, busiest!.unit);
    const names = (t: Json) => [...t.leads, ...t.responsible, ...t.cooperating];
    assert.ok(json!.items.every((t: Json) => names(t).includes(busiest!.unit)));
    assert.ok(json!.items.every((t: Json) => typeof t.documentTitle === 'string' && t.url.startsWith('/doc/')));
    const units = (await get('/api/v1/units')).json!;
    const row = units.items.find((u: Json) => u.name === busiest!.unit);
    assert.deepEqual([row.leads, row.responsible, row.cooperating, row.tasks], [busiest!.leads, busiest!.responsible, busiest!.cooperating, busiest!.tasks]);
    const page = (await get('/api/v1/tasks?limit=3&offset=2')).json!;
    assert.equal(page.total, (await store.listTasks()).total);
    assert.deepEqual(page.items.map((t: Json) => t.task), (await store.listTasks({ limit: 3, offset: 2 })).items.map((t) => t.task));
  });

  test('units under their canonical names: variants listed, groups marked, no pieces of names, any spelling answers', async () => {
    const units = (await get('/api/v1/units')).json!.items as Json[];
    const names = units.map((u) => u.name);
    for (const piece of ['公室', '门各乡', '各部', '区人社局', '重慶市武隆區人民政府辦公室']) assert.ok(!names.includes(piece), piece);
    const office = units.find((u) => u.name === '区政府办公室')!;
    assert.ok(office.variants.includes('重慶市武隆區人民政府辦公室'), office.variants.join());
    assert.equal(units.find((u) => u.name === '各乡镇（街道）')!.kind, 'group');
    const hr = (await get(`/api/v1/units/${enc('区人社局')}`)).json!;
    assert.equal(hr.name, '区人力社保局');
    assert.ok(hr.variants.includes('区人社局'));
    assert.ok(hr.tasks.leads.length > 0);
    assert.equal((await app.inject(`/api/v1/units/${enc('公室')}`)).statusCode, 404);
    const tasks = (await get(`/api/v1/tasks?unit=${enc('区人社局')}&limit=500`)).json!;
    assert.deepEqual([tasks.unit, tasks.total], ['区人力社保局', (await store.listTasks({ unit: '区人力社保局' })).total]);
  });

  test('targets and indicator timelines are the stored targets, with the quote and document as evidence', async () => {
    const stored = await store.listTargets();
    const { json } = await get('/api/v1/targets?limit=500');
    assert.equal(json!.total, stored.total);
    assert.deepEqual(json!.items.map((t: Json) => [t.indicatorKey, t.year, t.kind, t.value, t.quote]), stored.items.slice(0, 500).map((t) => [t.indicatorKey, t.year, t.kind, t.value, t.quote]));
    const timelines = (await get('/api/v1/indicators?limit=200')).json!;
    const figures = timelines.items.flatMap((t: Json) => t.years.flatMap((y: Json) => [...y.promises, ...y.outcomes]));
    assert.equal(figures.length, Math.min(stored.total, figures.length));
    for (const t of timelines.items) {
      for (const y of t.years) for (const f of [...y.promises, ...y.outcomes]) assert.equal(f.year, y.year);
      assert.equal(t.url, `/indicators?indicator=${enc(t.indicatorKey)}`);
    }
    if (stored.total > 0) {
      const k = stored.items[0]!.indicatorKey;
      const one = (await get(`/api/v1/indicators?indicator=${enc(k)}`)).json!;
      assert.deepEqual(one.items.map((t: Json) => t.indicatorKey), [k]);
    }
  });

  test('references: documents cited but not held, most cited first', async () => {
    const { json } = await get('/api/v1/references?limit=500');
    const held = new Set((await store.listDocuments({ limit: 1000 })).items.map((d) => d.docNumber).filter(Boolean));
    assert.ok(json!.total >= 10);
    assert.ok(json!.items.every((r: Json) => !held.has(r.docNumber)));
    const repealed = json!.items.find((r: Json) => r.docNumber === '武隆府办发〔2017〕60号');
    assert.equal(repealed?.status, '已废止');
    assert.ok(repealed?.verbs.includes('repeals'));
    assert.equal(repealed?.url, `/doc/${enc('武隆府办发〔2017〕60号')}`);
  });
});
