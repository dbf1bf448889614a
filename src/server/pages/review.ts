/** 待核对: the fields the reader was unsure of, grouped by document, for an editor to check. */
import { reviewItems, type ReviewItem } from '../../domain/review.js';
import type { Store } from '../../store/store.js';
import { html } from '../html.js';
import { docUrl } from '../views/urls.js';
import { page } from './layout.js';

export async function reviewPage(store: Store): Promise<string> {
  const byDoc = new Map<string, { url: string; title: string; items: ReviewItem[] }>();
  for await (const d of store.allDocuments()) {
    const items = reviewItems(d);
    if (items.length > 0) byDoc.set(d.id, { url: docUrl(d.docNumber ?? d.id), title: d.title || '（无标题）', items });
  }
  const docs = [...byDoc.values()];
  return page(
    { title: '待核对' },
    html`<h1>待核对</h1>
<p>读取时没有把握的字段：没有找到或从残缺印刷中修复的文号、取自网页元数据的标题、未印出的成文日期。请对照原件核对。</p>
${docs.length === 0
  ? html`<p class="empty">没有需要核对的字段。</p>`
  : html`<ul class="docs">${docs.map(
      (d) => html`<li><a href="${d.url}">${d.title}</a><ul>${d.items.map((it) => html`<li>${it.message}</li>`)}</ul></li>`,
    )}</ul>`}`,
  );
}
