/**
 * /admin: the editors' forms. Sign-in trades the token for a session cookie; every POST needs
 * that session and the form's CSRF token, and names its author. Writes go through writes.ts,
 * which records each in the audit log; the answer is a 303 back to the workbench.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import { saveCandidates, draftQa } from '../../status/drafts.js';
import { HttpError, parseBody } from '../http.js';
import { adminMessagePage, adminPage, loginPage } from '../pages/admin.js';
import { cookieValue, SESSION_COOKIE, type AdminAuth } from './auth.js';
import { CorrectionBody, InterpretationBody, QaReviewBody, writes } from './writes.js';

type Form = Record<string, string>;
const lines = (s: string | undefined) => (s ?? '').split(/\r?\n/).map((x) => x.trim()).filter(Boolean);

export function registerAdminPortal(app: FastifyInstance, store: Store, auth: AdminAuth): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1_048_576 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const send = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
  const disabled = (reply: FastifyReply) => send(reply, 403, adminMessagePage('编辑功能未开启', '本站未设置编辑口令（GONGBAO_ADMIN_TOKEN），所有修改均被拒绝。'));
  const session = (req: FastifyRequest) => {
    const s = cookieValue(req.headers.cookie, SESSION_COOKIE);
    return s && auth.checkSession(s) ? s : null;
  };
  /** The checks every form post passes: writes enabled, a live session, its CSRF token. */
  const guard = (req: FastifyRequest<{ Body: Form }>, reply: FastifyReply): boolean => {
    if (!auth.enabled) return void disabled(reply), false;
    const s = session(req);
    if (!s) return void send(reply, 401, loginPage('请先登录（会话已过期或未登录）。')), false;
    if (!auth.checkCsrf(s, req.body?.csrf)) return void send(reply, 403, adminMessagePage('表单已失效', '表单校验失败（CSRF），请回到编辑工作台重新提交。')), false;
    return true;
  };
  const back = (reply: FastifyReply, done: string) => reply.code(303).header('cache-control', 'no-store').redirect(`/admin?done=${encodeURIComponent(done)}`, 303);
  const attempt = async (reply: FastifyReply, fn: () => Promise<string>) => {
    try {
      return back(reply, await fn());
    } catch (err) {
      if (err instanceof HttpError) return send(reply, err.statusCode, adminMessagePage('未能保存', err.message));
      throw err;
    }
  };

  app.get<{ Querystring: { done?: string; qa?: string; edit?: string } }>('/admin', async (req, reply) => {
    if (!auth.enabled) return disabled(reply);
    const s = session(req);
    if (!s) return send(reply, 200, loginPage());
    const one = async <T>(id: unknown, get: (id: string) => Promise<T | null>) => (typeof id === 'string' && id ? await get(id) : null);
    // ?qa=<id> / ?edit=<id>: a published (or rejected) record opened for editing beside the queue.
    const openQa = await one(req.query.qa, (id) => store.getQa(id));
    const openJd = await one(req.query.edit, (id) => store.getInterpretation(id));
    const queue = [...(openQa ? [openQa] : []), ...(await store.listQa({ status: ['draft', '待更新'] })).filter((e) => e.id !== openQa?.id)];
    const editing = [...(openJd ? [openJd] : []), ...(await store.listInterpretations({ status: '待更新' })).filter((r) => r.id !== openJd?.id)];
    const done = typeof req.query.done === 'string' ? req.query.done.slice(0, 100) : undefined;
    return send(reply, 200, adminPage({
      csrf: auth.csrfFor(s), ...(done ? { done } : {}), queue, editing,
      published: { qa: await store.listQa({ status: ['published', 'rejected'] }), interpretations: await store.listInterpretations({ status: ['published', 'draft', 'rejected'] }) },
      audit: await store.listAudit(50),
    }));
  });

  app.post<{ Body: Form }>('/admin/login', async (req, reply) => {
    if (!auth.enabled) return disabled(reply);
    if (!auth.checkToken(req.body?.token)) return send(reply, 401, loginPage('口令不正确。'));
    const secure = req.protocol === 'https' ? '; Secure' : '';
    reply.header('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(auth.newSession())}; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800${secure}`);
    return back(reply, '登录');
  });

  app.post<{ Body: Form }>('/admin/logout', async (req, reply) => {
    if (!guard(req, reply)) return reply;
    reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    return reply.code(303).redirect('/admin', 303);
  });

  app.post<{ Body: Form; Params: { id: string } }>('/admin/qa/:id', async (req, reply) => {
    if (!guard(req, reply)) return reply;
    return attempt(reply, async () => {
      const e = await writes.reviewQa(store, req.params.id, parseBody(QaReviewBody, req.body));
      return `问答「${e.question}」${e.status === 'published' ? '已发布' : e.status === 'rejected' ? '不予采用' : '已修改，待再审'}`;
    });
  });

  app.post<{ Body: Form }>('/admin/qa-suggest', async (req, reply) => {
    if (!guard(req, reply)) return reply;
    return attempt(reply, async () => `新增问答草稿${await saveCandidates(store, await draftQa(store))}条`);
  });

  app.post<{ Body: Form }>('/admin/interpretations', async (req, reply) => {
    if (!guard(req, reply)) return reply;
    const b = req.body;
    return attempt(reply, async () => {
      const input = { ...b, media: lines(b.media), documents: lines(b.documents), date: b.date || null, ...(b.id ? {} : { id: undefined }) };
      const r = await writes.saveInterpretation(store, parseBody(InterpretationBody, input));
      return `政策解读「${r.title}」已保存`;
    });
  });

  app.post<{ Body: Form }>('/admin/corrections', async (req, reply) => {
    if (!guard(req, reply)) return reply;
    return attempt(reply, async () => {
      const r = await writes.correct(store, req.body.document ?? '', parseBody(CorrectionBody, { ...req.body, from: req.body.from || null }));
      return `${r.documentId} 的效力状态已更正为${r.status ?? ''}`;
    });
  });
}
