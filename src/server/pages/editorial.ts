/**
 * Public pages of the 解读 and 问答: a document's 解读 tab (its published 解读, its draft 解读 item by
 * item with the clause and a link to the paragraph, its published 问答), the 政策解读 list and the
 * 问答 page with its own search. Only published records are shown.
 */
import type { Store } from '../../store/store.js';
import { html, query, type Html } from '../html.js';
import { notFound } from '../http.js';
import { draftView, interpretationPage, qaPage, type InterpretationV, type QaV } from '../views/editorial.js';
import { page, pager } from './layout.js';

function interpretationCard(r: InterpretationV): Html {
  return html`<article class="interpretation" id="${r.id}">
<h3>${r.title}</h3>
<p class="meta">${r.form} · ${r.author}${r.date ? html` · <time datetime="${r.date}">${r.date}</time>` : ''}</p>
${r.body.split(/\n+/).map((p) => html`<p>${p}</p>`)}
${r.media.length ? html`<ul class="media">${r.media.map((m) => html`<li><a href="${m}" rel="noopener">${r.form === '视频' ? '观看视频' : '查看图解'}：${m}</a></li>`)}</ul>` : ''}
${r.documents.length ? html`<p class="meta">解读文件：${r.documents.map((d) => html`<a href="${d.url}">${d.title ?? d.docNumber ?? d.id}</a> `)}</p>` : ''}
</article>`;
}

function qaCard(e: QaV): Html {
  return html`<article class="qa" id="${e.id}">
<h3>问：${e.question}</h3>
<p>答：${e.answer}</p>
${e.clauses.map((c) => html`<blockquote class="quote">${c.quote} <a href="${c.url}">${c.docNumber ?? ''} 第${c.paragraph + 1}段</a></blockquote>`)}
<p class="meta">${e.unit ? `答复单位：${e.unit}` : ''}${e.reviewedAt ? ` · 审核：${e.reviewedAt.slice(0, 10)}` : ''}</p>
</article>`;
}

export async function interpretTabPage(store: Store, key: string): Promise<string> {
  const d = await draftView(store, key);
  if (!d) throw notFound('document');
  const published = await interpretationPage(store, { documentId: d.documentId }, 50, 0);
  const qa = await qaPage(store, { documentId: d.documentId }, 50, 0);
  const base = d.url.replace(/\/interpret$/, '');
  return page(
    { title: `解读：${d.title}`, canonical: d.url },
    html`<article class="document interpret">
<header><h1>${d.title}</h1>${d.docNumber ? html`<p><span class="docno">${d.docNumber}</span></p>` : ''}</header>
<nav class="tabs" aria-label="文本视图"><ul>
<li><a href="${base}#text">整理后的正文</a></li>
<li><a href="${base}?view=original#text">原始提取文本</a></li>
<li><a href="${d.url}" aria-current="page">解读</a></li>
</ul></nav>
${published.items.length ? html`<section aria-labelledby="pub-h"><h2 id="pub-h">政策解读</h2>${published.items.map(interpretationCard)}</section>` : ''}
<section aria-labelledby="draft-h"><h2 id="draft-h">要点梳理</h2>
<p class="meta">由系统从正文逐条摘出，每条附原文和所在段落，供对照阅读；以正式文件为准。</p>
${d.sections.map((s) => html`<section class="interpret-section"><h3>${s.name}</h3><ul class="evidence">${s.items.map(
      (i) => html`<li><p>${i.text}</p><blockquote class="quote">${i.quote} <a href="${i.url}">${i.docNumber ? `${i.docNumber} ` : ''}第${i.paragraph + 1}段</a></blockquote></li>`,
    )}</ul></section>`)}
</section>
${qa.items.length ? html`<section aria-labelledby="qa-h"><h2 id="qa-h">常见问答</h2>${qa.items.map(qaCard)}</section>` : ''}
</article>`,
  );
}

export async function interpretationsPage(store: Store, limit: number, offset: number): Promise<string> {
  const p = await interpretationPage(store, {}, limit, offset);
  return page(
    { title: '政策解读' },
    html`<h1>政策解读</h1>
<p>与政策文件相互关联的解读材料（文字、图解、视频）。每份文件的要点梳理见文件页的「解读」。</p>
${p.items.length ? p.items.map(interpretationCard) : html`<p class="empty">尚无已发布的政策解读。</p>`}
${pager('/interpretations', {}, p.total, limit, offset)}`,
  );
}

export async function qaListPage(store: Store, q: string, limit: number, offset: number): Promise<string> {
  const p = await qaPage(store, q ? { q } : {}, limit, offset);
  return page(
    { title: q ? `问答：${q}` : '政策问答' },
    html`<h1>政策问答</h1>
<form class="search" action="/qa" method="get" role="search"><label for="qa-q">检索问答</label>
<div class="row"><input id="qa-q" name="q" type="search" value="${q}" maxlength="100" placeholder="如 补助、罚款、禁火"><button type="submit">检索</button></div></form>
<p class="summary" role="status">共 <strong>${p.total}</strong> 条已审核的问答。</p>
${p.items.map(qaCard)}
${pager('/qa', { q: q || undefined }, p.total, limit, offset)}`,
  );
}

/** The 问答 facet of the search page: published answers matching the query, linked to the 问答 page. */
export async function qaFacet(store: Store, q: string): Promise<Html> {
  const words = q.trim();
  if (words === '' || words.length > 100) return html``;
  const p = await qaPage(store, { q: words }, 3, 0);
  if (p.total === 0) return html``;
  return html`<section class="qa-facet" aria-labelledby="qa-facet-h"><h2 id="qa-facet-h">问答（${p.total}）</h2>
<ul>${p.items.map((e) => html`<li><a href="/qa${query({ q: words })}#${e.id}">${e.question}</a></li>`)}</ul>
${p.total > 3 ? html`<p><a href="/qa${query({ q: words })}">全部 ${p.total} 条问答</a></p>` : ''}</section>`;
}

/** On the document page: its published 解读 and how many 问答 rest on it, linked to the 解读 tab. */
export async function documentEditorialLinks(store: Store, documentId: string, docPageUrl: string): Promise<Html> {
  const jd = await store.listInterpretations({ documentId, status: 'published' });
  const qa = await store.listQa({ documentId, status: 'published' });
  if (jd.length + qa.length === 0) return html``;
  return html`<section class="links" aria-labelledby="jd-links-h"><h2 id="jd-links-h">政策解读与问答</h2><ul>
${jd.map((r) => html`<li><a href="${docPageUrl}/interpret#${r.id}">${r.title}</a> <span class="meta">${r.form}</span></li>`)}
${qa.length ? html`<li><a href="${docPageUrl}/interpret#qa-h">常见问答 ${qa.length} 条</a></li>` : ''}
</ul></section>`;
}
