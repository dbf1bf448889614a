/** Issues by year, and one issue with its 目录 and 主要文件目录. */
import type { Store } from '../../store/store.js';
import { html } from '../html.js';
import { notFound } from '../http.js';
import { issueDetail, issueList } from '../views/issues.js';
import { docList, page } from './layout.js';

export async function issuesPage(store: Store): Promise<string> {
  const list = await issueList(store, undefined, 10000, 0);
  const byYear = new Map<string, typeof list.items>();
  for (const i of list.items) {
    const y = i.year ? `${i.year}年` : await yearOfDocuments(store, i.id);
    byYear.set(y, [...(byYear.get(y) ?? []), i]);
  }
  // Headings in order: newest year first, undated last.
  const years = [...byYear.keys()].sort((a, b) => (b === '年份不详' ? -1 : a === '年份不详' ? 1 : b.localeCompare(a)));
  return page(
    { title: '公报', active: '/issues' },
    html`<h1>公报</h1>
<p>共 ${list.total} 期，按年份排列。</p>
${years.map(
  (year) => html`<section aria-label="${year}"><h2>${year}</h2><ul class="issues">${byYear.get(year)!.map(
    (i) => html`<li><a href="${i.url}">${i.title}</a> <span class="meta">${[i.publishedOn, `${i.documentCount} 件文件`].filter(Boolean).join(' · ')}</span></li>`,
  )}</ul></section>`,
)}`,
  );
}

/** A compilation without a cover (no 期号) is filed under the year its documents were signed. */
async function yearOfDocuments(store: Store, issueId: string): Promise<string> {
  const { items } = await store.listDocuments({ issueId, limit: 1000 });
  const years = items.map((d) => d.signedOn?.slice(0, 4)).filter((y): y is string => Boolean(y)).sort();
  return years.length ? `${years.at(-1)}年` : '年份不详';
}

export async function issuePage(store: Store, id: string): Promise<string> {
  const issue = await issueDetail(store, id);
  if (!issue) throw notFound('issue');
  // Group the 目录 under its printed headings (…人民政府文件, …办公室文件).
  const groups = new Map<string, typeof issue.contents>();
  for (const c of issue.contents) groups.set(c.group ?? '', [...(groups.get(c.group ?? '') ?? []), c]);
  const entry = (title: string, url: string | null, docNumber: string | null, page?: number | null) =>
    html`<li>${url ? html`<a href="${url}">${title}</a>` : html`<span>${title}</span>`}${docNumber ? html` <span class="docno">（${docNumber}）</span>` : ''}${page ? html` <span class="page">第${page}页</span>` : ''}${url ? '' : html` <span class="note">（未收录全文）</span>`}</li>`;
  return page(
    { title: issue.title, active: '/issues' },
    html`<nav class="crumbs" aria-label="位置"><a href="/issues">公报</a> › ${issue.year ?? ''}</nav>
<h1>${issue.title}</h1>
<p class="meta">${issue.publishedOn ? html`出版日期 <time datetime="${issue.publishedOn}">${issue.publishedOn}</time> · ` : ''}${issue.documentCount} 件文件</p>
<section aria-labelledby="contents-h">
<h2 id="contents-h">目录</h2>
${issue.contents.length === 0 ? docList(issue.documents) : [...groups].map(([g, items]) => html`${g ? html`<h3>${g}</h3>` : ''}<ol class="toc">${items.map((c) => entry(c.title, c.url, c.docNumber, c.page))}</ol>`)}
</section>
${issue.index.length
  ? html`<section aria-labelledby="index-h"><h2 id="index-h">主要文件目录</h2><ol class="toc">${issue.index.map((e) => entry(e.title, e.url, e.docNumber))}</ol></section>`
  : ''}
${issue.warnings.length
  ? html`<details class="warnings"><summary>处理提示（${issue.warnings.length}）</summary><ul>${issue.warnings.map((w) => html`<li><code>${w.code}</code> ${w.message}</li>`)}</ul></details>`
  : ''}`,
  );
}
