/** Home: the latest issue, counts by status and by kind, a search box. */
import type { Store } from '../../store/store.js';
import { html } from '../html.js';
import { toSummary } from '../views/documents.js';
import { stats } from '../views/issues.js';
import { libraryTotals } from '../views/library.js';
import { docList, page, searchForm, statusBadge, SITE } from './layout.js';
import { LEGAL_STATUSES, type LegalStatus } from '../../domain/types.js';

export async function homePage(store: Store): Promise<string> {
  const [s, lib] = await Promise.all([stats(store), libraryTotals(store)]);
  const latest = s.latestIssue;
  const latestDocs = latest ? (await store.listDocuments({ issueId: latest.id, limit: 8 })).items : [];
  const statuses = LEGAL_STATUSES.filter((st) => s.byStatus[st]);
  const kinds = Object.entries(s.byKind).sort((a, b) => b[1] - a[1]);
  return page(
    { title: '首页', active: '/', description: '政府公报与规范性文件的检索、效力状态与关联。' },
    html`<h1>${SITE}</h1>
<p class="lead">收录 ${s.issues} 期公报、${s.documents} 件文件，可按关键词、文号检索，并查看每件文件的效力状态和依据。</p>
${searchForm()}
<div class="grid">
<section aria-labelledby="latest-h">
<h2 id="latest-h">最新一期</h2>
${latest
  ? html`<p><a href="${latest.url}">${latest.title}</a>${latest.publishedOn ? html`，<time datetime="${latest.publishedOn}">${latest.publishedOn}</time> 出版` : ''}，共 ${latest.documentCount} 件文件。</p>
${docList(latestDocs.map(toSummary))}
${latest.documentCount > latestDocs.length ? html`<p><a href="${latest.url}">查看本期全部 ${latest.documentCount} 件文件及目录</a></p>` : ''}`
  : html`<p class="empty">尚未收录公报。</p>`}
</section>
<section aria-labelledby="status-h">
<h2 id="status-h">按效力状态</h2>
<p class="meta">本库收录全文的全部 ${s.documents} 件文件（含工作方案、通知等非规范性文件）：</p>
<ul class="counts">${statuses.map(
      (st: LegalStatus) => html`<li><a href="/documents?status=${encodeURIComponent(st)}">${statusBadge(st)}</a> <span class="n">${s.byStatus[st]}</span></li>`,
    )}</ul>
${s.repealedNotHeld ? html`<p>另有 <a href="/library?tab=repealed">${s.repealedNotHeld} 件已废止文件</a>仅见于废止决定等文件，本库未收录其全文。</p>` : ''}
<p><a href="/library">规范性文件库</a>只列规范性文件：现行有效 <a href="/library">${lib.current} 件</a>，失效/废止 <a href="/library?tab=repealed">${lib.repealed} 件</a>（含上述仅见于其他文件的已废止文件）。</p>
<h2 id="kind-h">按文种</h2>
<ul class="counts">${kinds.map(([k, n]) => html`<li><a href="/documents?kind=${encodeURIComponent(k)}">${k}</a> <span class="n">${n}</span></li>`)}</ul>
</section>
</div>`,
  );
}
