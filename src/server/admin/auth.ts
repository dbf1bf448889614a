/**
 * The editors' key: GONGBAO_ADMIN_TOKEN. Without it every write is refused. The API takes it as
 * `Authorization: Bearer <token>`; the portal exchanges it once for a signed session cookie
 * (HttpOnly, SameSite=Strict) and every form carries a CSRF token derived from that session.
 * Every comparison is constant-time (digests of equal length through timingSafeEqual).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'gongbao_admin';
const SESSION_HOURS = 8;

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

export interface AdminAuth {
  /** False when no token is configured: then every write is refused. */
  readonly enabled: boolean;
  /** The presented token is the configured one. */
  checkToken(presented: string | undefined): boolean;
  /** A new session cookie value. */
  newSession(now?: number): string;
  /** The session cookie is ours and not expired. */
  checkSession(cookie: string | undefined, now?: number): boolean;
  /** The CSRF token forms of this session carry. */
  csrfFor(session: string): string;
  checkCsrf(session: string, presented: string | undefined): boolean;
}

export function adminAuth(token: string | undefined = process.env.GONGBAO_ADMIN_TOKEN): AdminAuth {
  const key = token?.trim() ?? '';
  const enabled = key !== '';
  const mac = (what: string) => createHmac('sha256', key).update(what).digest('base64url');
  return {
    enabled,
    checkToken: (presented) => enabled && typeof presented === 'string' && same(presented.trim(), key),
    newSession: (now = Date.now()) => {
      const body = `${now}.${randomBytes(18).toString('base64url')}`;
      return `${body}.${mac(`session:${body}`)}`;
    },
    checkSession: (cookie, now = Date.now()) => {
      if (!enabled || !cookie) return false;
      const at = cookie.lastIndexOf('.');
      if (at < 0) return false;
      const body = cookie.slice(0, at);
      const issued = Number(body.split('.')[0]);
      return same(cookie.slice(at + 1), mac(`session:${body}`)) && Number.isFinite(issued) && now - issued < SESSION_HOURS * 3_600_000 && now >= issued;
    },
    csrfFor: (session) => mac(`csrf:${session}`),
    checkCsrf: (session, presented) => enabled && typeof presented === 'string' && same(presented, mac(`csrf:${session}`)),
  };
}

/** The bearer token of an API request. */
export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return m?.[1];
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
