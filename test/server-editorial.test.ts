/**
 * 解读 and 问答 over HTTP on the sample database: the draft 解读 (API and the document's 解读 tab),
 * the public lists (published only), and the editors' writes — refused without the token (API
 * and /admin), accepted with it, each in the audit log; the portal's session and CSRF checks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.js';
import { draftQa, saveCandidates } from '../src/status/drafts.js';
import type { Store } from '../src/store/store.js';
import { openSampleStore } from './fakes/sample-db.js';
import { contract, type Contract } from './helpers/openapi.js';

const TOKEN = 'test-editor-token-0123456789';
const enc = encodeURIComponent;
let store: Store;
let open: FastifyInstance; // no token configured: every write refused
let app: FastifyInstance;
let api: Contract; // the OpenAPI document: every write's answer must match it

before(async () => {
  store = await openSampleStore();
  await saveCandidates(store, await draftQa(store), '2025-01-01T00:00:00.000Z');
  open = buildServer(store, { adminToken: '' });
  app = buildServer(store, { adminToken: TOKEN });
  api = contract((await app.inject('/api/v1/openapi.json')).json());
});
after(async () => {
  await open.close();
  await app.close();
  await store.close();
});

/** A write's answer matches what the OpenAPI document declares for its status. */
const contractOk = (res: { statusCode: number; json(): unknown }, url: string) => api.assertMatches('post', url, res.statusCode, res.json());

const fireQa = async () => (await store.listQa({ q: '森林防火区内的有关单位或者个人拒绝接受森林防火检查' }))[0]!;

