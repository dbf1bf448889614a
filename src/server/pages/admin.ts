/**
 * The editors' pages: sign-in with the admin token, then the review queue (问答 drafts and
 * everything 待更新, with their evidence), the 解读 form, the status correction form and the
 * audit log. Plain forms that post back here; every form carries the session's CSRF token.
 */
import { EDITORIAL_STATUSES, INTERPRETATION_FORMS, type AuditEntry, type InterpretationRecord, type QaEntry, type StaleMark } from '../../store/editorial.js';
import { LEGAL_STATUSES } from '../../domain/types.js';
import { html, type Html } from '../html.js';
import { docUrl } from '../views/urls.js';
import { page } from './layout.js';

const csrfField = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}">`;
const authorField = (id: string) => html`<label for="${id}">编辑人（记入操作记录）</label><input id="${id}" name="author" required maxlength="60" autocomplete="name">`;

export function adminMessagePage(title: string, message: string): string {
  return page({ title }, html`<h1>${title}</h1><p class="notice">${message}</p>`);
}

export function loginPage(error?: string): string {
  return page(
    { title: '编辑登录' },
    html`<h1>编辑登录</h1>
${error ? html`<p class="notice" role="alert">${error}</p>` : ''}
<form class="admin" method="post" action="/admin/login">
<label for="token">编辑口令（GONGBAO_ADMIN_TOKEN）</label>
<input id="token" name="token" type="password" required autocomplete="current-password">
<button type="submit">登录</button>
</form>`,
  );
}

function staleNote(s: StaleMark | null): Html {
  if (!s) return html``;
  return html`<div class="stale" role="note"><p><strong>待更新</strong>：所依据的文件 <a href="${docUrl(s.documentId)}">${s.documentId}</a> 已为「${s.status}」${s.since ? `（自${s.since}）` : ''}。</p>
${s.evidence.length ? html`<ul>${s.evidence.map((e) => html`<li><blockquote>${e.quote}</blockquote><span class="meta">${e.docNumber ?? ''} ${e.date ?? ''}</span></li>`)}</ul>` : ''}</div>`;
}

function qaForm(e: QaEntry, csrf: string): Html {
  const f = `qa-${e.id}`;
  return html`<article class="qa-review" id="${f}" data-status="${e.status}">
<h3>${e.question}</h3>
<p class="meta">状态：${e.status}${e.unit ? ` · 答复单位：${e.unit}` : ''}</p>
${staleNote(e.stale)}
${e.clauses.map((c) => html`<blockquote class="clause">${c.quote}<br><a class="meta" href="${docUrl(c.documentId)}#b${c.paragraph}">${c.docNumber ?? c.documentId} 第${c.paragraph + 1}段</a></blockquote>`)}
<form class="admin" method="post" action="/admin/qa/${encodeURIComponent(e.id)}">
${csrfField(csrf)}
<label for="${f}-q">问题</label><textarea id="${f}-q" name="question" rows="2" required maxlength="500">${e.question}</textarea>
<label for="${f}-a">答复</label><textarea id="${f}-a" name="answer" rows="4" required maxlength="5000">${e.answer}</textarea>
${authorField(`${f}-author`)}
<div class="row"><button name="action" value="approve">通过并发布</button> <button name="action" value="edit">保存修改（待再审）</button> <button name="action" value="reject">不予采用</button></div>
</form>
</article>`;
}

function interpretationForm(csrf: string, r?: InterpretationRecord): Html {
  const f = r ? `jd-${r.id}` : 'jd-new';
  return html`<form class="admin" method="post" action="/admin/interpretations" id="${f}">
${csrfField(csrf)}
${r ? html`<input type="hidden" name="id" value="${r.id}">${staleNote(r.stale)}` : ''}
<label for="${f}-title">标题</label><input id="${f}-title" name="title" required maxlength="200" value="${r?.title ?? ''}" placeholder="《……》政策解读">
<label for="${f}-body">解读正文</label><textarea id="${f}-body" name="body" rows="6" required>${r?.body ?? ''}</textarea>
<label for="${f}-form">形式</label><select id="${f}-form" name="form">${INTERPRETATION_FORMS.map((x) => html`<option${r?.form === x ? html` selected` : ''}>${x}</option>`)}</select>
<label for="${f}-media">图片或视频链接（每行一个）</label><textarea id="${f}-media" name="media" rows="2">${r?.media.join('\n') ?? ''}</textarea>
<label for="${f}-date">发布日期</label><input id="${f}-date" name="date" type="date" value="${r?.date ?? ''}">
<label for="${f}-docs">所解读的文件（文号，每行一个）</label><textarea id="${f}-docs" name="documents" rows="2">${r?.documentIds.join('\n') ?? ''}</textarea>
<label for="${f}-status">状态</label><select id="${f}-status" name="status">${EDITORIAL_STATUSES.filter((s) => s !== '待更新').map((x) => html`<option${(r ? r.status === '待更新' ? 'published' : r.status : 'published') === x ? html` selected` : ''}>${x}</option>`)}</select>
${authorField(`${f}-author`)}
<button type="submit">${r ? '保存' : '发布解读'}</button>
</form>`;
}

