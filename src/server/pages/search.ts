/** Search page: query box, facets as links, highlighted snippets, pagination. */
import type { Store } from '../../store/store.js';
import { html, highlight, query, type Html } from '../html.js';
import type { SearchResponseT } from '../api/schemas.js';
import { searchView, type SearchParams } from '../views/search.js';
import { qaFacet } from './editorial.js';
import { page, pager, searchForm, statusBadge } from './layout.js';

const FACET_LABELS = { status: '效力状态', year: '年份', kind: '文种', issuer: '发文机关' } as const;

function facets(r: SearchResponseT, p: SearchParams): Html {
  const current = { q: p.q, year: p.year, issuer: p.issuer, kind: p.kind, status: p.status };
  const groups = (Object.keys(FACET_LABELS) as Array<keyof typeof FACET_LABELS>).filter((k) => r.facets[k].length > 0);
  if (groups.length === 0) return html``;
  return html`<aside class="facets" id="facets" aria-label="筛选">${groups.map(
    (k) => html`<section><h2>${FACET_LABELS[k]}</h2><ul>${r.facets[k].map((f) => {
      const on = String(current[k] ?? '') === f.value;
      const href = `/search${query({ ...current, [k]: on ? undefined : f.value })}`;
      return html`<li><a href="${href}"${on ? html` aria-current="true" class="on"` : ''}>${on ? '✓ ' : ''}${f.value}</a> <span class="n">${f.count}</span></li>`;
    })}</ul></section>`,
  )}</aside>`;
}

export async function searchPage(store: Store, p: SearchParams): Promise<string> {
  const r = await searchView(store, p);
  const answers = await qaFacet(store, p.q);
  const filters = { q: p.q, year: p.year, issuer: p.issuer, kind: p.kind, status: p.status };
  const results = p.q.trim() === ''
    ? html`<p>输入关键词、标题中的词语或文号（如 <a href="/search?q=${encodeURIComponent('禁火令')}">禁火令</a>、<a href="/search?q=${encodeURIComponent('武隆府发〔2024〕9号')}">武隆府发〔2024〕9号</a>）。</p>`
    : html`<p class="summary" role="status">找到 <strong>${r.total}</strong> 件文件${r.total > 0 ? html`，第 ${p.offset + 1}–${Math.min(p.offset + p.limit, r.total)} 件` : ''}。</p>
<ol class="hits" start="${p.offset + 1}">${r.hits.map(
        (h) => html`<li><h2><a href="${h.url}">${h.title}</a></h2>
<div class="meta">${statusBadge(h.status)}${h.docNumber ? html` <span>${h.docNumber}</span>` : ''}${h.signedOn ? html` <time datetime="${h.signedOn}">${h.signedOn}</time>` : ''}${h.issuer ? html` <span>${h.issuer}</span>` : ''}</div>
<p class="snippet">${highlight(h.snippet)}</p></li>`,
      )}</ol>
${pager('/search', filters, r.total, p.limit, p.offset)}`;
  return page(
    { title: p.q ? `检索：${p.q}` : '检索', active: '/search' },
    html`<h1>检索</h1>
${searchForm(p.q, '关键词或文号')}
<div class="search-layout">
<div class="results">${answers}${r.total > 0 ? html`<p class="to-facets"><a href="#facets">按效力状态、年份、文种、发文机关筛选</a></p>` : ''}${results}</div>
${facets(r, p)}
</div>`,
  );
}