describe('the draft 解读', () => {
  test('API: sections with every item linked to its paragraph; 404 for an unknown document', async () => {
    const res = await app.inject(`/api/v1/documents/${enc('武隆府发〔2024〕9号')}/interpretation`);
    assert.equal(res.statusCode, 200);
    const j = res.json();
    assert.equal(j.docNumber, '武隆府发〔2024〕9号');
    assert.ok(j.sections.length >= 4);
    const item = j.sections.find((s: { name: string }) => s.name === '执行标准').items[0];
    assert.match(item.url, /^\/doc\/.+#b18$/);
    assert.equal((await app.inject(`/api/v1/documents/${enc('武隆府发〔1999〕1号')}/interpretation`)).statusCode, 404);
  });

  test('the 解读 tab: server-rendered sections, quotes and paragraph links; linked from the document page', async () => {
    const doc = await app.inject({ url: `/doc/${enc('武隆府发〔2023〕5号')}`, headers: { accept: 'text/html' } });
    assert.match(doc.body, /href="\/doc\/[^"]+\/interpret">解读<\/a>/);
    const res = await app.inject({ url: `/doc/${enc('武隆府发〔2023〕5号')}/interpret`, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200);
    for (const name of ['出台目的', '核心举措', '适用对象和范围', '执行标准', '关键词', '专业名词']) assert.match(res.body, new RegExp(`<h3>${name}</h3>`));
    assert.match(res.body, /被征收人：被征收房屋所有权人的简称/);
    assert.match(res.body, /<a href="\/doc\/[^"]+#b\d+">第\d+段<\/a>/);
    assert.doesNotMatch(res.body, /<script(?! src)/, 'no inline script');
  });
});

describe('editor writes', () => {
  test('without GONGBAO_ADMIN_TOKEN every write is refused, in the API and the portal', async () => {
    const e = await fireQa();
    const api = await open.inject({ method: 'POST', url: `/api/v1/qa/${e.id}/review`, headers: { authorization: `Bearer ${TOKEN}` }, payload: { action: 'approve', author: '李审核' } });
    assert.equal(api.statusCode, 403);
    assert.equal(api.json().error.code, 'writes-disabled');
    contractOk(api, `/api/v1/qa/${e.id}/review`);
    for (const url of ['/admin/login', `/admin/qa/${e.id}`, '/admin/corrections', '/admin/interpretations']) {
      const r = await open.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${TOKEN}&author=x&action=approve` });
      assert.equal(r.statusCode, 403, url);
    }
    assert.equal((await store.getQa(e.id))!.status, 'draft');
  });

  test('the API: a wrong or missing token is 401; the right one writes, with author and time in the audit log', async () => {
    const e = await fireQa();
    const url = `/api/v1/qa/${e.id}/review`;
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const r = await app.inject({ method: 'POST', url, headers: authorization ? { authorization } : {}, payload: { action: 'approve', author: '李审核' } });
      assert.equal(r.statusCode, 401, String(authorization));
      assert.equal(r.headers['www-authenticate'], 'Bearer');
      contractOk(r, url);
    }
    assert.equal((await store.getQa(e.id))!.status, 'draft');
    const bad = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${TOKEN}` }, payload: { action: 'approve' } });
    assert.equal(bad.statusCode, 400, 'the author is required');
    contractOk(bad, url);
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/qa/qa-no-such-entry/review', headers: { authorization: `Bearer ${TOKEN}` }, payload: { action: 'approve', author: '李审核' } });
    assert.equal(unknown.statusCode, 404);
    contractOk(unknown, '/api/v1/qa/qa-no-such-entry/review');
    const ok = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${TOKEN}` }, payload: { action: 'approve', author: '李审核' } });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().status, 'published');
    contractOk(ok, url);
    const [last] = await store.listAudit(1);
    assert.deepEqual([last!.author, last!.action, last!.target], ['李审核', 'qa.approve', e.id]);
    assert.ok(Date.now() - Date.parse(last!.at) < 60_000);
    // Published: on the 问答 page, in the API, and as a 问答 facet of the search.
    const qa = await app.inject('/api/v1/qa?q=' + enc('拒绝接受森林防火检查'));
    assert.deepEqual(qa.json().items.map((i: { id: string }) => i.id), [e.id]);
    assert.match((await app.inject({ url: '/qa?q=' + enc('罚款'), headers: { accept: 'text/html' } })).body, /拒绝接受森林防火检查/);
    assert.match((await app.inject({ url: '/search?q=' + enc('罚款'), headers: { accept: 'text/html' } })).body, /<h2 id="qa-facet-h">问答（1）<\/h2>/);
    assert.equal((await app.inject('/api/v1/qa?q=' + enc('奖励300万元'))).json().total, 0, 'drafts are not public');
  });

  test('the API: a 解读 and a status correction need the token too', async () => {
    const body = { author: '王编辑', title: '《武隆区品牌培育和质量提升奖励扶持办法》政策解读', body: '对获得中国质量奖的企业奖励300万元。', documents: ['武隆府办发〔2021〕28号'], form: '图文', media: ['https://www.cqwulong.gov.cn/jd/28.png'] };
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/interpretations', payload: body })).statusCode, 401);
    const r = await app.inject({ method: 'POST', url: '/api/v1/interpretations', headers: { authorization: `Bearer ${TOKEN}` }, payload: body });
    assert.equal(r.statusCode, 201, r.body);
    assert.deepEqual(r.json().documentIds, ['武隆府办发〔2021〕28号']);
    contractOk(r, '/api/v1/interpretations');
    const list = (await app.inject('/api/v1/interpretations?document=' + enc('武隆府办发〔2021〕28号'))).json();
    assert.equal(list.items[0].title, body.title);
    const tab = await app.inject({ url: `/doc/${enc('武隆府办发〔2021〕28号')}/interpret`, headers: { accept: 'text/html' } });
    assert.match(tab.body, /<h2 id="pub-h">政策解读<\/h2>[\s\S]*《武隆区品牌培育和质量提升奖励扶持办法》政策解读/);
    const docPage = await app.inject({ url: `/doc/${enc('武隆府办发〔2021〕28号')}`, headers: { accept: 'text/html' } });
    assert.match(docPage.body, /<h2 id="jd-links-h">政策解读与问答<\/h2>[\s\S]*\/interpret#jd-[^"]+">《武隆区品牌培育和质量提升奖励扶持办法》政策解读<\/a>/);
    const corr = { author: '赵六', status: '已失效', reason: '2024年清理目录列明失效' };
    assert.equal((await app.inject({ method: 'POST', url: `/api/v1/documents/${enc('武隆府办发〔2021〕31号')}/corrections`, payload: corr })).statusCode, 401);
    const c = await app.inject({ method: 'POST', url: `/api/v1/documents/${enc('武隆府办发〔2021〕31号')}/corrections`, headers: { authorization: `Bearer ${TOKEN}` }, payload: corr });
    assert.equal(c.statusCode, 201, c.body);
    assert.equal(c.json().status, '已失效');
    contractOk(c, '/api/v1/documents/x/corrections');
    const nowhere = await app.inject({ method: 'POST', url: `/api/v1/documents/${enc('武隆府办发〔1999〕999号')}/corrections`, headers: { authorization: `Bearer ${TOKEN}` }, payload: corr });
    assert.equal(nowhere.statusCode, 404, nowhere.body);
    contractOk(nowhere, '/api/v1/documents/x/corrections');
    // The correction made the 问答 resting on 31号 待更新, with the correction as evidence.
    const stale = await store.listQa({ documentId: '武隆府办发〔2021〕31号' });
    assert.ok(stale.length > 0 && stale.every((e) => e.status === '待更新' && e.stale?.status === '已失效'));
    assert.ok((await store.listAudit(10)).some((a) => a.action === 'status.correct' && a.author === '赵六'));
  });
  test('the API: a new 问答 entry is a draft resting on a stored document; an unknown document is 400', async () => {
    const url = '/api/v1/qa';
    const body = { author: '王编辑', question: '获得中国质量奖的企业奖励多少？', answer: '奖励300万元。', document: '武隆府办发〔2021〕28号', quote: '对获得中国质量奖的企业奖励300万元', paragraph: 3 };
    assert.equal((await app.inject({ method: 'POST', url, payload: body })).statusCode, 401);
    const r = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${TOKEN}` }, payload: body });
    assert.equal(r.statusCode, 201, r.body);
    assert.deepEqual([r.json().status, r.json().documentIds, r.json().clauses[0].paragraph], ['draft', ['武隆府办发〔2021〕28号'], 3]);
    contractOk(r, url);
    assert.equal((await store.getQa(r.json().id))?.question, body.question);
    const bad = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${TOKEN}` }, payload: { ...body, document: '武隆府办发〔1999〕999号' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /999号/);
    contractOk(bad, url);
  });
});

describe('the /admin portal', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (url: string, fields: Record<string, string>, cookie?: string) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...(cookie ? { cookie } : {}) }, payload: form(fields) });
  let cookie = '';
  let csrf = '';

  test('sign-in: the login form, a wrong token refused, the right one gives an HttpOnly SameSite=Strict session', async () => {
    const page = await app.inject({ url: '/admin', headers: { accept: 'text/html' } });
    assert.match(page.body, /<input id="token" name="token" type="password"/);
    assert.equal(page.headers['cache-control'], 'no-store');
    const wrong = await post('/admin/login', { token: 'nope' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.headers['set-cookie'], undefined);
    const ok = await post('/admin/login', { token: TOKEN });
    assert.equal(ok.statusCode, 303);
    const set = String(ok.headers['set-cookie']);
    assert.match(set, /HttpOnly/);
    assert.match(set, /SameSite=Strict/);
    cookie = set.split(';')[0]!;
    const work = await app.inject({ url: '/admin', headers: { accept: 'text/html', cookie } });
    assert.match(work.body, /<h1>编辑工作台<\/h1>/);
    csrf = /name="csrf" value="([^"]+)"/.exec(work.body)![1]!;
  });

  test('a form post needs the session and its CSRF token; a forged cookie is refused', async () => {
    const e = (await store.listQa({ status: 'draft' }))[0]!;
    assert.equal((await post(`/admin/qa/${e.id}`, { csrf, author: '李审核', action: 'approve', question: e.question, answer: e.answer })).statusCode, 401, 'no session');
    assert.equal((await post(`/admin/qa/${e.id}`, { author: '李审核', action: 'approve', question: e.question, answer: e.answer }, cookie)).statusCode, 403, 'no CSRF token');
    assert.equal((await post(`/admin/qa/${e.id}`, { csrf: csrf.slice(1), author: '李审核', action: 'approve', question: e.question, answer: e.answer }, cookie)).statusCode, 403, 'wrong CSRF token');
    const forged = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    assert.equal((await post(`/admin/qa/${e.id}`, { csrf, author: '李审核', action: 'approve', question: e.question, answer: e.answer }, forged)).statusCode, 401, 'forged session');
    assert.equal((await store.getQa(e.id))!.status, 'draft');
    const ok = await post(`/admin/qa/${e.id}`, { csrf, author: '李审核', action: 'edit', question: `${e.question}（修改）`, answer: e.answer }, cookie);
    assert.equal(ok.statusCode, 303);
    assert.match(String(ok.headers.location), /^\/admin\?done=/);
    const edited = (await store.getQa(e.id))!;
    assert.deepEqual([edited.status, edited.question.endsWith('（修改）'), edited.reviewer], ['draft', true, '李审核']);
    const work = await app.inject({ url: '/admin', headers: { accept: 'text/html', cookie } });
    assert.match(work.body, /<td>李审核<\/td><td>qa\.edit<\/td>/);
    // A published entry is listed as handled and opens for editing (or withdrawal) by its link.
    const published = (await store.listQa({ status: 'published' }))[0]!;
    assert.match(work.body, new RegExp(`href="/admin\\?qa=${published.id}#qa-${published.id}"`));
    const opened = await app.inject({ url: `/admin?qa=${published.id}`, headers: { accept: 'text/html', cookie } });
    assert.match(opened.body, new RegExp(`<article class="qa-review" id="qa-${published.id}" data-status="published">`));
    const withdrawn = await post(`/admin/qa/${published.id}`, { csrf, author: '李审核', action: 'reject', question: published.question, answer: published.answer }, cookie);
    assert.equal(withdrawn.statusCode, 303);
    assert.equal((await app.inject('/api/v1/qa?q=' + enc(published.question.slice(-12)))).json().total, 0, 'withdrawn from the public list');
  });
});
