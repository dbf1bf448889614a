/**
 * The portal in a real browser (playwright-core driving Debian's chromium) on the sample database:
 * every page type, a search, a repeal link followed to its decision, JavaScript disabled, and
 * desktop (1280) / phone (375) screenshots under test-results/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildServer } from '../src/server/app.js';
import type { Store } from '../src/store/store.js';
import { openSampleStore } from './fakes/sample-db.js';
import { ARGS, CHROMIUM, SHOTS, skipBrowser } from './helpers/browser.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
const PHONE_390 = { width: 390, height: 844 };
const enc = encodeURIComponent;

const skip = skipBrowser;

let store: Store;
let app: FastifyInstance;
let browser: Browser;
let base: string;

/** Each page type, with text its <h1> must contain. */
const PAGES: Array<{ name: string; path: string; h1: RegExp }> = [
  { name: 'home', path: '/', h1: /政府公报数据库/ },
  { name: 'issues', path: '/issues', h1: /公报/ },
  { name: 'issue', path: '', h1: /2024年第2期/ },
  { name: 'document', path: `/doc/${enc('武隆府办发〔2024〕20号')}`, h1: /新能源汽车便捷超充行动计划/ },
  { name: 'document-table', path: `/doc/${enc('武隆府发〔2023〕16号')}`, h1: /关于废止部分区政府规范性文件的决定/ },
  { name: 'document-original', path: `/doc/${enc('武隆府办发〔2024〕20号')}?view=original`, h1: /新能源汽车便捷超充行动计划/ },
  { name: 'reference', path: `/doc/${enc('武隆府办发〔2017〕60号')}`, h1: /全民科学素质行动计划纲要/ },
  { name: 'search', path: `/search?q=${enc('禁火令')}`, h1: /检索/ },
  { name: 'library', path: '/library', h1: /规范性文件库/ },
  { name: 'library-repealed', path: '/library?tab=repealed', h1: /规范性文件库/ },
  { name: 'units', path: '/units', h1: /单位/ },
  { name: 'unit', path: `/units/${enc('区发展改革委')}`, h1: /区发展改革委/ },
  { name: 'documents', path: `/documents?kind=${enc('决定')}`, h1: /决定/ },
  { name: 'indicators', path: '/indicators', h1: /指标/ },
];

async function context(viewport: { width: number; height: number }, javaScriptEnabled = true): Promise<BrowserContext> {
  return browser.newContext({ viewport, javaScriptEnabled, locale: 'zh-CN', deviceScaleFactor: 1 });
}

