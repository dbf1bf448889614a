/**
 * 文号 look-up first (API, search page, /doc/<any spelling>), pages' errors in Chinese with a way
 * on, and long queries cut rather than refused — on the sample database.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../src/store/store.js';
import { withSampleServer } from './fakes/sample-db.js';

const enc = encodeURIComponent;
let store: Store;
let app: FastifyInstance;

async function get(url: string, accept = 'application/json') {
  const res = await app.inject({ method: 'GET', url, headers: { accept } });
  return { status: res.statusCode, body: res.body, json: () => JSON.parse(res.body) };
}

withSampleServer((s, a) => {
  store = s;
  app = a;
});

describe('文号 look-up first', () => {
  test('a repealed 文号 known by reference answers 已废止, by which document, since when, then who cites it', async () => {
    for (const [q, by, since] of [['武隆府发[2023]18号', '武隆府发〔2024〕9号', '2024-06-13'], ['武隆府办发（2018）126號', '武隆府办发〔2024〕39号', '2024-08-01']] as const) {
      const r = (await get(`/api/v1/search?q=${enc(q)}`)).json();
      assert.equal(r.lookup.held, false, q);
      assert.equal(r.lookup.status.status, '已废止', q);
      assert.equal(r.lookup.status.since, since, q);
      assert.equal(r.lookup.status.evidence[0].docNumber, by, q);
      assert.ok(r.lookup.citedBy.some((d: { docNumber: string; verbs: string[] }) => d.docNumber === by && d.verbs.includes('repeals')), q);
      assert.ok(r.hits.length > 0 && r.hits.every((h: { status?: string }) => typeof h.status === 'string'), q);
      // The search page shows the look-up before any hit.
      const page = (await get(`/search?q=${enc(q)}`, 'text/html')).body;
      const card = page.indexOf('class="lookup"');
      assert.ok(card > 0 && card < page.indexOf('class="hits"'), q);
      assert.match(page.slice(card, page.indexOf('</section>', card)), /已废止[\s\S]*自 <time datetime="\d{4}-\d\d-\d\d">[\s\S]*依据/);
    }
  });

  test('the 目录 spelling 武隆府办发〔2023〕11号 finds the document printed as 武隆府办〔2023〕11号, saying why', async () => {
    const r = (await get(`/api/v1/search?q=${enc('武隆府办发〔2023〕11号')}`)).json();
    assert.equal(r.lookup.held, true);
    assert.equal(r.lookup.docNumber, '武隆府办〔2023〕11号');
    assert.match(r.lookup.note, /主要文件目录将本文件列为 武隆府办发〔2023〕11号/);
    const page = await get(`/doc/${enc('武隆府办发〔2023〕11号')}`, 'text/html');
    assert.equal(page.status, 200);
    assert.match(page.body, /统计工作联席会议制度|統計工作聯席會議制度/);
    assert.match(page.body, /<p class="notice">公报的主要文件目录将本文件列为/);
  });

  test('a 文号 nobody holds or cites: the search page says so first and offers the nearest 文号', async () => {
    const page = (await get(`/search?q=${enc('武隆府办发[2023]99号')}`, 'text/html')).body;
    assert.match(page, /<section class="lookup"[^>]*><h2 id="lookup-h">文号 武隆府办发〔2023〕99号<\/h2>\n<p class="notice">本库没有文号为 武隆府办发〔2023〕99号 的文件[^<]*相近的文号：<\/p><ul class="docs">/);
  });

  test('the API answers a 文号 on its own: /api/v1/lookup/<any spelling>', async () => {
    const r = (await get(`/api/v1/lookup/${enc('武隆府办发(2018)126号')}`)).json();
    assert.deepEqual([r.asked, r.held, r.status.status, r.status.since, r.status.evidence[0].docNumber], ['武隆府办发〔2018〕126号', false, '已废止', '2024-08-01', '武隆府办发〔2024〕39号']);
    const v = (await get(`/api/v1/lookup/${enc('武隆府办发〔2023〕11号')}`)).json();
    assert.equal(v.docNumber, '武隆府办〔2023〕11号');
    assert.equal((await get(`/api/v1/lookup/${enc('武隆府办发〔2023〕99号')}`)).status, 404);
  });

  test('a 文号 the 目录 also gives to another document answers with its own document and says so', async () => {
    // 003_'s 主要文件目录 lists 武隆府办〔2023〕13号 (防汛抗旱指挥部) as 武隆府办发〔2023〕13号, which is the 绿色建材 意见's.
    const r = (await get(`/api/v1/lookup/${enc('武隆府办发〔2023〕13号')}`)).json();
    assert.equal(r.docNumber, '武隆府办发〔2023〕13号');
    assert.match(r.title, /绿色建材/);
    assert.equal(r.note, '另：公报的主要文件目录也把文号为 武隆府办〔2023〕13号 的文件列为 武隆府办发〔2023〕13号。');
  });

  test('a held document leads its own 文号 search', async () => {
    const r = (await get(`/api/v1/search?q=${enc('武隆府发〔2024〕9号')}`)).json();
    assert.equal(r.lookup.held, true);
    assert.equal(r.hits[0].id, '武隆府发〔2024〕9号');
    assert.equal(r.lookup.status.status, '现行有效');
    assert.equal((await get(`/api/v1/search?q=${enc('森林防火')}`)).json().lookup, null);
  });
});

describe('page errors in Chinese with a way on', () => {
  test('an unknown 文号: 404 page with near 文号 and a search box', async () => {
    const r = await get(`/doc/${enc('武隆府办发〔2023〕99号')}`, 'text/html');
    assert.equal(r.status, 404);
    assert.match(r.body, /本库没有文号或编号为「武隆府办发〔2023〕99号」的文件/);
    assert.match(r.body, /<h2>相近的文号<\/h2>[\s\S]*武隆府办发〔2023〕24号/);
    assert.match(r.body, /<form class="search"/);
    assert.doesNotMatch(r.body, /not found/);
  });

  test('no route, an unknown unit and a bad parameter are explained in Chinese', async () => {
    const none = await get('/x', 'text/html');
    assert.equal(none.status, 404);
    assert.match(none.body, /没有这个页面：\/x/);
    assert.doesNotMatch(none.body, /no route/);
    const unit = await get(`/units/${enc('不存在的单位')}`, 'text/html');
    assert.match(unit.body, /没有找到这个单位/);
    const bad = await get('/documents?year=abc', 'text/html');
    assert.equal(bad.status, 400);
    assert.match(bad.body, /年份格式不对，应为数字/);
    assert.match(bad.body, /<form class="search"/);
    const big = await get('/search?q=x&limit=1000', 'text/html');
    assert.match(big.body, /每页条数超出范围（最大 50）/);
    // Programs still get the machine-readable English message.
    assert.match((await get('/api/v1/documents?year=abc')).json().error.message, /^year: /);
  });

  test('a 2,000-character query is cut with a notice, over a real socket (no bare 431)', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const q = '森林防火'.repeat(500);
    const page = await fetch(`${base}/search?q=${enc(q)}`, { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /检索词过长（2000 个字），只按前 200 个字检索/);
    const api = (await (await fetch(`${base}/api/v1/search?q=${enc(q)}`)).json()) as { q: string; notice: string; total: number };
    assert.equal([...api.q].length, 200);
    assert.match(api.notice, /只按前 200 个字/);
    // Past even 64 KB of URL: still a Chinese page, never a bare JSON 431.
    const huge = '森林防火'.repeat(2500);
    const tooLong = await fetch(`${base}/search?q=${enc(huge)}`, { headers: { accept: 'text/html' } });
    assert.equal(tooLong.status, 431);
    assert.match(String(tooLong.headers.get('content-type')), /text\/html/);
    assert.match(await tooLong.text(), /<h1>请求有误<\/h1><p class="notice">网址太长/);
    assert.equal((await fetch(`${base}/api/v1/search?q=${enc(huge)}`)).status, 431);
  });
});

describe('document page', () => {
  test('the original text downloads with the SHA-256 the page prints; the received file is named with its own', async () => {
    const url = `/doc/${enc('武隆府发〔2024〕9号')}`;
    const page = (await get(url, 'text/html')).body;
    const [, href, hash] = /<a href="([^"]+\/original\.txt)" download>[^<]*<\/a> <span class="meta">SHA-256 <code class="hash">([0-9a-f]{64})</.exec(page) ?? [];
    assert.ok(href && hash, 'download link with its hash');
    const res = await app.inject(href!);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain; charset=utf-8/);
    assert.equal(createHash('sha256').update(res.rawPayload).digest('hex'), hash);
    assert.match(res.body, /森林防火/);
    const issue = (await store.listIssues()).find((i) => i.sourceFile.includes('002_'))!;
    assert.ok(page.includes(`002_c2ec7535d22ea83c.txt</span> <span class="meta">SHA-256 <code class="hash">${issue.sha256}</code>`));
    const detail = (await get(`/api/v1/documents/${enc('武隆府发〔2024〕9号')}`)).json();
    assert.equal(detail.source.textSha256, hash);
    assert.equal((await app.inject(`/doc/${enc('武隆府发〔1999〕1号')}/original.txt`)).statusCode, 404);
  });

  test('cited laws do not carry the citing document\'s date; the outline lists every 一、…十、', async () => {
    const page = (await get(`/doc/${enc('武隆府办发〔2024〕39号')}`, 'text/html')).body;
    const cites = page.slice(page.indexOf('class="relations out-cites"'), page.indexOf('</ul>', page.indexOf('class="relations out-cites"')));
    assert.match(cites, /中华人民共和国安全生产法/);
    assert.doesNotMatch(cites, /<time/);
    const notice = (await get(`/doc/${enc('武隆府发〔2024〕9号')}`, 'text/html')).body;
    const outline = notice.slice(notice.indexOf('<nav class="outline"'), notice.indexOf('</nav>', notice.indexOf('<nav class="outline"')));
    assert.deepEqual([...outline.matchAll(/<li class="o1"><a href="#b\d+">(.)、/g)].map((m) => m[1]), ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
  });
});

describe('search: 成文日期 range, field and order, in the API and the page (a plain GET form)', () => {
  test('API: field=title keeps title hits, from/to bound the 成文日期, sort=date orders newest first', async () => {
    const all = (await get(`/api/v1/search?q=${enc('消防')}&limit=50`)).json();
    const title = (await get(`/api/v1/search?q=${enc('消防')}&field=title&limit=50`)).json();
    assert.ok(title.total > 0 && title.total < all.total);
    assert.ok(title.hits.every((h: { title: string }) => h.title.includes('消防')));
    const ranged = (await get(`/api/v1/search?q=${enc('消防')}&from=2023-01-01&to=2023-12-31&limit=50`)).json();
    assert.ok(ranged.total > 0 && ranged.hits.every((h: { signedOn: string }) => h.signedOn >= '2023-01-01' && h.signedOn <= '2023-12-31'));
    const byDate = (await get(`/api/v1/search?q=${enc('武隆')}&sort=date&limit=50`)).json().hits.map((h: { signedOn: string | null }) => h.signedOn ?? '');
    assert.deepEqual(byDate, [...byDate].sort().reverse());
    const byNumber = (await get(`/api/v1/search?q=${enc('〔2023〕')}&field=docNumber&limit=50`)).json();
    assert.ok(byNumber.total > 0 && byNumber.hits.every((h: { docNumber: string }) => h.docNumber.includes('〔2023〕')));
    assert.equal((await get(`/api/v1/search?q=x&from=2023-1-1`)).status, 400);
    assert.equal((await get(`/api/v1/search?q=x&sort=newest`)).status, 400);
    // A blank date box from the form is no filter.
    assert.equal((await get(`/api/v1/search?q=${enc('消防')}&from=&to=&limit=50`)).json().total, all.total);
  });

  test('page: the form carries field, dates and order; facet and pager links keep them', async () => {
    const page = (await get(`/search?q=${enc('武隆')}&field=title&from=2023-01-01&sort=date&limit=1`, 'text/html')).body;
    assert.match(page, /<select id="field" name="field">[\s\S]*<option value="title" selected>标题<\/option>/);
    assert.match(page, /<input id="from" name="from" type="date" value="2023-01-01">/);
    assert.match(page, /<option value="date" selected>成文日期（新→旧）<\/option>/);
    const links = [...page.matchAll(/<a href="(\/search\?[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    assert.ok(links.length > 2);
    for (const l of links) assert.match(l, /field=title&from=2023-01-01&sort=date|from=2023-01-01.*field=title.*sort=date/, l);
  });
});
