/** Units (departments) under their canonical names: the list, and one unit's tasks by role and documents. */
import type { Store } from '../../store/store.js';
import type { TaskRowT } from '../api/schemas.js';
import { highlight, html, type Html } from '../html.js';
import { notFound } from '../http.js';
import { unitDetail, unitList } from '../views/units.js';
import { docList, page, statusBadge } from './layout.js';

export async function unitsPage(store: Store): Promise<string> {
  const { items } = await unitList(store);
  const entry = (u: (typeof items)[number]) =>
    html`<li><a href="${u.url}">${u.name}</a> <span class="n">${[
      u.leads && `牵头 ${u.leads}`, u.responsible && `责任 ${u.responsible}`, u.cooperating && `配合 ${u.cooperating}`, u.documents && `文件 ${u.documents}`,
    ].filter(Boolean).join(' · ')}</span>${u.variants.length ? html` <span class="meta">（又作 ${u.variants.join('、')}）</span>` : ''}</li>`;
  const units = items.filter((u) => u.kind === 'unit');
  const groups = items.filter((u) => u.kind === 'group');
  return page(
    { title: '单位', active: '/units' },
    html`<h1>单位</h1>
<p>发文机关、任务分工中牵头、负责或配合的单位，以及文件中多次提到的区级部门。同一单位的简称、旧称和繁体写法归在一个名称下。点开单位查看它的任务和相关文件。</p>
<ul class="units">${units.map(entry)}</ul>
${groups.length ? html`<h2>单位统称</h2><p>“各乡镇（街道）”“区级各部门”等指一类单位，不是某一个单位。</p><ul class="units">${groups.map(entry)}</ul>` : ''}`,
  );
}

const ROLES = [['leads', '牵头'], ['responsible', '责任'], ['cooperating', '配合']] as const;

/** Tasks grouped under the document that assigns them, every role as printed, this unit marked. */
function taskList(tasks: TaskRowT[], unit: string, empty: string): Html {
  if (tasks.length === 0) return html`<p class="empty">${empty}</p>`;
  const byDoc = new Map<string, TaskRowT[]>();
  for (const t of tasks) byDoc.set(t.documentId, [...(byDoc.get(t.documentId) ?? []), t]);
  const names = (units: string[]) => html`${units.map((u, i) => html`${i ? '、' : ''}${u === unit ? html`<strong>${u}</strong>` : u}`)}`;
  return html`${[...byDoc.values()].map(
    (ts) => html`<h3><a href="${ts[0]!.url}">${ts[0]!.documentTitle ?? ts[0]!.docNumber ?? ts[0]!.documentId}</a></h3>
<ol class="tasks">${ts.map((t) => {
      // The whole assignment as printed, so a reader sees who leads and who to work with.
      const who = [
        ...ROLES.filter(([k]) => t[k].length > 0).map(([k, label]) => html`${label}单位：${names(t[k])}`),
        ...(t.leader ? [html`牵头领导：${t.leader}`] : []),
      ];
      return html`<li>${t.task}${t.deadline ? html` <span class="meta">（${t.deadline}）</span>` : ''}${who.length ? html`<br><span class="meta">${who.map((w, i) => html`${i ? '；' : ''}${w}`)}</span>` : ''}</li>`;
    })}</ol>`,
  )}`;
}

export async function unitPage(store: Store, name: string): Promise<string> {
  const u = await unitDetail(store, name);
  if (!u) throw notFound('unit');
  const section = (id: string, title: string, tasks: TaskRowT[], empty: string) =>
    html`<section aria-labelledby="${id}"><h2 id="${id}">${title}（${tasks.length}）</h2>${taskList(tasks, u.name, empty)}</section>`;
  return page(
    { title: u.name, active: '/units' },
    html`<nav class="crumbs" aria-label="位置"><a href="/units">单位</a> › ${u.name}</nav>
<h1>${u.name}</h1>
${u.kind === 'group' ? html`<p class="meta">单位统称：指一类单位，不是某一个单位。</p>` : ''}
${u.variants.length ? html`<p class="meta">又作：${u.variants.join('、')}</p>` : ''}
${section('leads-h', '牵头的任务', u.tasks.leads, '任务分工中没有本单位牵头的任务。')}
${section('responsible-h', '负责的任务（责任单位）', u.tasks.responsible, '任务分工中没有本单位作为责任单位的任务。')}
${section('cooperating-h', '配合的任务（配合单位）', u.tasks.cooperating, '任务分工中没有本单位配合的任务。')}
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
