/** Search page: query box, facets as links, highlighted snippets, pagination. */
import type { Store } from '../../store/store.js';
import { html, highlight, query, type Html } from '../html.js';
import type { DocNumberLookupT, SearchResponseT } from '../api/schemas.js';
import { searchView, type SearchParams } from '../views/search.js';
import { qaFacet } from './editorial.js';
import { docList, page, pager, searchForm, statusBadge } from './layout.js';
import { normaliseDocNumber } from '../../domain/doc-number.js';
import { similarDocNumbers } from '../views/lookup.js';

const FACET_LABELS = { status: '效力状态', year: '年份', kind: '文种', issuer: '发文机关' } as const;

/** Every parameter a link from this page keeps (facets, pager). */
const kept = (p: SearchParams) => ({ q: p.q, year: p.year, issuer: p.issuer, kind: p.kind, status: p.status, from: p.from, to: p.to, field: p.field, sort: p.sort });

const FIELDS: Record<NonNullable<SearchParams['field']>, string> = { all: '全文', title: '标题', docNumber: '文号' };
const SORTS: Record<NonNullable<SearchParams['sort']>, string> = { relevance: '相关度', date: '成文日期（新→旧）' };

/** Field, 成文日期 range and order: plain form controls, so they work without JavaScript. */
function refine(p: SearchParams): Html {
  const options = <K extends string>(all: Record<K, string>, on: K | undefined, dflt: K) =>
    (Object.keys(all) as K[]).map((k) => html`<option value="${k}"${(on ?? dflt) === k ? html` selected` : ''}>${all[k]}</option>`);
  // Facet filters in force stay in force when the form is sent again.
  const hidden = (['year', 'issuer', 'kind', 'status'] as const).filter((k) => p[k] !== undefined).map((k) => html`<input type="hidden" name="${k}" value="${String(p[k])}">`);
  return html`<fieldset class="refine"><legend>检索条件</legend>
<div><label for="field">检索范围</label> <select id="field" name="field">${options(FIELDS, p.field, 'all')}</select></div>
<div><label for="from">成文日期 从</label> <input id="from" name="from" type="date" value="${p.from ?? ''}"> <label for="to">到</label> <input id="to" name="to" type="date" value="${p.to ?? ''}"></div>
<div><label for="sort">排序</label> <select id="sort" name="sort">${options(SORTS, p.sort, 'relevance')}</select></div>
${hidden}</fieldset>`;
}

function facets(r: SearchResponseT, p: SearchParams): Html {
  const current = kept(p);
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

const VERB_LABEL: Record<string, string> = { cites: '引用', repeals: '废止', amends: '修改', replaces: '替代' };

/** The document a 文号 query names, first: status, the evidence for it, then who refers to it. */
export function lookupCard(l: DocNumberLookupT): Html {
  const s = l.status;
  return html`<section class="lookup" aria-labelledby="lookup-h">
<h2 id="lookup-h">文号 ${l.asked}</h2>
${l.note ? html`<p class="notice">${l.note}</p>` : ''}
<h3><a href="${l.url}">${l.title ?? l.docNumber}</a></h3>
<div class="meta">${statusBadge(s.status)}${s.since ? html` <span>自 <time datetime="${s.since}">${s.since}</time></span>` : ''} <span class="docno">${l.docNumber}</span>${l.signedOn ? html` <time datetime="${l.signedOn}">${l.signedOn}</time>` : ''}${l.held ? '' : html` <span class="note">（本库未收录全文，以下信息来自引用它的文件）</span>`}</div>
${s.evidence.length ? html`<ul class="evidence">${s.evidence.map(
    (e) => html`<li>依据${e.docNumber ? html` ${e.url ? html`<a href="${e.url}">${e.docNumber}</a>` : e.docNumber}` : ''}${e.date ? html`（<time datetime="${e.date}">${e.date}</time>）` : ''}：${e.quote}</li>`,
  )}</ul>` : ''}
${l.citedBy.length ? html`<h3>提到该文件的文件（${l.citedBy.length}）</h3><ul class="docs">${l.citedBy.map(
    (d) => html`<li><a href="${d.url}">${d.title}</a>
<div class="meta">${statusBadge(d.status)}${d.docNumber ? html` <span class="docno">${d.docNumber}</span>` : ''}${d.signedOn ? html` <time datetime="${d.signedOn}">${d.signedOn}</time>` : ''} <span>${d.verbs.map((v) => VERB_LABEL[v] ?? v).join('、')}</span></div></li>`,
  )}</ul>` : ''}
</section>`;
}

/** A 文号 nobody holds or refers to: say so before the text hits, with the nearest 文号 of its series. */
async function unknownDocNumber(store: Store, q: string): Promise<Html> {
  const asked = normaliseDocNumber(q.trim());
  if (!asked) return html``;
  const near = await similarDocNumbers(store, asked);
  return html`<section class="lookup" aria-labelledby="lookup-h"><h2 id="lookup-h">文号 ${asked}</h2>
<p class="notice">本库没有文号为 ${asked} 的文件，也没有文件引用或废止它。${near.length ? '相近的文号：' : ''}</p>${near.length ? docList(near) : ''}</section>`;
}

export async function searchPage(store: Store, params: SearchParams): Promise<string> {
  const r = await searchView(store, params);
  const p = { ...params, q: r.q };
  const lookup = r.lookup ? lookupCard(r.lookup) : await unknownDocNumber(store, r.q);
  const answers = await qaFacet(store, p.q);
  const filters = kept(p);
  const results = p.q.trim() === ''
    ? html`<p>输入关键词、标题中的词语或文号（如 <a href="/search?q=${encodeURIComponent('禁火令')}">禁火令</a>、<a href="/search?q=${encodeURIComponent('武隆府发〔2024〕9号')}">武隆府发〔2024〕9号</a>）。</p>`
    : html`<p class="summary" role="status">找到${r.approximate ? html`约 ` : ''} <strong>${r.total}</strong> 件文件${r.total > 0 ? html`，第 ${p.offset + 1}–${Math.min(p.offset + p.limit, r.total)} 件` : ''}。</p>
<ol class="hits" start="${p.offset + 1}">${r.hits.map(
        (h) => html`<li><h2><a href="${h.url}">${h.title}</a></h2>
<div class="meta">${statusBadge(h.status)}${h.docNumber ? html` <span class="docno">${h.docNumber}</span>` : ''}${h.signedOn ? html` <time datetime="${h.signedOn}">${h.signedOn}</time>` : ''}${h.issuer ? html` <span>${h.issuer}</span>` : ''}</div>
<p class="snippet">${highlight(h.snippet)}</p></li>`,
      )}</ol>
${r.approximate ? html`<p class="notice">匹配的文件很多：件数和筛选计数为估计数，结果按标题命中、文号命中和成文日期（新的在前）排列。加上更多检索词或筛选条件可得到精确结果。</p>` : ''}
${pager('/search', filters, r.total, p.limit, p.offset)}`;
  return page(
    { title: p.q ? `检索：${p.q}` : '检索', active: '/search' },
    html`<h1>检索</h1>
${searchForm(p.q, '关键词或文号', refine(p))}
<div class="search-layout">
<div class="results">${r.notice ? html`<p class="notice" role="status">${r.notice}</p>` : ''}${lookup}${answers}${r.total > 0 ? html`<p class="to-facets"><a href="#facets">按效力状态、年份、文种、发文机关筛选</a></p>` : ''}${results}</div>
${facets(r, p)}
</div>`,
  );
}
