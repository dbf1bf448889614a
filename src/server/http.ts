/** HTTP plumbing shared by API and pages: JSON errors, ETag / conditional GET, cache headers. */
import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** An error with an HTTP status and a stable machine code, rendered as {error:{code,message}}. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** What a page says to a reader (the JSON message stays for programs). */
    readonly zh?: string,
  ) {
    super(message);
  }
}

const WHAT_ZH: Record<string, string> = { document: '文件', issue: '公报期次', unit: '单位', resource: '内容', reference: '文件' };

export const notFound = (what: string): HttpError => new HttpError(404, 'not-found', `${what} not found`, `没有找到这个${WHAT_ZH[what] ?? '内容'}。`);

/** Query parameters by the name a reader knows them. */
const PARAM_ZH: Record<string, string> = {
  q: '检索词', year: '年份', issuer: '发文机关', kind: '文种', status: '效力状态', limit: '每页条数', offset: '起始位置',
  tab: '分类', sort: '排序', from: '起始日期', to: '截止日期', field: '检索范围', indicator: '指标', unit: '单位',
};

/** A zod issue in Chinese: which parameter, and what it accepts. */
function issueZh(issue: z.core.$ZodIssue | undefined): string {
  const key = String(issue?.path[0] ?? '');
  const name = PARAM_ZH[key] ?? (key ? `参数 ${key}` : '查询参数');
  if (!issue) return `${name}有误。`;
  switch (issue.code) {
    case 'too_big': return `${name}超出范围（最大 ${String(issue.maximum)}）。`;
    case 'too_small': return `${name}超出范围（最小 ${String(issue.minimum)}）。`;
    case 'invalid_value': return `${name}只能是：${issue.values.map(String).join('、')}。`;
    case 'invalid_type': return `${name}格式不对${issue.expected === 'number' ? '，应为数字' : ''}。`;
    default: return `${name}格式不对。`;
  }
}

/** Parse input with a zod schema; a bad value is the client's mistake (400) naming the first bad field. */
function parseInput<T extends z.ZodType>(schema: T, input: unknown, whole: string, zh?: (issue: z.core.$ZodIssue | undefined) => string): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) {
    const first = r.error.issues[0];
    throw new HttpError(400, 'bad-request', `${first?.path.join('.') || whole}: ${first?.message ?? 'invalid'}`, zh?.(first));
  }
  return r.data;
}

/** Parse a query string with a zod schema; a bad value is the client's mistake (400), not ours. */
export const parseQuery = <T extends z.ZodType>(schema: T, query: unknown): z.output<T> => parseInput(schema, query, 'query', issueZh);

/** Parse a JSON request body (or a form) with a zod schema. */
export const parseBody = <T extends z.ZodType>(schema: T, body: unknown): z.output<T> => parseInput(schema, body, 'body');

const wantsHtml = (req: FastifyRequest): boolean => !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');

export type SendError = (req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string, zh?: string) => FastifyReply;

/** A reader's words for an error that carries none of its own. */
function defaultZh(status: number, req: FastifyRequest): string {
  if (status === 404) return `没有这个页面：${req.url.split('?')[0]}`;
  if (status === 431 || status === 414) return '网址太长。';
  return status < 500 ? '请求的网址有误。' : '服务器出错了，请稍后再试。';
}

/** Error rendering: JSON for the API and non-browser clients, an HTML page (in Chinese) for browsers. */
export function errorSender(htmlError: (status: number, message: string) => string): SendError {
  return (req, reply, status, code, message, zh) => {
    reply.code(status).header('cache-control', 'no-store');
    // HTML or JSON by the Accept header: a cache must key on it.
    if (!req.url.startsWith('/api/')) reply.header('vary', 'Accept');
    if (wantsHtml(req)) return reply.type('text/html; charset=utf-8').send(htmlError(status, zh ?? defaultZh(status, req)));
    return reply.type('application/json; charset=utf-8').send({ error: { code, message } });
  };
}

export function installErrorHandling(app: FastifyInstance, send: SendError): void {
  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) return send(req, reply, err.statusCode, err.code, err.message, err.zh);
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error(err);
    return send(req, reply, status, status === 500 ? 'internal' : 'bad-request', status === 500 ? 'internal server error' : err.message);
  });
  app.setNotFoundHandler((req, reply) => send(req, reply, 404, 'not-found', `no route for ${req.method} ${req.url.split('?')[0]}`));
}

/**
 * A weak ETag from the body of every successful GET, and 304 when the client already has it.
 * Routes set their own Cache-Control; the default lets shared caches keep pages for a minute.
 */
export function installConditionalGet(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `W/"${createHash('sha1').update(payload).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'public, max-age=60');
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}

/**
 * Errors Node's parser raises before a request exists (headers past 64 KB: a URL pasted whole).
 * Fastify would answer a bare JSON 431; we answer the Chinese page, or the API's JSON error shape
 * when the bytes Node hands over still show the request line naming /api/ (a long URL's are a later chunk).
 */
export function clientErrorHandler(htmlError: (status: number, message: string) => string) {
  return (error: Error, socket: import('node:net').Socket): void => {
    const err = error as NodeJS.ErrnoException & { rawPacket?: unknown };
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const overflow = err.code === 'HPE_HEADER_OVERFLOW';
    const status = overflow ? 431 : 400;
    const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket : Buffer.alloc(0);
    const firstLine = raw.subarray(0, 200).toString('latin1').split('\r\n')[0] ?? '';
    const api = /^\S+ \/api\//.test(firstLine);
    const message = overflow ? '网址太长：检索词过长或链接不完整。请缩短检索词（只按前 200 个字检索）后重试。' : '请求的格式有误。';
    const body = api
      ? JSON.stringify({ error: { code: overflow ? 'too-large' : 'bad-request', message: overflow ? 'request headers too large' : 'bad request' } })
      : htmlError(status, message);
    const type = api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${status} ${overflow ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: ${type}\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(err);
  };
}
