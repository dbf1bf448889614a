/** The page shell and the small pieces every page shares (status badge, document list, pager). */
import type { LegalStatus } from '../../domain/types.js';
import type { DocumentSummaryT } from '../api/schemas.js';
import { html, query, type Html } from '../html.js';

export const SITE = '政府公报数据库';

const NAV = [
  ['/', '首页'],
  ['/issues', '公报'],
  ['/search', '检索'],
  ['/library', '规范性文件库'],
  ['/units', '单位'],
  ['/indicators', '指标'],
  ['/interpretations', '政策解读'],
  ['/qa', '问答'],
] as const;

export interface PageOptions {
  title: string;
  /** Nav entry to mark as current. */
  active?: (typeof NAV)[number][0];
  description?: string;
  /** The stable address of this page, when it can be reached by others. */
  canonical?: string;
}

export function page(opts: PageOptions, body: Html): string {
  const nav = NAV.map(([href, label]) => html`<li><a href="${href}"${opts.active === href ? html` aria-current="page"` : ''}>${label}</a></li>`);
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}｜${SITE}</title>
${opts.description ? html`<meta name="description" content="${opts.description}">` : ''}
${opts.canonical ? html`<link rel="canonical" href="${opts.canonical}">` : ''}
<link rel="stylesheet" href="/assets/portal.css">
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="新文件与效力变化" href="/feed.atom">
<script src="/assets/portal.js" defer></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site">
<div class="wrap">
<a class="brand" href="/">${SITE}</a>
<nav aria-label="主导航"><ul>${nav}</ul></nav>
</div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${body}
</div>
</main>
<footer class="site">
<div class="wrap">
<p>数据来自已公开的政府公报（此件公开发布）。<a href="/feed.atom">订阅更新（Atom）</a> · <a href="/api/docs">开放接口文档</a>（<a href="/api/v1/openapi.json">OpenAPI</a>）</p>
</div>
</footer>
</body>
</html>
`.value;
}

const BADGE_CLASS: Record<LegalStatus, string> = {
  现行有效: 'ok',
  尚未施行: 'pending',
  已废止: 'ended',
  已失效: 'ended',
  已修改: 'changed',
  部分失效: 'changed',
  未知: 'unknown',
};

export function statusBadge(status: LegalStatus): Html {
  return html`<span class="badge badge-${BADGE_CLASS[status]}">${status}</span>`;
}

/** A list of documents as cards: reads well on a phone, and as a table would not. */
export function docList(items: readonly DocumentSummaryT[], empty = '没有文件。'): Html {
  if (items.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<ul class="docs">${items.map(
    (d) => html`<li><a href="${d.url}">${d.title}</a>
<div class="meta">${statusBadge(d.status)}${d.docNumber ? html` <span class="docno">${d.docNumber}</span>` : ''}${d.signedOn ? html` <time datetime="${d.signedOn}">${d.signedOn}</time>` : ''}</div></li>`,
  )}</ul>`;
}

/** Previous / numbered / next links; every link keeps the other query parameters. */
export function pager(path: string, params: Record<string, string | number | undefined>, total: number, limit: number, offset: number): Html {
  const pages = Math.ceil(total / limit);
  if (pages <= 1) return html``;
  const current = Math.floor(offset / limit);
  const href = (p: number) => path + query({ ...params, offset: p === 0 ? undefined : p * limit });
  const shown = [...Array(pages).keys()].filter((p) => p === 0 || p === pages - 1 || Math.abs(p - current) <= 2);
  const items: Html[] = [];
  let last = -1;
  for (const p of shown) {
    if (p - last > 1) items.push(html`<li aria-hidden="true">…</li>`);
    items.push(p === current ? html`<li><a href="${href(p)}" aria-current="page">${p + 1}</a></li>` : html`<li><a href="${href(p)}">${p + 1}</a></li>`);
    last = p;
  }
  return html`<nav class="pager" aria-label="分页"><ul>
${current > 0 ? html`<li><a href="${href(current - 1)}" rel="prev">上一页</a></li>` : ''}
${items}
${current < pages - 1 ? html`<li><a href="${href(current + 1)}" rel="next">下一页</a></li>` : ''}
</ul></nav>`;
}

/** An error a reader can act on: what went wrong in Chinese, a search box, and anything near (`more`). */
export function errorPage(status: number, message: string, more: Html | string = ''): string {
  const title = status === 404 ? '未找到' : status < 500 ? '请求有误' : '服务器错误';
  return page({ title }, html`<h1>${title}</h1><p class="notice">${message}</p>${more}
${searchForm('', '检索公报文件（关键词或文号）')}
<p><a href="/">返回首页</a> · <a href="/library">规范性文件库</a> · <a href="/issues">历期公报</a></p>`);
}

/** `more`: extra controls inside the same GET form (the search page's field, dates and order). */
export function searchForm(q = '', label = '检索公报文件', more: Html | string = ''): Html {
  return html`<form class="search" action="/search" method="get" role="search">
<label for="q">${label}</label>
<div class="row"><input id="q" name="q" type="search" value="${q}" placeholder="关键词或文号，如 超充、武隆府办发〔2024〕17号" maxlength="200"><button type="submit">检索</button></div>
${more}
</form>`;
}
