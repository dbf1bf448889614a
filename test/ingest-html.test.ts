/**
 * Saved web pages: a 政府信息公开 page as a district site serves it (GB2312 declared in a <meta>,
 * navigation, breadcrumbs, share links, a footer) built from a sample document. The adapter keeps
 * the document and drops the chrome, and puts the metadata table first as `label：value` lines for
 * the reader to take as declared facts; the page gives one document, the same as its text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { extract } from '../src/ingest/formats/index.js';
import { declaredCharset } from '../src/ingest/formats/html.js';
import { parseBuffer, parseText } from '../src/ingest/index.js';
import { documentBlocks, documentLines } from './helpers/sample-document.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page: chrome around a content div; the masthead is not on the web, the 文号 and title are. */
function page(lines: readonly string[], meta: Record<string, string>, charset: string): string {
  const blocks = documentBlocks(lines).filter((b) => b.kind !== 'masthead');
  const title = blocks.find((b) => b.kind === 'title');
  const rows = Object.entries(meta);
  const table = [];
  for (let i = 0; i < rows.length; i += 2) {
    table.push(`<tr>${rows.slice(i, i + 2).map(([k, v]) => `<td class="t1">${k}：</td><td class="t2">${esc(v)}</td>`).join('')}</tr>`);
  }
  const body = blocks
    .map((b) => (b.kind === 'table' ? `<table border="1">${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>` : b.kind === 'docno' ? `<p style="text-align:center">${esc(b.text)}</p>` : b.kind === 'title' ? `<p style="text-align:center"><strong>${esc(b.text)}</strong></p>` : `<p style="text-indent:2em">${esc(b.text)}</p>`))
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${title && 'text' in title ? esc(title.text) : ''}_重庆市武隆区人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script><style>.nav li{float:left}</style></head>
<body>
<div class="top-bar">无障碍浏览 | 长者模式 | 登录 | 注册</div>
<div class="header"><img src="logo.png" alt="重庆市武隆区人民政府"><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjwl/">走进武隆</a></li></ul></div></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; 政策文件</div>
<div class="zwgk-box">
  <table class="xxgk-table">${table.join('\n')}</table>
  <div class="article">
    <h1 class="article-title">${title && 'text' in title ? esc(title.text) : ''}</h1>
    <div class="article-info">来源：重庆市武隆区人民政府办公室 发布时间：${esc(meta['发布日期'] ?? '')} 字号：大 中 小 打印本页</div>
    <div class="view TRS_UEDITOR">
${body}
    </div>
    <div class="share">分享到：微信 微博 QQ空间</div>
  </div>
  <div class="related"><h3>相关文件</h3><ul><li><a href="/a">重庆市武隆区人民政府办公室关于印发某方案的通知</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：重庆市武隆区人民政府办公室 版权所有</p><p>网站标识码：5000000000 渝ICP备00000000号 渝公网安备 50023202000000号</p></div>
</body></html>`;
}

const META = {
  索引号: '11500232009285432L/2024-00036',
  主题分类: '生态环境',
  发布机构: '武隆区政府办公室',
  成文日期: '2024-07-24',
  文号: '武隆府办发〔2024〕36号',
  发布日期: '2024-07-26',
  有效性: '有效',
  废止日期: '',
};

describe('saved web pages', () => {
  const lines = documentLines('002', '武隆府办发〔2024〕36号');
  const html = page(lines, META, 'gb2312');
  // Characters GBK lacks (m³) are written as character references, as a GB2312 site's editor does.
  const gbk = html.replace(/[^\x00-\x7f]/gu, (c) => (iconv.decode(iconv.encode(c, 'gbk'), 'gbk') === c ? c : `&#${c.codePointAt(0)};`));
  const bytes = iconv.encode(gbk, 'gbk');

  it('the charset comes from the page (<meta http-equiv … charset=gb2312>)', () => {
    assert.equal(declaredCharset(bytes), 'gb18030');
    assert.equal(declaredCharset(Buffer.from('<meta charset="utf-8">')), 'utf-8');
  });

  it('the metadata table comes first as label：value lines; the chrome is gone', async () => {
    const got = await extract(bytes, '36.html');
    assert.equal(got.format, 'html');
    assert.equal(got.encoding, 'html/gb18030');
    const head = got.text.split('\n').slice(0, 8);
    assert.deepEqual(head, Object.entries(META).map(([k, v]) => `${k}：${v}`.trimEnd()));
    for (const chrome of ['首页', '无障碍浏览', '当前位置', '分享到', '版权所有', '渝ICP备', '相关文件', '统计代码', '字号']) {
      assert.ok(!got.text.includes(chrome), `chrome left in: ${chrome}`);
    }
    assert.match(got.text, /^武隆府办发〔2024〕36号$/m);
    assert.match(got.text, /具体到点。$/m);
  });

  it('the page gives one document, the same as its text', async () => {
    const r = await parseBuffer(bytes, '36.html');
    const fromText = parseText(lines.join('\n'), { file: '36.txt', sha256: '', encoding: 'utf-8', bytes: 0 });
    assert.equal(r.documents.length, 1);
    const d = r.documents[0]!;
    const t = fromText.documents[0]!;
    assert.deepEqual([d.docNumber, d.title, d.signedOn, d.kind], [t.docNumber, t.title, t.signedOn, t.kind]);
    const flat = (x: typeof d) => x.body.map((b) => b.text).join('').replace(/\s/g, '');
    assert.equal(flat(d), flat(t));
  });
});
