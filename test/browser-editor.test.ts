/**
 * The editors' forms in a real browser (playwright-core driving Debian's chromium), JavaScript
 * off as the forms need none: sign in with the admin token (a wrong one refused), draft 问答 from
 * the documents, approve one and find it on the public 问答 page, publish a 解读 and find it on
 * the document's 解读 tab, correct a status — each write in the audit table with its author.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { launchPortal, SHOTS, skipBrowser, type Portal } from './helpers/browser.js';

const TOKEN = 'browser-editor-token-9876543210';
const enc = encodeURIComponent;
let portal: Portal;

describe('editor forms in chromium', { skip: skipBrowser }, () => {
  before(async () => {
    portal = await launchPortal({ adminToken: TOKEN });
  });
  after(async () => portal?.close());

  const context = (width: number, height: number): Promise<BrowserContext> =>
    portal.browser.newContext({ viewport: { width, height }, javaScriptEnabled: false, locale: 'zh-CN', deviceScaleFactor: 1 });

  test('sign in, draft and approve a 问答, publish a 解读, correct a status; all in the audit log', async () => {
    const ctx = await context(1280, 900);
    const page = await ctx.newPage();
    await page.goto(`${portal.base}/admin`);
    assert.equal(await page.locator('h1').textContent(), '编辑登录');
    await page.fill('#token', 'not-the-token');
    await page.click('button[type=submit]');
    assert.match((await page.locator('[role=alert]').textContent()) ?? '', /口令不正确/);
    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    assert.equal(await page.locator('h1').textContent(), '编辑工作台');
    assert.ok((await ctx.cookies()).some((c) => c.name === 'gongbao_admin' && c.httpOnly && c.sameSite === 'Strict'));

    await page.click('text=从规范性文件生成问答草稿');
    assert.match((await page.locator('[role=status]').first().textContent()) ?? '', /新增问答草稿\d+条/);
    const first = page.locator('article.qa-review').first();
    const question = (await first.locator('h3').textContent())!;
    await first.locator('input[name=author]').fill('李审核');
    await first.locator('button[value=approve]').click();
    assert.match((await page.locator('[role=status]').first().textContent()) ?? '', /已发布/);
    await page.screenshot({ path: `${SHOTS}admin-desktop.png` });

    await page.goto(`${portal.base}/qa`);
    assert.match((await page.locator('article.qa h3').first().textContent()) ?? '', new RegExp(question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    await page.goto(`${portal.base}/admin`);
    await page.fill('#jd-new-title', '《关于发布森林防火禁火令的通告》政策解读');
    await page.fill('#jd-new-body', '每年1月1日至5月10日、7月10日至10月10日为禁火期。');
    await page.fill('#jd-new-docs', '武隆府发〔2024〕9号');
    await page.selectOption('#jd-new-form', '图文');
    await page.fill('#jd-new-media', 'https://www.cqwulong.gov.cn/jd/jhl.png');
    await page.fill('#jd-new-author', '王编辑');
    await page.click('#jd-new button[type=submit]');
    assert.match((await page.locator('[role=status]').first().textContent()) ?? '', /政策解读「《关于发布森林防火禁火令的通告》政策解读」已保存/);
    await page.goto(`${portal.base}/doc/${enc('武隆府发〔2024〕9号')}/interpret`);
    assert.match((await page.locator('#pub-h + article h3').textContent()) ?? '', /禁火令的通告》政策解读/);
    assert.ok(await page.locator('.interpret-section h3', { hasText: '执行标准' }).count());
    await page.screenshot({ path: `${SHOTS}interpret-desktop.png` });
    await page.goto(`${portal.base}/interpretations`);
    assert.equal(await page.locator('article.interpretation').count(), 1);

    await page.goto(`${portal.base}/admin`);
    await page.fill('#corr-doc', '武隆府办发〔2021〕31号');
    await page.selectOption('#corr-status', '已失效');
    await page.fill('#corr-reason', '2024年规范性文件清理目录列明失效');
    await page.fill('#corr-author', '赵六');
    await page.click('#correction button[type=submit]');
    assert.match((await page.locator('[role=status]').first().textContent()) ?? '', /已更正为已失效/);
    const audit = (await page.locator('table.audit').textContent()) ?? '';
    for (const row of [/赵六\s*status\.correct/, /王编辑\s*interpretation\.create/, /李审核\s*qa\.approve/]) assert.match(audit, row);
    await ctx.close();
  });

  test('without the session the workbench is the login form; it fits a phone', async () => {
    const ctx = await context(375, 812);
    const page = await ctx.newPage();
    const res = await page.goto(`${portal.base}/admin`);
    assert.equal(res?.status(), 200);
    assert.equal(await page.locator('h1').textContent(), '编辑登录');
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    assert.ok(scroll <= width, `${scroll}px in ${width}px`);
    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    const after = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    assert.ok(after.scroll <= after.width, `workbench ${after.scroll}px in ${after.width}px`);
    await page.screenshot({ path: `${SHOTS}admin-phone.png` });
    await ctx.close();
  });
});