/** Open a page and check it loaded, is not wider than the viewport, and logged no error. */
async function open(page: Page, path: string, h1: RegExp): Promise<void> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(base + path);
  assert.equal(res?.status(), 200, path);
  assert.match((await page.locator('h1').first().textContent()) ?? '', h1, path);
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${path}: page is ${scroll}px wide in a ${width}px viewport`);
  assert.deepEqual(errors, [], `${path}: console errors`);
}

describe('portal in chromium', { skip }, () => {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    store = await openSampleStore();
    app = buildServer(store);
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const issue = (await store.listIssues()).find((i) => i.year === 2024 && i.number === 2)!;
    PAGES.find((p) => p.name === 'issue')!.path = `/issues/${enc(issue.id)}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  test('every page type opens on desktop and phone, fits the width, and is screenshotted', async () => {
    for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const ctx = await context(viewport);
      const page = await ctx.newPage();
      for (const p of PAGES) {
        await open(page, p.path, p.h1);
        // Whole page when it is short enough to look at; long lists and documents: the first screen.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: `${SHOTS}${p.name}-${label}.png`, fullPage: height <= 2400 });
      }
      await ctx.close();
    }
  });

  test('search from the home page, narrow by a facet, open a hit', async () => {
    const ctx = await context(PHONE);
    const page = await ctx.newPage();
    await open(page, '/', /政府公报数据库/);
    await page.getByLabel('检索公报文件').fill('禁火令');
    await page.getByRole('button', { name: '检索' }).click();
    await page.waitForURL(/\/search\?q=/);
    const marks = await page.locator('ol.hits mark').allTextContents();
    assert.ok(marks.includes('禁火令'), `highlighted: ${marks.join(',')}`);
    await page.locator('aside.facets a', { hasText: '通告' }).first().click();
    await page.waitForURL(/kind=/);
    assert.ok((await page.locator('aside.facets a.on').count()) >= 1);
    await page.locator('ol.hits h2 a', { hasText: '森林防火禁火令' }).first().click();
    assert.match((await page.locator('h1').textContent()) ?? '', /关于发布森林防火禁火令的通告/);
    await page.screenshot({ path: `${SHOTS}search-flow-phone.png` });
    await ctx.close();
  });

  test('from a repealed document, the repeal link leads to the decision that repealed it', async () => {
    const ctx = await context(DESKTOP);
    const page = await ctx.newPage();
    await open(page, '/library?tab=repealed', /规范性文件库/);
    await page.getByRole('link', { name: /全民科学素质行动计划纲要/ }).first().click();
    assert.match((await page.locator('section.status .badge').first().textContent()) ?? '', /已废止/);
    const repeal = page.locator('a[data-rel="in-repeals"]').first();
    assert.match((await repeal.textContent()) ?? '', /关于废止区政府文件的决定/);
    await repeal.click();
    await page.waitForURL(new RegExp(enc('武隆府发〔2024〕11号')));
    assert.equal(await page.locator('h1').textContent(), '重庆市武隆区人民政府关于废止区政府文件的决定');
    assert.match((await page.locator('ul.relations.out-repeals').textContent()) ?? '', /武隆府办发〔2017〕60号/);
    await page.screenshot({ path: `${SHOTS}repeal-decision-desktop.png` });
    await ctx.close();
  });

  test('with JavaScript disabled every page renders, sorting and the original-text toggle still work', async () => {
    const ctx = await context(PHONE, false);
    const page = await ctx.newPage();
    for (const p of PAGES) await open(page, p.path, p.h1);
    await open(page, '/library', /规范性文件库/);
    await page.selectOption('#sort', 'title');
    await page.getByRole('button', { name: '排序' }).click();
    await page.waitForURL(/sort=title/);
    await open(page, `/doc/${enc('武隆府办发〔2024〕20号')}`, /超充/);
    await page.getByRole('link', { name: '原始提取文本' }).click();
    await page.waitForURL(/view=original/);
    assert.ok((await page.locator('pre.original').textContent())!.length > 1000);
    await page.screenshot({ path: `${SHOTS}nojs-original-phone.png` });
    await ctx.close();
  });

  test('the Atom feed is well-formed XML with document and status entries', async () => {
    const ctx = await context(DESKTOP);
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    const feed = await page.evaluate(async () => {
      const xml = new DOMParser().parseFromString(await (await fetch('/feed.atom')).text(), 'application/xml');
      const terms = [...xml.getElementsByTagName('category')].map((c) => c.getAttribute('term'));
      return { error: xml.getElementsByTagName('parsererror').length, root: xml.documentElement.namespaceURI, terms };
    });
    assert.equal(feed.error, 0);
    assert.equal(feed.root, 'http://www.w3.org/2005/Atom');
    assert.ok(feed.terms.includes('document') && feed.terms.includes('status'));
    await ctx.close();
  });

  test('keyboard: the first Tab reaches a visible skip link with a focus outline', async () => {
    const ctx = await context(DESKTOP);
    const page = await ctx.newPage();
    await open(page, '/', /政府公报数据库/);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, left: el.getBoundingClientRect().left };
    });
    assert.equal(focused.text, '跳到正文');
    assert.equal(focused.outline, 'solid');
    assert.ok(focused.left >= 0, 'skip link is on screen when focused');
    await ctx.close();
  });

  /** Inline elements that a line break split in two have more than one client rect. */
  async function brokenAcrossLines(page: Page, selector: string): Promise<string[]> {
    return page.locator(selector).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 1).map((e) => e.textContent ?? ''));
  }

  test('文号 look-up first: a repealed 文号 answers 已废止 with its repealer before any hit, without JavaScript', async () => {
    for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE_390]] as const) {
      const ctx = await context(viewport, false);
      const page = await ctx.newPage();
      await open(page, `/search?q=${enc('武隆府发〔2023〕18号')}`, /检索/);
      const first = page.locator('.results > *').first();
      assert.equal(await first.getAttribute('class'), 'lookup', label);
      assert.equal(await first.locator('.badge').first().textContent(), '已废止');
      assert.match((await first.locator('ul.evidence').textContent()) ?? '', /武隆府发〔2024〕9号/);
      await page.screenshot({ path: `${SHOTS}lookup-${label}.png` });
      await open(page, `/doc/${enc('武隆府办发〔2023〕11号')}`, /统计工作联席会议制度|統計工作聯席會議制度/);
      assert.match((await page.locator('p.notice').first().textContent()) ?? '', /主要文件目录将本文件列为 武隆府办发〔2023〕11号/);
      await ctx.close();
    }
  });

  test('errors are Chinese pages with a search box and near 文号, on desktop and phone', async () => {
    for (const viewport of [DESKTOP, PHONE_390]) {
      const ctx = await context(viewport);
      const page = await ctx.newPage();
      const res = await page.goto(`${base}/doc/${enc('武隆府办发〔2023〕99号')}`);
      assert.equal(res?.status(), 404);
      assert.match((await page.locator('main').textContent()) ?? '', /本库没有文号或编号为「武隆府办发〔2023〕99号」的文件[\s\S]*相近的文号/);
      assert.ok(await page.getByRole('searchbox').isVisible());
      const none = await page.goto(`${base}/x`);
      assert.equal(none?.status(), 404);
      assert.match((await page.locator('main').textContent()) ?? '', /没有这个页面/);
      const long = await page.goto(`${base}/search?q=${enc('森林防火'.repeat(500))}`);
      assert.equal(long?.status(), 200);
      assert.match((await page.locator('p.notice').first().textContent()) ?? '', /只按前 200 个字检索/);
      await ctx.close();
    }
  });

  test('document page: breadcrumbs, full outline, original text download; prints its text only, 文号 and status first', async () => {
    for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE_390]] as const) {
      const ctx = await context(viewport);
      const page = await ctx.newPage();
      await open(page, `/doc/${enc('武隆府发〔2024〕9号')}`, /森林防火禁火令/);
      assert.deepEqual(await page.locator('nav.crumbs li').allTextContents(), ['首页', '公报', '重庆市武隆区人民政府公报 2024年第2期（总第165期）', '武隆府发〔2024〕9号']);
      const outline = await page.locator('nav.outline li').allTextContents();
      assert.deepEqual(outline.map((t) => t.split('、')[0]), ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
      const download = await page.locator('a[download]', { hasText: '下载原文' }).getAttribute('href');
      const got = await page.evaluate(async (href) => (await fetch(href!)).status, download);
      assert.equal(got, 200);
      assert.deepEqual(await brokenAcrossLines(page, 'main time'), [], `${label}: dates split over lines`);
      assert.deepEqual(await brokenAcrossLines(page, 'main .docno'), [], `${label}: 文号 split over lines`);
      await page.emulateMedia({ media: 'print' });
      const visible = async (sel: string) => (await page.locator(sel).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)) > 0;
      const printed = [await visible('header.site'), await visible('nav'), await visible('footer.site'), await visible('dl.meta-list'), await visible('section.body p')];
      assert.deepEqual(printed, [false, false, false, false, true], label);
      const top = (await page.locator('h1').boundingBox())!.y;
      assert.ok(top < 60, `${label}: the title opens the printed page (top ${top}px)`);
      assert.match((await page.locator('article.document header').textContent()) ?? '', /现行有效[\s\S]*武隆府发〔2024〕9号/);
      await page.screenshot({ path: `${SHOTS}document-print-${label}.png` });
      await ctx.close();
    }
  });

  test('规范性文件库: 文号 on one line, the 失效/废止 tab dated, on desktop and phone', async () => {
    for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE_390]] as const) {
      const ctx = await context(viewport);
      const page = await ctx.newPage();
      for (const path of ['/library', '/library?tab=repealed', '/library?tab=repealed&sort=docNumber']) {
        await open(page, path, /规范性文件库/);
        assert.deepEqual(await brokenAcrossLines(page, 'table.library .docno'), [], `${label} ${path}`);
        assert.deepEqual(await brokenAcrossLines(page, 'table.library time'), [], `${label} ${path}`);
      }
      await open(page, '/library?tab=repealed', /规范性文件库/);
      const dated = await page.locator('td[data-label="失效/废止日期"] time').count();
      assert.ok(dated >= 40, `${label}: ${dated} dated rows`);
      await page.screenshot({ path: `${SHOTS}library-repealed-${label}.png` });
      await ctx.close();
    }
  });

  test('the API documentation page renders every operation of the OpenAPI document, from local files only', async () => {
    const spec = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE_390]] as const) {
      const ctx = await context(viewport);
      const page = await ctx.newPage();
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && foreign.push(r.url()));
      const res = await page.goto(`${base}/api/docs`);
      assert.equal(res?.status(), 200);
      await page.locator('.opblock').first().waitFor();
      const operations = Object.values(spec.paths).flatMap((item) => Object.keys(item as object));
      assert.equal(await page.locator('.opblock').count(), operations.length, label);
      // The writes: a POST block each, and the Authorize button for their bearer token.
      assert.equal(await page.locator('.opblock-post').count(), operations.filter((m) => m === 'post').length, label);
      assert.ok(operations.includes('post') && (await page.locator('button.authorize').count()) === 1, `${label}: Authorize button`);
      assert.match((await page.locator('.info .title').textContent()) ?? '', /Gongbao API/);
      assert.deepEqual(foreign, [], `${label}: requests leaving the site`);
      assert.deepEqual(errors, [], `${label}: console errors`);
      await page.screenshot({ path: `${SHOTS}api-docs-${label}.png` });
      await ctx.close();
    }
  });

  test('search by title only, in a 成文日期 range, newest first — without JavaScript, on desktop and phone', async () => {
    for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE_390]] as const) {
      const ctx = await context(viewport, false);
      const page = await ctx.newPage();
      await open(page, `/search?q=${enc('消防')}`, /检索/);
      const everywhere = await page.locator('ol.hits > li').count();
      await page.selectOption('#field', 'title');
      await page.fill('#from', '2023-01-01');
      await page.fill('#to', '2023-12-31');
      await page.selectOption('#sort', 'date');
      await page.getByRole('button', { name: '检索' }).click();
      await page.waitForURL(/field=title/);
      assert.match(page.url(), /from=2023-01-01&to=2023-12-31&sort=date/);
      const titles = await page.locator('ol.hits h2').allTextContents();
      assert.ok(titles.length > 0 && titles.length < everywhere, `${label}: ${titles.length} of ${everywhere}`);
      assert.ok(titles.every((t) => t.includes('消防')));
      const dates = await page.locator('ol.hits .meta time').allTextContents();
      assert.ok(dates.every((d) => d.startsWith('2023')));
      assert.deepEqual(dates, [...dates].sort().reverse());
      const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
      assert.ok(scroll <= width, `${label}: ${scroll}px wide`);
      await page.screenshot({ path: `${SHOTS}search-refine-${label}.png` });
      await ctx.close();
    }
  });
});
