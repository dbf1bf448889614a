/**
 * No page, API response, feed entry or CSV line shows the personal data of the samples: every
 * document page and its original-text view, every API document (with original and relations), the
 * search page and API for each item, the feed, library.csv and every page linked from those are
 * fetched and searched for every hand-checked item (test/fixtures/personal-data.ts). Then an
 * editor's public mark publishes one of them unmasked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { publishedStore } from '../src/store/published.js';
import type { Store } from '../src/store/store.js';
import { openSampleStore } from './fakes/sample-db.js';
import { leaked, MUST_NOT_PUBLISH, PRIVATE_FINDINGS, PUBLIC_LINES } from './fixtures/personal-data.js';

let store: Store;
let app: FastifyInstance;
const enc = encodeURIComponent;

before(async () => {
  store = await openSampleStore();
  app = buildServer(store);
});
after(async () => {
  await app.close();
  await store.close();
});

async function get(url: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url });
  assert.ok(res.statusCode < 400, `${url}: ${res.statusCode}`);
  return res.body;
}

/** Internal links of a page or JSON body: href="/…" and "url":"/…". */
function links(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/(?:href="|"url":")(\/[^"#]*)/g)) out.push(m[1]!.replace(/&amp;/g, '&'));
  return out.filter((u) => !u.startsWith('/assets/') && !u.startsWith('/favicon'));
}

describe('published output of the sample database', () => {
  test('no page, API response, feed entry or CSV line shows a listed name, number or address', async () => {
    const docs = (await store.listDocuments({ limit: 1000 })).items;
    const withData = new Set(PRIVATE_FINDINGS.map((f) => f.docNumber));
    assert.equal(docs.filter((d) => d.docNumber && withData.has(d.docNumber)).length, withData.size);
    const seeds = [
      '/', '/issues', '/documents', '/library', '/library.csv', '/units', '/indicators', '/feed.atom',
      '/api/v1/documents?limit=100', '/api/v1/issues', '/api/v1/library', '/api/v1/units', '/api/v1/feed', '/api/v1/references',
      '/api/v1/tasks?limit=500', '/api/v1/targets?limit=500', '/api/v1/indicators',
      ...docs.flatMap((d) => {
        const k = enc(d.id);
        return [`/doc/${k}`, `/doc/${k}?view=original`, `/api/v1/documents/${k}`, `/api/v1/documents/${k}/original`, `/api/v1/documents/${k}/relations`];
      }),
      // Searching by the person's name or number: the page and the API.
      ...MUST_NOT_PUBLISH.flatMap((t) => [`/search?q=${enc(t)}`, `/api/v1/search?q=${enc(t)}`]),
      ...['联系人', '联系电话', '邮箱', 'QQ'].flatMap((t) => [`/search?q=${enc(t)}&limit=50`, `/api/v1/search?q=${enc(t)}&limit=50`]),
    ];
    // Seeds with their query strings, then every path-only page they link to (unit, issue pages…).
    const seen = new Set<string>();
    const queue = [...seeds];
    while (queue.length > 0 && seen.size < 3000) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const body = await get(url);
      // A search page echoes the query typed (that is the reader's own text); it must find nothing (next test).
      const echoed = /[?&]q=([^&]*)/.exec(url)?.[1];
      assert.deepEqual(leaked(body).filter((t) => echoed === undefined || !decodeURIComponent(echoed).includes(t)), [], url);
      for (const l of links(body)) if (!l.includes('?') && !seen.has(l)) queue.push(l);
    }
    assert.ok(seen.size > seeds.length, `${seen.size} pages and responses read`);
  });

  test('search finds no one by name or number, yet still finds the public lines', async () => {
    for (const t of MUST_NOT_PUBLISH) {
      const r = JSON.parse(await get(`/api/v1/search?q=${enc(t)}`)) as { total: number };
      assert.equal(r.total, 0, t);
    }
    for (const t of PUBLIC_LINES.filter((p) => p.length >= 8 && /^\d+$/.test(p) && p !== '77726209')) {
      const r = JSON.parse(await get(`/api/v1/search?q=${enc(t)}`)) as { total: number };
      assert.ok(r.total > 0, t);
    }
  });

  test('the published text shows the masks: 何小双 → 何**, 15095810013 → 150****0013', async () => {
    const page = await get(`/doc/${enc('武隆府办发〔2023〕4号')}`);
    assert.match(page, /联系人：何\*\*；联系电话：77\*\*\*\*58；邮箱：13\*{8}@qq\.com/);
    const api = JSON.parse(await get(`/api/v1/documents/${enc('武隆府办发〔2021〕29号')}`)) as { body: Array<{ text: string }> };
    assert.match(api.body.map((b) => b.text).join('\n'), /联系人：杨\*\*；联系电话：150\*\*\*\*0013/);
    // The store underneath keeps the original for editors.
    assert.match((await store.getDocument('武隆府办发〔2021〕29号'))!.text, /杨柳青；联系电话：15095810013/);
  });

  test('问答 answers and clauses, 解读 bodies: published de-identified', async () => {
    const now = '2026-01-01T00:00:00Z';
    const quote = '工作小结（联系人：杨柳青；联系电话：15095810013；联系邮箱：472905642@qq.com）';
    const base = { status: 'published' as const, documentIds: ['武隆府办发〔2021〕29号'], stale: null, acknowledged: {}, createdAt: now, updatedAt: now };
    await store.saveQa({ ...base, id: 'qa-privacy', question: '工作小结报给谁？', answer: `报区住房城乡建委，${quote}。`, clauses: [{ documentId: '武隆府办发〔2021〕29号', docNumber: '武隆府办发〔2021〕29号', quote, paragraph: 3 }], unit: '区住房城乡建委', reviewer: null, reviewedAt: null });
    await store.saveInterpretation({ ...base, id: 'jd-privacy', title: '解读', body: `如有疑问请咨询${quote}`, form: '文字', media: [], author: '区住房城乡建委', date: '2021-07-01' });
    const published = publishedStore(store);
    const out = JSON.stringify([await published.listQa({}), await published.listInterpretations({})]);
    assert.match(out, /杨\*\*/);
    assert.deepEqual(leaked(out), []);
  });

  test('an editor\'s public mark publishes that finding unmasked, and only it', async () => {
    await store.markPublic({ documentId: '武隆府办发〔2023〕6号', text: '85610038', author: '编辑甲', reason: '区交通局公开的办公电话', createdAt: '2026-01-01T00:00:00Z' });
    const page = await get(`/doc/${enc('武隆府办发〔2023〕6号')}`);
    assert.match(page, /联系电话：85610038、QQ邮箱：46\*{5}48/);
    const original = JSON.parse(await get(`/api/v1/documents/${enc('武隆府办发〔2023〕6号')}/original`)) as { originalText: string };
    assert.match(original.originalText, /85610038/);
    assert.deepEqual(leaked(page).filter((t) => t !== '85610038'), []);
  });
});