export interface AdminModel {
  readonly csrf: string;
  readonly done?: string;
  readonly queue: QaEntry[];
  /** 解读 open for editing: the one asked for, then every 待更新 one. */
  readonly editing: InterpretationRecord[];
  /** Records already decided, each a link that opens it for editing. */
  readonly published: { readonly qa: QaEntry[]; readonly interpretations: InterpretationRecord[] };
  readonly audit: AuditEntry[];
}

export function adminPage(m: AdminModel): string {
  return page(
    { title: '编辑工作台' },
    html`<h1>编辑工作台</h1>
${m.done ? html`<p class="notice" role="status">已完成：${m.done}</p>` : ''}
<form class="admin inline" method="post" action="/admin/logout">${csrfField(m.csrf)}<button type="submit">退出</button></form>
<section aria-labelledby="queue-h"><h2 id="queue-h">问答审核（${m.queue.length}）</h2>
<form class="admin inline" method="post" action="/admin/qa-suggest">${csrfField(m.csrf)}<button type="submit">从规范性文件生成问答草稿</button></form>
${m.queue.length ? m.queue.map((e) => qaForm(e, m.csrf)) : html`<p class="empty">没有待审核的问答。</p>`}
${m.published.qa.length ? html`<details><summary>已处理的问答（${m.published.qa.length}）</summary><ul>${m.published.qa.map((e) => html`<li><a href="/admin?qa=${encodeURIComponent(e.id)}#qa-${e.id}">${e.question}</a> <span class="meta">${e.status}</span></li>`)}</ul></details>` : ''}
</section>
<section aria-labelledby="jd-h"><h2 id="jd-h">政策解读</h2>
${m.editing.map((r) => html`<h3>${r.title}</h3>${interpretationForm(m.csrf, r)}`)}
${m.published.interpretations.length ? html`<details><summary>全部政策解读（${m.published.interpretations.length}）</summary><ul>${m.published.interpretations.map((r) => html`<li><a href="/admin?edit=${encodeURIComponent(r.id)}#jd-${r.id}">${r.title}</a> <span class="meta">${r.status}</span></li>`)}</ul></details>` : ''}
<h3>新建政策解读</h3>
${interpretationForm(m.csrf)}
</section>
<section aria-labelledby="corr-h"><h2 id="corr-h">效力状态更正</h2>
<form class="admin" method="post" action="/admin/corrections" id="correction">
${csrfField(m.csrf)}
<label for="corr-doc">文号</label><input id="corr-doc" name="document" required maxlength="100">
<label for="corr-status">状态</label><select id="corr-status" name="status">${LEGAL_STATUSES.map((s) => html`<option>${s}</option>`)}</select>
<label for="corr-from">自（可选）</label><input id="corr-from" name="from" type="date">
<label for="corr-reason">理由</label><input id="corr-reason" name="reason" required maxlength="500">
${authorField('corr-author')}
<button type="submit">记录更正</button>
</form>
</section>
<section aria-labelledby="audit-h"><h2 id="audit-h">操作记录</h2>
<table class="audit"><thead><tr><th>时间</th><th>编辑人</th><th>操作</th><th>对象</th></tr></thead><tbody>
${m.audit.map((a) => html`<tr><td><time datetime="${a.at}">${a.at.replace('T', ' ').slice(0, 19)}</time></td><td>${a.author}</td><td>${a.action}</td><td>${a.target}</td></tr>`)}
</tbody></table>
</section>`,
  );
}
