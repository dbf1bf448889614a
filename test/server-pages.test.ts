/** Every page type renders server-side, with the expected titles, escaped text and accessibility basics. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import type { Store } from '../src/store/store.js';
import { sampleMemoryStore } from './fakes/memory-store.js';
import { docUrl } from '../src/server/views/urls.js';
import { withSampleServer } from './fakes/sample-db.js';

const enc = encodeURIComponent;
let store: Store;
let app: FastifyInstance;

async function page(url: string, status = 200): Promise<string> {
  const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 300)}`);
  if (status === 200) assert.match(String(res.headers['content-type']), /text\/html; charset=utf-8/);
  return res.body;
}

/** What every page must have: language, landmarks, a title, the local stylesheet, no external asset. */
function assertShell(body: string): void {
  assert.match(body, /^<!doctype html>\n<html lang="zh-CN">/);
  for (const landmark of ['<header class="site">', '<nav aria-label="主导航">', '<main id="main"', '<footer class="site">']) assert.ok(body.includes(landmark), landmark);
  assert.match(body, /<title>[^<]+｜政府公报数据库<\/title>/);
  assert.ok(body.includes('href="/assets/portal.css"'));
  assert.doesNotMatch(body, /(src|href)="(https?:)?\/\//, 'no external asset or CDN');
  assert.doesNotMatch(body, /<script>/, 'no inline script');
}

withSampleServer((s, a) => {
  store = s;
  app = a;
});

describe('portal pages', () => {
  test('home: latest issue, counts by status and kind, a labelled search box', async () => {
    const body = await page('/');
    assertShell(body);
    assert.match(body, /最新一期/);
    assert.match(body, /2024年第2期/);
    assert.match(body, /按效力状态/);
    assert.match(body, /<a href="\/documents\?kind=/);
    assert.match(body, /<label for="q">[^<]+<\/label>[\s\S]*<input id="q" name="q"/);
  });

  test('issues by year, and an issue with its 目录 and 主要文件目录 linking to documents', async () => {
    const list = await page('/issues');
    assertShell(list);
    assert.match(list, /<h2>2024年<\/h2>/);
    assert.match(list, /<h2>2023年<\/h2>/);
    const issue = (await store.listIssues()).find((i) => i.year === 2024)!;
    const body = await page(`/issues/${enc(issue.id)}`);
    assertShell(body);
    assert.match(body, /<h2 id="contents-h">目录<\/h2>/);
    assert.match(body, /<h2 id="index-h">主要文件目录<\/h2>/);
    assert.ok(body.includes(`href="/doc/${enc('武隆府发〔2024〕9号')}"`), 'contents entry links to the document');
    assert.match(body, /关于发布森林防火禁火令的通告/);
  });

  test('document page: GB/T 9704 metadata, status with evidence, heading outline, attachments, cites', async () => {
    const body = await page(`/doc/${enc('武隆府办发〔2024〕20号')}`);
    assertShell(body);
    assert.match(body, /<h1>重庆市武隆区人民政府办公室关于印发武隆区新能源汽车便捷超充行动计划（2024—2026年）的通知<\/h1>/);
    for (const term of ['发文机关', '发文字号', '成文日期', '公开属性', '主送机关']) assert.ok(body.includes(`<dt>${term}</dt>`), term);
    assert.match(body, /<dd>武隆府办发〔2024〕20号<\/dd>/);
    assert.match(body, /<h2 id="status-h">效力状态<\/h2>[\s\S]*badge-ok">现行有效</);
    assert.match(body, /<h3>依据<\/h3>[\s\S]*<blockquote>/);
    assert.match(body, /<nav class="outline"[\s\S]*<a href="#b\d+">一、总体要求<\/a>/);
    assert.match(body, /<h3 id="b\d+" class="l1">一、总体要求<\/h3>/);
    assert.match(body, /<h2 id="att-h">附件<\/h2>[\s\S]*（略）/);
    assert.match(body, /<h3>引用的文件<\/h3>[\s\S]*国办发〔2023〕19号/);
    assert.match(body, /<nav class="tabs" id="text"[\s\S]*href="[^"]+\?view=original#text"/);
  });

  test('one stable address per document: other 文号 spellings redirect, id-only documents stay by id', async () => {
    const canonical = `/doc/${enc('武隆府办发〔2024〕20号')}`;
    for (const spelling of ['武隆府办发[2024]20号', '武隆府办发（2024）20号', '武隆府办发〔2024〕第20号']) {
      const res = await app.inject(`/doc/${enc(spelling)}?view=original`);
      assert.equal(res.statusCode, 301, spelling);
      assert.equal(res.headers.location, `${canonical}?view=original`);
    }
    const body = await page(canonical);
    assert.ok(body.includes(`<link rel="canonical" href="${canonical}">`));
    const report = (await store.listDocuments({ limit: 1000 })).items.find((d) => !d.docNumber)!;
    assert.match(await page(`/doc/${enc(report.id)}`), new RegExp(`<h1>${report.title}</h1>`));
  });

  test('tables are rendered as tables, with their caption and header cells', async () => {
    const body = await page(`/doc/${enc('武隆府发〔2023〕16号')}`);
    assert.match(body, /<table>\s*<caption id="t0">废止的区政府规范性文件目录（3件）<\/caption>/);
    assert.match(body, /<th scope="col" class="wide">文件名称<\/th>/);
    assert.match(body, /<td>武隆府办发〔2019〕83号<\/td>/);
    assert.match(body, /<h3>本文件废止的文件<\/h3>/);
  });

  test('the original extracted text is one link away, without JavaScript', async () => {
    const body = await page(`/doc/${enc('武隆府办发〔2024〕20号')}?view=original`);
    assert.match(body, /<pre class="original">/);
    assert.match(body, /aria-current="page">原始提取文本/);
  });

  test('a repealed document we do not hold links to the decision that repealed it', async () => {
    const body = await page(`/doc/${enc('武隆府办发〔2017〕60号')}`);
    assertShell(body);
    assert.match(body, /badge-ended">已废止</);
    assert.match(body, /废止本文件的文件/);
    assert.ok(body.includes(`href="/doc/${enc('武隆府发〔2024〕11号')}" data-rel="in-repeals"`));
    const decision = await page(`/doc/${enc('武隆府发〔2024〕11号')}`);
    assert.match(decision, /本文件废止的文件/);
  });

  test('search: facets, <mark> highlights from «», pagination, escaped query', async () => {
    const body = await page(`/search?q=${enc('禁火令')}`);
    assertShell(body);
    assert.match(body, /<mark>禁火令<\/mark>/);
    assert.doesNotMatch(body, /[«»]/);
    assert.match(body, /<aside class="facets"/);
    assert.match(body, /森林防火禁火令/);
    const evil = await page(`/search?q=${enc('<img src=x onerror=alert(1)>')}`);
    assert.doesNotMatch(evil, /<img src=x/);
    const paged = await page(`/search?q=${enc('武隆')}&limit=1`);
    assert.match(paged, /<nav class="pager"[\s\S]*rel="next"/);
  });

  test('规范性文件库: both tabs, sortable headers, CSV export', async () => {
    const current = await page('/library');
    assertShell(current);
    assert.match(current, /aria-current="page">现行有效</);
    assert.match(current, /aria-sort="descending"/);
    const repealed = await page('/library?tab=repealed&sort=title');
    assert.match(repealed, /aria-current="page">失效\/废止</);
    assert.match(repealed, /武隆府办发〔2017〕60号/);
    const csv = await app.inject('/library.csv?tab=repealed');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], '"发文字号","标题","发文机关","成文日期","效力状态","状态日期","废止文件","链接"');
    assert.ok(lines.some((l) => l.includes('"武隆府办发〔2017〕60号"') && l.includes('"已废止"')));
  });

  test('规范性文件库 holds exactly the documents judged 规范性文件 at ingest; the document page shows the judgement', async () => {
    const normative = (await store.listDocuments({ normative: true, limit: 1000 })).items;
    const rows = [
      ...(JSON.parse((await app.inject('/api/v1/library?limit=500')).body).items as Array<{ id: string; held: boolean }>),
      ...(JSON.parse((await app.inject('/api/v1/library?tab=repealed&limit=500')).body).items as Array<{ id: string; held: boolean }>),
    ];
    assert.deepEqual(rows.filter((r) => r.held).map((r) => r.id).sort(), normative.map((d) => d.id).sort());
    const judged = (await store.getNormative(normative[0]!.id))!;
    const doc = await page(docUrl(normative[0]!.id));
    assert.match(doc, new RegExp(`<dt>规范性文件</dt><dd>是 <span class="meta">（${judged.reasons[0]!.replace(/[()（）.*+?[\]{}|^$\\]/g, '.')}`));
    const other = (await store.listDocuments({ normative: false, limit: 1 })).items[0]!;
    assert.match(await page(docUrl(other.id)), /<dt>规范性文件<\/dt><dd>否/);
  });

  test('指标: each indicator year by year, promise vs outcome with verdict and evidence; in the nav', async () => {
    const body = await page('/indicators');
    assertShell(body);
    assert.match(body, /<li><a href="\/indicators" aria-current="page">指标<\/a><\/li>/);
    assert.match(body, /<h1>指标：目标与实际<\/h1>/);
    const timelines = JSON.parse((await app.inject('/api/v1/indicators?limit=200')).body) as { total: number; items: Array<{ indicator: string; indicatorKey: string; years: Array<{ year: number; verdict: string | null; promises: Array<{ quote: string; url: string }>; outcomes: Array<{ quote: string; url: string }> }> }> };
    assert.match(body, new RegExp(`共 ${timelines.total} 项指标`));
    if (timelines.total === 0) {
      assert.match(body, /<p class="empty">/);
      return;
    }
    const first = timelines.items[0]!;
    const figure = [...first.years[0]!.promises, ...first.years[0]!.outcomes][0]!;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    assert.ok(body.includes(`<blockquote class="quote">${esc(figure.quote)}</blockquote>`), figure.quote);
    assert.ok(body.includes(`href="${esc(figure.url)}"`));
    assert.match(body, /<table class="stack indicators">[\s\S]*<th scope="row" data-label="年份">\d{4}年<\/th>/);
    const judged = timelines.items.flatMap((t) => t.years).find((y) => y.verdict !== null);
    if (judged) assert.match(body + (await page('/indicators?offset=20')), /badge badge-(ok|ended|unknown)">(完成|未完成|无法比较)</);
    const one = await page(`/indicators?indicator=${enc(first.indicatorKey)}`);
    assert.match(one, /<nav class="crumbs" aria-label="位置"><a href="\/indicators">指标<\/a>/);
    assert.match(one, /共 1 项指标/);
    await page('/indicators?year=abc', 400);
  });

  test('units: the list, and a unit page with the tasks it leads and shares and the documents naming it', async () => {
    const list = await page('/units');
    assertShell(list);
    assert.match(list, /区发展改革委/);
    const unit = await page(`/units/${enc('区发展改革委')}`);
    assertShell(unit);
    assert.match(unit, /<h1>区发展改革委<\/h1>/);
    assert.match(unit, /<h2 id="leads-h">牵头的任务（[1-9]\d*）<\/h2>[\s\S]*全面实施市场准入负面清单管理/);
    assert.match(unit, /<h2 id="responsible-h">负责的任务（责任单位）（[1-9]\d*）<\/h2>/);
    assert.match(unit, /<h2 id="named-h">提到本单位的文件（\d+）<\/h2>[\s\S]*新能源汽车便捷超充行动计划/);
    assert.match(unit, /<p class="snippet">[^<]*<mark>区发展改革委<\/mark>/);
    // The register on the page is the stored one.
    const stored = (await store.listTasks({ unit: '区发展改革委' })).items;
    const leads = stored.filter((t) => t.leads.includes('区发展改革委')).length;
    const responsible = stored.filter((t) => t.responsible.includes('区发展改革委')).length;
    assert.ok(unit.includes(`牵头的任务（${leads}）`) && unit.includes(`负责的任务（责任单位）（${responsible}）`));
    const row = (await store.listUnits()).find((u) => u.unit === '区发展改革委')!;
    assert.deepEqual([row.leads, row.responsible], [leads, responsible]);
    assert.match(list, new RegExp(`区发展改革委</a> <span class="n">牵头 ${leads} · 责任 ${responsible}`));
  });

  test('unit pages: one name per unit, groups apart, the whole assignment as printed, no pieces of names', async () => {
    const list = await page('/units');
    assert.doesNotMatch(list, /href="\/units\/(%E5%85%AC%E5%AE%A4|公室)"/);
    assert.match(list, /<h2>单位统称<\/h2>[\s\S]*各乡镇（街道）/);
    assert.match(list, /区交通局<\/a>[^\n]*又作 [^\n]*区交运局/);
    await page(`/units/${enc('公室')}`, 404);
    // Another spelling redirects to the canonical page.
    const res = await app.inject(`/units/${enc('区人社局')}`);
    assert.equal(res.statusCode, 301);
    assert.equal(decodeURIComponent(res.headers.location as string), '/units/区人力社保局');
    // 004 32号 新车环保管理: all three units lead as printed; the page says so and marks this unit,
    // instead of listing the other two as if they were its own lead.
    const eco = await page(`/units/${enc('区生态环境局')}`);
    assert.match(eco, /新车环保管理<br><span class="meta">牵头单位：<strong>区生态环境局<\/strong>、区公安局、区市场监管局；责任单位：<strong>区生态环境局<\/strong>/);
    // 004 26号: 责任单位 / 配合单位 as printed.
    const archive = await page(`/units/${enc('区档案馆')}`);
    assert.match(archive, /<h2 id="responsible-h">负责的任务（责任单位）（[1-9]\d*）<\/h2>/);
    assert.match(archive, /配合单位：区级各部门和单位、各街道办事处、各乡镇人民政府/);
  });

  test('document list filtered by kind', async () => {
    const body = await page(`/documents?kind=${enc('决定')}`);
    assert.match(body, /关于废止区政府文件的决定/);
    assert.doesNotMatch(body, /便捷超充行动计划/);
    assert.match(body, /共 5 件/);
  });

  test('Atom feed of new documents and status changes', async () => {
    const res = await app.inject('/feed.atom');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/atom\+xml/);
    assert.match(res.body, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(res.body, /<category term="document"/);
    assert.match(res.body, /<category term="status"/);
    assert.match(res.body, /<title>已废止：/);
  });

  test('feed: entry ids do not depend on the Host header; entries are dated by the document; no summary runs into a signature', async () => {
    const feed = async (host: string) => (await app.inject({ url: '/feed.atom', headers: { host } })).body;
    const a = await feed('portal.example.gov.cn');
    const b = await feed('127.0.0.1:3000');
    const ids = (x: string) => [...x.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    assert.deepEqual(ids(a), ids(b));
    assert.ok(ids(a).every((id) => id!.startsWith('tag:gongbao,2024:')));
    const entries = [...a.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]);
    const fireBan = entries.find((e) => e.includes('<category term="document"') && e.includes(enc('武隆府发〔2024〕9号')))!;
    assert.match(fireBan, /<updated>2024-06-13T00:00:00Z<\/updated>/);
    const ingested = (await store.listIssues()).map((i) => i.ingestedAt);
    assert.ok(entries.every((e) => !ingested.some((t) => e.includes(`<updated>${t}</updated>`))), 'no entry dated by the ingest');
    assert.doesNotMatch(a, /不再施重庆市/);
    assert.match(a, /予以废止，不再施……（原文至此中断）<\/summary>/);
  });

  test('missing pages are an HTML 404 for browsers', async () => {
    const body = await page(`/doc/${enc('武隆府办发〔1999〕999号')}`, 404);
    assert.match(body, /<h1>未找到<\/h1>/);
    await page('/no/such/page', 404);
    await page(`/units/${enc('不存在的单位')}`, 404);
  });

  test('the stylesheet and script are served locally with cache headers', async () => {
    const css = await app.inject('/assets/portal.css');
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /text\/css/);
    assert.match(css.body, /:focus-visible/);
    assert.match(String(css.headers['cache-control']), /max-age=3600/);
    const js = await app.inject('/assets/portal.js');
    assert.match(String(js.headers['content-type']), /javascript/);
  });
});

describe('on the hand-made store', () => {
  test('an editor correction shows on the document page, beside the evidence, and in the feed', async () => {
    const fake = await sampleMemoryStore();
    await fake.addCorrection({ documentId: '武隆府发〔2024〕9号', status: '已失效', effectiveFrom: '2024-12-31', author: '区司法局', reason: '禁火期已过', createdAt: '2026-02-01T00:00:00.000Z' });
    const server = buildServer(fake);
    const doc = await server.inject(`/doc/${enc('武隆府发〔2024〕9号')}`);
    assert.match(doc.body, /<h2 id="status-h">效力状态<\/h2>\s*<p><span class="badge badge-ended">已失效<\/span> <span>自 <time datetime="2024-12-31">/);
    assert.match(doc.body, /<h3>人工更正<\/h3>[\s\S]*区司法局：禁火期已过/);
    assert.match(doc.body, /<h3>依据<\/h3>[\s\S]*十、本通告自发布之日起执行。/);
    const feed = await server.inject('/feed.atom');
    assert.match(feed.body, /<title>状态更正为已失效：重庆市武隆区人民政府关于发布森林防火禁火令的通告<\/title>/);
    await server.close();
  });


  test('the feed drops characters XML forbids (form feeds from PDF extraction)', async () => {
    const fake = await sampleMemoryStore();
    await fake.replaceRelations([{ subjectId: '武隆府发〔2024〕11号', verb: 'repeals', objectId: 'ref:武隆府办发〔2017〕60号', objectDocNumber: '武隆府办发〔2017〕60号', objectTitle: '旧\u000c通知', date: '2024-08-09', quote: '予以废止\u0000。', reason: null, block: 0 }]);
    const server = buildServer(fake);
    const feed = (await server.inject('/feed.atom')).body;
    assert.match(feed, /<title>已废止：旧通知<\/title>/);
    assert.match(feed, /<summary>予以废止。<\/summary>/);
    await server.close();
  });

  test('document text that looks like markup is shown as text, never run', async () => {
    const fake = await sampleMemoryStore();
    const server = buildServer(fake);
    const res = await server.inject(`/doc/${enc('武隆府办发〔2024〕17号')}`);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    await server.close();
  });
});
