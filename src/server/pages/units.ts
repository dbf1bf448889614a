/** Units (departments): the list, and one unit's documents. Tasks appear once the register exists. */
import type { Store } from '../../store/store.js';
import { highlight, html } from '../html.js';
import { notFound } from '../http.js';
import { unitDetail, unitList } from '../views/units.js';
import { docList, page, statusBadge } from './layout.js';

export async function unitsPage(store: Store): Promise<string> {
  const { items } = await unitList(store);
  return page(
    { title: '单位', active: '/units' },
    html`<h1>单位</h1>
<p>发文机关和文件中多次提到的区级部门。点开单位查看它发出的文件和提到它的文件。</p>
<ul class="units">${items.map((u) => html`<li><a href="${u.url}">${u.name}</a> <span class="n">${u.documents}</span></li>`)}</ul>`,
  );
}

export async function unitPage(store: Store, name: string): Promise<string> {
  const u = await unitDetail(store, name);
  if (!u) throw notFound('unit');
  return page(
    { title: u.name, active: '/units' },
    html`<nav class="crumbs" aria-label="位置"><a href="/units">单位</a> › ${u.name}</nav>
<h1>${u.name}</h1>
<p class="notice">任务分工台账尚未建立；建立后，这里将列出本单位牵头和配合的任务。</p>
${u.issued.length ? html`<section aria-labelledby="issued-h"><h2 id="issued-h">本单位发出的文件（${u.issued.length}）</h2>${docList(u.issued)}</section>` : ''}
<section aria-labelledby="named-h"><h2 id="named-h">提到本单位的文件（${u.named.length}）</h2>${u.named.length === 0
  ? html`<p class="empty">没有其他文件提到本单位。</p>`
  : html`<ul class="docs">${u.named.map(
      (d) => html`<li><a href="${d.url}">${d.title}</a>
<div class="meta">${statusBadge(d.status)}${d.docNumber ? html` <span>${d.docNumber}</span>` : ''}${d.signedOn ? html` <time datetime="${d.signedOn}">${d.signedOn}</time>` : ''} <span>提到 ${d.mentions} 次</span></div>
<p class="snippet">${highlight(d.snippet)}</p></li>`,
    )}</ul>`}</section>`,
  );
}
