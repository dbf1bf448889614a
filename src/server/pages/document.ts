/** Document page (by 文号 or id), the original-text view, and the page of a document known only by reference. */
import type { Store } from '../../store/store.js';
import type { DocumentDetailT, ReferenceDetailT, RelationLinkT, StatusInfoT } from '../api/schemas.js';
import { html, query, type Html } from '../html.js';
import { notFound } from '../http.js';
import { documentDetail, notedBy, originalText, referenceDetail } from '../views/documents.js';
import { renderBody } from './document-body.js';
import { documentEditorialLinks } from './editorial.js';
import { docList, errorPage, page, statusBadge } from './layout.js';
import { similarDocNumbers } from '../views/lookup.js';

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

/**
 * An outgoing citation's date is the citing document's own 成文日期, not a fact about the cited
 * one: it is left out there (incoming, it dates the citing document, which is right).
 */
function relationList(links: RelationLinkT[], labels: Record<RelationLinkT['verb'], string>, cls: 'in' | 'out'): Html {
  const verbs = ['repeals', 'replaces', 'amends', 'cites'] as const;
  return html`${verbs.map((v) => {
    const ls = links.filter((l) => l.verb === v);
    if (ls.length === 0) return '';
    return html`<h3>${labels[v]}</h3><ul class="relations ${cls}-${v}">${ls.map(
      (l) => html`<li>${l.url ? html`<a href="${l.url}" data-rel="${cls}-${v}">${l.title ?? l.docNumber ?? l.otherId}</a>` : (l.title ?? l.docNumber)}${l.docNumber && l.title ? html` <span class="docno">${l.docNumber}</span>` : ''}${l.held ? '' : html` <span class="note">（本库未收录全文）</span>`}${l.date && !(cls === 'out' && l.verb === 'cites') ? html` <time datetime="${l.date}">${l.date}</time>` : ''}${l.reason ? html`<br><span class="meta">理由：${l.reason}</span>` : ''}</li>`,
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
${row('原始文件', d.source ? sourceLinks(d.source) : null)}
</dl>`;
}

/** The received file (name, SHA-256 of its bytes) and the text extracted from it, downloadable. */
function sourceLinks(src: NonNullable<DocumentDetailT['source']>): Html {
  return html`${src.file ? html`<span class="file">${src.file}</span>` : ''}${src.fileSha256 ? html` <span class="meta">SHA-256 <code class="hash">${src.fileSha256}</code></span>` : ''}
<br><a href="${src.textUrl}" download>下载原文（从公报文件提取的文本，UTF-8）</a> <span class="meta">SHA-256 <code class="hash">${src.textSha256}</code></span>`;
}

/** 首页 › 公报 › 期次 › 本文件: where the reader is, and the way back up. */
export function breadcrumbs(trail: Array<[string, string | null]>): Html {
  return html`<nav class="crumbs" aria-label="位置"><ol>${trail.map(
    ([label, href], i) => html`<li>${href && i < trail.length - 1 ? html`<a href="${href}">${label}</a>` : html`<span aria-current="page">${label}</span>`}</li>`,
  )}</ol></nav>`;
}

function viewTabs(d: DocumentDetailT, original: boolean): Html {
  // #text: switching views lands on the text, not back at the top of a long metadata block.
  return html`<nav class="tabs" id="text" aria-label="文本视图"><ul>
<li><a href="${d.url}#text"${original ? '' : html` aria-current="page"`}>整理后的正文</a></li>
<li><a href="${d.url}?view=original#text"${original ? html` aria-current="page"` : ''}>原始提取文本</a></li>
<li><a href="${d.url}/interpret">解读</a></li>
</ul></nav>`;
}

/** /doc/<key> for a key nothing answers to: say so, and offer the nearest 文号 and a search. */
export async function docNotFoundPage(store: Store, key: string): Promise<string> {
  const near = await similarDocNumbers(store, key);
  return errorPage(
    404,
    `本库没有文号或编号为「${key}」的文件，也没有文件引用或废止它。`,
    near.length ? html`<h2>相近的文号</h2>${docList(near)}` : html`<p><a href="/search${query({ q: key })}">按「${key}」全文检索</a></p>`,
  );
}

/** `note`: why this document answers a different 文号 (a variant the 目录 prints). */
export async function documentPage(store: Store, key: string, view: string | undefined, note: string | null = null): Promise<string> {
  const d = await documentDetail(store, key);
  if (!d) return referencePage(store, key, note);
  const original = view === 'original';
  const { outline, body } = renderBody(d);
  const text = original ? (await originalText(store, d.id))?.originalText ?? '' : '';
  const hasRelations = d.relations.outgoing.length + d.relations.incoming.length > 0;
  return page(
    { title: d.title, description: [d.docNumber, d.issuer, d.signedOn].filter(Boolean).join(' '), canonical: d.url },
    html`${breadcrumbs([['首页', '/'], ...(d.issue ? ([['公报', '/issues'], [d.issue.title, d.issue.url]] as Array<[string, string]>) : [['文件', '/documents'] as [string, string]]), [d.docNumber ?? d.title, null]])}
<article class="document">
<header>
<h1>${d.title}</h1>
<p>${statusBadge(d.status.status)}${d.docNumber ? html` <span class="docno">${d.docNumber}</span>` : ''}</p>
</header>
${note ? html`<p class="notice">${note}</p>` : ''}
${metadata(d)}
${d.attachments.length
  ? html`<section aria-labelledby="att-h"><h2 id="att-h">附件</h2><ol class="attachments">${d.attachments.map(
      // Link only to attachments whose text the body carries (an omitted one was not printed).
      (a) => html`<li>${d.body.some((b) => b.attachment === a.number) ? html`<a href="#att-${a.number}">${a.title}</a>` : a.title}${a.omitted ? html` <span class="note">（略）</span>` : ''}</li>`,
    )}</ol></section>`
  : ''}
${statusSection(d.status)}
${hasRelations ? html`<section class="links" aria-labelledby="rel-h"><h2 id="rel-h">关联文件</h2>${relationList(d.relations.incoming, VERB_IN, 'in')}${relationList(d.relations.outgoing, VERB_OUT, 'out')}</section>` : ''}
${await documentEditorialLinks(store, d.id, d.url)}
${viewTabs(d, original)}
${original
  ? html`<section aria-labelledby="orig-h"><h2 id="orig-h">原始提取文本</h2><p class="meta">从公报版面提取的原样文字，保留页码、页眉、转页标记等痕迹。</p><pre class="original">${text}</pre></section>`
  : html`${outline}<section class="body" aria-labelledby="body-h"><h2 id="body-h">正文</h2>${body}</section>`}
</article>`,
  );
}

/** What the referring texts tell about a document we do not hold: the repeal's date and author. */
function referenceFacts(r: ReferenceDetailT): Html {
  const repeal = r.incoming.find((l) => l.verb === 'repeals');
  const noted = repeal ? null : notedBy(r.incoming);
  const ended = r.status.status === '已废止' || r.status.status === '已失效';
  const row = (term: string, value: Html | string | null) => (value ? html`<div><dt>${term}</dt><dd>${value}</dd></div>` : '');
  return html`<dl class="meta-list">
${row('发文字号', r.docNumber ? html`<span class="docno">${r.docNumber}</span>` : null)}
${row('成文日期', '未知（本库未收录全文）')}
${row('废止日期', ended ? (r.status.since ? html`<time datetime="${r.status.since}">${r.status.since}</time>` : '未载明') : null)}
${row('废止文件', repeal ? html`<a href="${repeal.url ?? ''}">${repeal.docNumber ?? repeal.title ?? '废止决定'}</a>` : noted ? html`未载明（<a href="${noted.url}">${noted.docNumber ?? '其他文件'}</a>称其已废止）` : null)}
</dl>`;
}

async function referencePage(store: Store, key: string, note: string | null): Promise<string> {
  const r = await referenceDetail(store, key);
  if (!r) throw notFound('document');
  const title = r.title ?? r.docNumber ?? r.id;
  return page(
    { title, canonical: r.url },
    html`${breadcrumbs([['首页', '/'], ['规范性文件库', '/library'], [r.docNumber ?? title, null]])}
<article class="document reference">
<header>
<h1>${title}</h1>
<p>${statusBadge(r.status.status)}${r.docNumber ? html` <span class="docno">${r.docNumber}</span>` : ''}</p>
</header>
${note ? html`<p class="notice">${note}</p>` : ''}
<p class="notice">本库未收录该文件全文；以下信息来自引用或废止它的文件。</p>
${referenceFacts(r)}
${statusSection(r.status)}
<section class="links" aria-labelledby="rel-h"><h2 id="rel-h">关联文件</h2>${relationList(r.incoming, VERB_IN, 'in')}</section>
</article>`,
  );
}
