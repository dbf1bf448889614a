/** 指标: each work-report indicator year by year — what was promised, what was achieved, the verdict, the evidence. */
import type { Store } from '../../store/store.js';
import type { IndicatorTimelineT, TargetRowT } from '../api/schemas.js';
import { html, type Html } from '../html.js';
import { indicatorPage } from '../views/registers.js';
import { page, pager } from './layout.js';

const MEASURE: Record<TargetRowT['measure'], string> = { growth: '增长', decline: '下降', level: '', share: '', points: '', count: '' };
const VERDICT = {
  met: html`<span class="badge badge-ok">完成</span>`,
  missed: html`<span class="badge badge-ended">未完成</span>`,
  unknown: html`<span class="badge badge-unknown">无法比较</span>`,
} as const;

/** 增长6%左右, 265.94亿元: as a report prints it. */
export const figureText = (t: TargetRowT): string => `${MEASURE[t.measure]}${t.value}${t.unit}${t.qualifier ?? ''}`;

/** One figure with its evidence: the clause it was read from and the document it is in. */
function figures(list: TargetRowT[]): Html {
  if (list.length === 0) return html`<span class="meta">—</span>`;
  return html`<ul class="figures">${list.map(
    (t) => html`<li><strong>${figureText(t)}</strong>
<blockquote class="quote">${t.quote}</blockquote>
<a class="meta" href="${t.url}">${t.docNumber ?? t.documentTitle ?? '原文'}</a></li>`,
  )}</ul>`;
}

function timeline(t: IndicatorTimelineT, i: number): Html {
  const id = `ind-${i}`;
  return html`<section class="indicator" aria-labelledby="${id}">
<h2 id="${id}"><a href="${t.url}">${t.indicator}</a></h2>
<div class="table-wrap"><table class="stack indicators">
<caption class="sr-only">${t.indicator}：各年目标与实际</caption>
<thead><tr><th scope="col">年份</th><th scope="col">目标（承诺）</th><th scope="col">实际（结果）</th><th scope="col">结论</th></tr></thead>
<tbody>${t.years.map(
    (y) => html`<tr>
<th scope="row" data-label="年份">${y.year}年</th>
<td data-label="目标">${figures(y.promises)}</td>
<td data-label="实际">${figures(y.outcomes)}</td>
<td data-label="结论">${y.verdict ? VERDICT[y.verdict] : html`<span class="meta">—</span>`}</td>
</tr>`,
  )}</tbody></table></div>
</section>`;
}

export async function indicatorsPage(store: Store, q: { indicator?: string | undefined; year?: number | undefined; limit: number; offset: number }): Promise<string> {
  const p = await indicatorPage(store, q, q.limit, q.offset);
  const only = q.indicator !== undefined;
  return page(
    { title: only ? `指标：${p.items[0]?.indicator ?? q.indicator}` : '指标', active: '/indicators', description: '政府工作报告中的预期目标与完成情况，逐年对照。' },
    html`${only ? html`<nav class="crumbs" aria-label="位置"><a href="/indicators">指标</a> › ${p.items[0]?.indicator ?? q.indicator}</nav>` : ''}
<h1>指标：目标与实际</h1>
<p>政府工作报告每年提出预期目标，次年报告回顾完成情况。下表逐年对照同一指标的目标与实际，单位和口径一致时给出结论；每个数字都附有报告原句和原文链接，供核对。</p>
<p class="summary">共 ${p.total} 项指标${q.year !== undefined ? `（含 ${q.year} 年数据）` : ''}。</p>
${p.items.length === 0 ? html`<p class="empty">还没有从政府工作报告中读出的指标。</p>` : p.items.map((t, i) => timeline(t, q.offset + i))}
${pager('/indicators', { indicator: q.indicator, year: q.year }, p.total, p.limit, p.offset)}`,
  );
}
