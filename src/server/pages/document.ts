/** Document page (by 文号 or id), the original-text view, and the page of a document known only by reference. */
import type { Store } from '../../store/store.js';
import type { DocumentDetailT, RelationLinkT, StatusInfoT } from '../api/schemas.js';
import { html, type Html } from '../html.js';
import { notFound } from '../http.js';
import { documentDetail, originalText, referenceDetail } from '../views/documents.js';
import { renderBody } from './document-body.js';
import { page, statusBadge } from './layout.js';

function statusSection(s: StatusInfoT): Html {
  return html`<section class="status" aria-labelledby="status-h">
<h2 id="status-h">效力状态</h2>
<p>${statusBadge(s.status)}${s.since ? html` <span>自 <time datetime="${s.since}">${s.since}</time></span>` : ''}</p>
${s.evidence.length
  ? html`<h3>依据</h3><ul class="evidence">${s.evidence.map(
      (e) => html`<li><blockquote>${e.quote}</blockquote><p class="meta">${e.url && e.docNumber ? html`<a href="${e.url}">${e.docNumber}</a>` : (e.docNumber ?? '')}${e.date ? html` · <time datetime="${e.date}">${e.date}</time>` : ''}</p></li>`,
    )}</ul>`
  : html`<p class="meta">${s.status === '未知' ? '尚未找到施行、废止或有效期的依据。' : ''}</p>`}
${s.corrections.length
  ? html`<h3>人工更正</h3><ul>${s.corrections.map((c) => html`<li>${statusBadge(c.status)} ${c.effectiveFrom ?? ''} ${c.author}：${c.reason}</li>`)}</ul>`
  : ''}
</section>`;
}

const VERB_OUT: Record<RelationLinkT['verb'], string> = { cites: '引用的文件', repeals: '本文件废止的文件', amends: '本文件修改的文件', replaces: '本文件替代的文件' };
const VERB_IN: Record<RelationLinkT['verb'], string> = { cites: '引用本文件的文件', repeals: '废止本文件的文件', amends: '修改本文件的文件', replaces: '替代本文件的文件' };

function relationList(links: RelationLinkT[], labels: Record<RelationLinkT['verb'], string>, cls: string): Html {
  const verbs = ['repeals', 'replaces', 'amends', 'cites'] as const;
  return html`${verbs.map((v) => {
    const ls = links.filter((l) => l.verb === v);
    if (ls.length === 0) return '';
    return html`<h3>${labels[v]}</h3><ul class="relations ${cls}-${v}">${ls.map(
      (l) => html`<li>${l.url ? html`<a href="${l.url}" data-rel="${cls}-${v}">${l.title ?? l.docNumber ?? l.otherId}</a>` : (l.title ?? l.docNumber)}${l.docNumber && l.title ? html` <span class="docno">${l.docNumber}</span>` : ''}${l.held ? '' : html` <span class="note">（本库未收录全文）</span>`}${l.date ? html` <time datetime="${l.date}">${l.date}</time>` : ''}${l.reason ? html`<br><span class="meta">理由：${l.reason}</span>` : ''}</li>`,
    )}</ul>`;
  })}`;
}

function metadata(d: DocumentDetailT): Html {
  const row = (term: string, value: Html | string | null) => (value ? html`<div><dt>${term}</dt><dd>${value}</dd></div>` : '');
  return html`<dl class="meta-list">
${row('发文机关', d.issuer)}
${row('发文字号', d.docNumber)}
${row('成文日期', d.signedOn ? html`<time datetime="${d.signedOn}">${d.signedOn}</time>` : null)}
${row('公开属性', d.publicity)}
${row('主送机关', d.addressees)}
${row('文种', d.kind)}
${row('规范性文件', d.normative ? html`${d.normative.normative ? '是' : '否'}${d.normative.reasons.length ? html` <span class="meta">（${d.normative.reasons.join('；')}）</span>` : ''}` : null)}
${row('刊载', d.issue ? html`<a href="${d.issue.url}">${d.issue.title}</a>${d.pages ? `，第${d.pages.from}–${d.pages.to}页` : ''}` : null)}
</dl>`;
}

function viewTabs(d: DocumentDetailT, original: boolean): Html {
  // #text: switching views lands on the text, not back at the top of a long metadata block.
  return html`<nav class="tabs" id="text" aria-label="文本视图"><ul>
<li><a href="${d.url}#text"${original ? '' : html` aria-current="page"`}>整理后的正文</a></li>
<li><a href="${d.url}?view=original#text"${original ? html` aria-current="page"` : ''}>原始提取文本</a></li>
<li><a href="${d.url}/interpret">解读</a></li>
</ul></nav>`;
}

export async function documentPage(store: Store, key: string, view: string | undefined): Promise<string> {
  const d = await documentDetail(store, key);
  if (!d) return referencePage(store, key);
  const original = view === 'original';
  const { outline, body } = renderBody(d);
  const text = original ? (await originalText(store, d.id))?.originalText ?? '' : '';
  const hasRelations = d.relations.outgoing.length + d.relations.incoming.length > 0;
  return page(
    { title: d.title, description: [d.docNumber, d.issuer, d.signedOn].filter(Boolean).join(' '), canonical: d.url },
    html`<article class="document">
<header>
<h1>${d.title}</h1>
<p>${statusBadge(d.status.status)}${d.docNumber ? html` <span class="docno">${d.docNumber}</span>` : ''}</p>
</header>
${metadata(d)}
${d.attachments.length
  ? html`<section aria-labelledby="att-h"><h2 id="att-h">附件</h2><ol class="attachments">${d.attachments.map(
      // Link only to attachments whose text the body carries (an omitted one was not printed).
      (a) => html`<li>${d.body.some((b) => b.attachment === a.number) ? html`<a href="#att-${a.number}">${a.title}</a>` : a.title}${a.omitted ? html` <span class="note">（略）</span>` : ''}</li>`,
    )}</ol></section>`
  : ''}
${statusSection(d.status)}
${hasRelations ? html`<section class="links" aria-labelledby="rel-h"><h2 id="rel-h">关联文件</h2>${relationList(d.relations.incoming, VERB_IN, 'in')}${relationList(d.relations.outgoing, VERB_OUT, 'out')}</section>` : ''}
${viewTabs(d, original)}
${original
  ? html`<section aria-labelledby="orig-h"><h2 id="orig-h">原始提取文本</h2><p class="meta">从公报版面提取的原样文字，保留页码、页眉、转页标记等痕迹。</p><pre class="original">${text}</pre></section>`
  : html`${outline}<section class="body" aria-labelledby="body-h"><h2 id="body-h">正文</h2>${body}</section>`}
</article>`,
  );
}

async function referencePage(store: Store, key: string): Promise<string> {
  const r = await referenceDetail(store, key);
  if (!r) throw notFound('document');
  const title = r.title ?? r.docNumber ?? r.id;
  return page(
    { title, canonical: r.url },
    html`<article class="document reference">
<header>
<h1>${title}</h1>
<p>${statusBadge(r.status.status)}${r.docNumber ? html` <span class="docno">${r.docNumber}</span>` : ''}</p>
</header>
<p class="notice">本库未收录该文件全文；以下信息来自引用或废止它的文件。</p>
${statusSection(r.status)}
<section class="links" aria-labelledby="rel-h"><h2 id="rel-h">关联文件</h2>${relationList(r.incoming, VERB_IN, 'in')}</section>
</article>`,
  );
}
