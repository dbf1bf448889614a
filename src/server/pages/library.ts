/** 规范性文件库: tabs 现行有效 and 失效/废止, sortable columns, CSV export. */
import type { Store } from '../../store/store.js';
import type { LibraryRowT, LibrarySort, LibraryTab } from '../api/schemas.js';
import { html, query, type Html } from '../html.js';
import { libraryPage, rowDate } from '../views/library.js';
import { page, pager, statusBadge } from './layout.js';

const TABS: Record<LibraryTab, string> = { current: '现行有效', repealed: '失效/废止' };
const SORTS: Record<LibrarySort, string> = { '-signedOn': '成文日期（新→旧）', signedOn: '成文日期（旧→新）', docNumber: '发文字号', title: '标题' };

function repealedByCell(r: LibraryRowT): Html | string {
  if (r.repealedBy?.url) return html`<a href="${r.repealedBy.url}"><span class="docno">${r.repealedBy.docNumber ?? r.repealedBy.title ?? '废止决定'}</span></a>`;
  // Stated as repealed by a document that did not repeal it: say so, never name it the repealer.
  if (r.statedBy) return html`未载明 <span class="meta">（<a href="${r.statedBy.url}">${r.statedBy.docNumber ?? '其他文件'}</a>称其已废止）</span>`;
  return '—';
}

export async function libraryPageHtml(store: Store, tab: LibraryTab, sort: LibrarySort, limit: number, offset: number): Promise<string> {
  const lib = await libraryPage(store, tab, sort, limit, offset);
  const held = lib.held;
  const dateLabel = tab === 'repealed' ? '失效/废止日期' : '成文日期';
  const tabs = (Object.keys(TABS) as LibraryTab[]).map(
    (t) => html`<li><a href="/library${query({ tab: t === 'current' ? undefined : t, sort: sort === '-signedOn' ? undefined : sort })}"${t === tab ? html` aria-current="page"` : ''}>${TABS[t]}</a></li>`,
  );
  // Column headers are sort links, so sorting works without JavaScript.
  const th = (label: string, key: LibrarySort | null): Html => {
    if (!key) return html`<th scope="col">${label}</th>`;
    const next: LibrarySort = key === 'signedOn' ? (sort === '-signedOn' ? 'signedOn' : '-signedOn') : key;
    const on = sort === key || (key === 'signedOn' && sort === '-signedOn');
    const dir = on ? (sort.startsWith('-') ? 'descending' : 'ascending') : 'none';
    return html`<th scope="col" aria-sort="${dir}"><a href="/library${query({ tab: tab === 'current' ? undefined : tab, sort: next })}">${label}${on ? (dir === 'descending' ? ' ↓' : ' ↑') : ''}</a></th>`;
  };
  const csv = `/library.csv${query({ tab, sort })}`;
  return page(
    { title: `规范性文件库（${TABS[tab]}）`, active: '/library' },
    html`<h1>规范性文件库</h1>
<p>按“现行有效”和“失效/废止”分类展示规范性文件（入库时逐件判断，依据见文件页）；仅被废止决定提及、本库未收录全文的文件也列入“失效/废止”。</p>
<nav class="tabs" aria-label="效力分类"><ul>${tabs}</ul></nav>
<form class="sort" action="/library" method="get">
<input type="hidden" name="tab" value="${tab}">
<label for="sort">排序</label>
<select id="sort" name="sort">${(Object.keys(SORTS) as LibrarySort[]).map((s) => html`<option value="${s}"${s === sort ? html` selected` : ''}>${SORTS[s].replace('成文日期', dateLabel)}</option>`)}</select>
<button type="submit" class="js-hide">排序</button>
<a class="csv" href="${csv}" download>导出 CSV</a>
</form>
<p class="summary">${TABS[tab]}：共 ${lib.total} 件${held < lib.total ? html`（本库收录全文的规范性文件 ${held} 件，本库未收录、仅见于废止决定等文件的 ${lib.total - held} 件）` : '规范性文件'}。${tab === 'repealed' ? '按失效或废止的日期排列；日期不详的排在最后。' : ''}</p>
${lib.items.length === 0
  ? html`<p class="empty">没有文件。</p>`
  : html`<div class="table-wrap"><table class="library stack">
<caption class="sr-only">${TABS[tab]}文件列表</caption>
<thead><tr>${th('标题', 'title')}${th('发文字号', 'docNumber')}${th(dateLabel, 'signedOn')}${th('效力状态', null)}${tab === 'repealed' ? th('废止文件', null) : ''}</tr></thead>
<tbody>${lib.items.map(
      (r) => html`<tr>
<td data-label="标题"><a href="${r.url}">${r.title}</a>${r.held ? '' : html` <span class="note">（未收录全文）</span>`}</td>
<td data-label="发文字号" class="nowrap"><span class="docno">${r.docNumber ?? '—'}</span></td>
<td data-label="${dateLabel}" class="nowrap">${rowDate(r, tab) ? html`<time datetime="${rowDate(r, tab)!}">${rowDate(r, tab)!}</time>` : '—'}${tab === 'repealed' && r.signedOn ? html`<br><span class="meta">成文 ${r.signedOn}</span>` : ''}</td>
<td data-label="效力状态">${statusBadge(r.status)}</td>
${tab === 'repealed' ? html`<td data-label="废止文件">${repealedByCell(r)}</td>` : ''}
</tr>`,
    )}</tbody></table></div>`}
${pager('/library', { tab, sort }, lib.total, lib.limit, lib.offset)}`,
  );
}
