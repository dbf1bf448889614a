/** Units (departments): the list, and one unit's tasks (牵头 / 参与) and documents. */
import type { Store } from '../../store/store.js';
import type { TaskRowT } from '../api/schemas.js';
import { highlight, html, type Html } from '../html.js';
import { notFound } from '../http.js';
import { unitDetail, unitList } from '../views/units.js';
import { docList, page, statusBadge } from './layout.js';

export async function unitsPage(store: Store): Promise<string> {
  const { items } = await unitList(store);
  return page(
    { title: '单位', active: '/units' },
    html`<h1>单位</h1>
<p>发文机关、任务分工中牵头或参与的单位，以及文件中多次提到的区级部门。点开单位查看它的任务和相关文件。</p>
<ul class="units">${items.map(
      (u) => html`<li><a href="${u.url}">${u.name}</a> <span class="n">${[u.leads && `牵头 ${u.leads}`, u.supports && `参与 ${u.supports}`, u.documents && `文件 ${u.documents}`].filter(Boolean).join(' · ')}</span></li>`,
    )}</ul>`,
  );
}

/** Tasks grouped under the document that assigns them. */
function taskList(tasks: TaskRowT[], unit: string, empty: string): Html {
  if (tasks.length === 0) return html`<p class="empty">${empty}</p>`;
  const byDoc = new Map<string, TaskRowT[]>();
  for (const t of tasks) byDoc.set(t.documentId, [...(byDoc.get(t.documentId) ?? []), t]);
  return html`${[...byDoc.values()].map(
    (ts) => html`<h3><a href="${ts[0]!.url}">${ts[0]!.documentTitle ?? ts[0]!.docNumber ?? ts[0]!.documentId}</a></h3>
<ol class="tasks">${ts.map((t) => {
      // Name the other units on the task, so a reader sees who to work with.
      const leads = t.leads.filter((u) => u !== unit);
      const supports = t.supports.filter((u) => u !== unit);
      const who = [leads.length && `牵头：${leads.join('、')}`, supports.length && `配合：${supports.join('、')}`, t.leader && `牵头领导：${t.leader}`].filter(Boolean).join('；');
      return html`<li>${t.task}${t.deadline ? html` <span class="meta">（${t.deadline}）</span>` : ''}${who ? html`<br><span class="meta">${who}</span>` : ''}</li>`;
    })}</ol>`,
  )}`;
}

export async function unitPage(store: Store, name: string): Promise<string> {
  const u = await unitDetail(store, name);
  if (!u) throw notFound('unit');
  return page(
    { title: u.name, active: '/units' },
    html`<nav class="crumbs" aria-label="位置"><a href="/units">单位</a> › ${u.name}</nav>
<h1>${u.name}</h1>
<section aria-labelledby="leads-h"><h2 id="leads-h">牵头的任务（${u.tasks.leads.length}）</h2>${taskList(u.tasks.leads, u.name, '任务分工中没有本单位牵头的任务。')}</section>
<section aria-labelledby="supports-h"><h2 id="supports-h">参与的任务（${u.tasks.supports.length}）</h2>${taskList(u.tasks.supports, u.name, '任务分工中没有本单位参与的任务。')}</section>
${u.issued.length ? html`<section aria-labelledby="issued-h"><h2 id="issued-h">本单位发出的文件（${u.issued.length}）</h2>${docList(u.issued)}</section>` : ''}
<section aria-labelledby="named-h"><h2 id="named-h">提到本单位的文件（${u.named.length}）</h2>
${u.named.length === 0
  ? html`<p class="empty">没有其他文件提到本单位。</p>`
  : html`<ul class="docs">${u.named.map(
      (d) => html`<li><a href="${d.url}">${d.title}</a>
<div class="meta">${statusBadge(d.status)}${d.docNumber ? html` <span>${d.docNumber}</span>` : ''}${d.signedOn ? html` <time datetime="${d.signedOn}">${d.signedOn}</time>` : ''} <span>提到 ${d.mentions} 次</span></div>
<p class="snippet">${highlight(d.snippet)}</p></li>`,
    )}</ul>`}
</section>`,
  );
}
