/**
 * HTTP hardening: absolute URLs come from the configured base URL, never from the Host header a
 * client sends (the feed and library.csv are publicly cacheable); Vary where a response depends
 * on a header; a rate limit on search and the API; HSTS over https.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildServer, rateLimitFromEnv } from '../src/server/app.js';
import type { Store } from '../src/store/store.js';
import { openSampleStore } from './fakes/sample-db.js';

let store: Store;
before(async () => {
  store = await openSampleStore();
});
after(async () => {
  await store.close();
});

const feedIds = (xml: string) => [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]!);

describe('absolute URLs', () => {
  test('no base URL configured: nothing from the Host header, relative links, and entry ids that do not depend on Host', async () => {
    const app = buildServer(store, { baseUrl: '' });
    try {
      const feedA = await app.inject({ url: '/feed.atom', headers: { host: 'evil.example' } });
      const feedB = await app.inject({ url: '/feed.atom', headers: { host: 'localhost:3000' } });
      assert.equal(feedA.statusCode, 200);
      assert.doesNotMatch(feedA.body, /evil\.example/);
      assert.deepEqual(feedIds(feedA.body), feedIds(feedB.body));
      assert.equal(feedA.body, feedB.body);
      assert.match(feedA.body, /<link rel="alternate" type="text\/html" href="\/doc\/[^"]+"\/>/);
      const csv = await app.inject({ url: '/library.csv?tab=repealed', headers: { host: 'evil.example' } });
      assert.equal(csv.statusCode, 200);
      assert.doesNotMatch(csv.body, /evil\.example/);
    } finally {
      await app.close();
    }
  });

  test('GONGBAO_BASE_URL (or the baseUrl option) makes every absolute URL; entry ids stay the same', async () => {
    const app = buildServer(store, { baseUrl: 'https://gb.wulong.gov.cn/' });
    const plain = buildServer(store, { baseUrl: '' });
    try {
      const feed = await app.inject({ url: '/feed.atom', headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
      assert.doesNotMatch(feed.body, /evil\.example/);
      assert.match(feed.body, /<link rel="self" type="application\/atom\+xml" href="https:\/\/gb\.wulong\.gov\.cn\/feed\.atom"\/>/);
      assert.match(feed.body, /href="https:\/\/gb\.wulong\.gov\.cn\/doc\//);
      const entryIds = (xml: string) => feedIds(xml).slice(1);
      assert.deepEqual(entryIds(feed.body), entryIds((await plain.inject('/feed.atom')).body));
      const csv = await app.inject({ url: '/library.csv?tab=repealed', headers: { host: 'evil.example' } });
      assert.match(csv.body, /,"https:\/\/gb\.wulong\.gov\.cn\/doc\//);
      assert.doesNotMatch(csv.body, /evil\.example/);
    } finally {
      await app.close();
      await plain.close();
    }
  });

  test('a base URL that is not http(s) is refused when the server is built', () => {
    assert.throws(() => buildServer(store, { baseUrl: 'javascript:alert(1)' }), /GONGBAO_BASE_URL/);
    assert.throws(() => buildServer(store, { baseUrl: 'gb.wulong.gov.cn' }), /GONGBAO_BASE_URL/);
  });
});

describe('Vary', () => {
  test('a response chosen by the Accept header (HTML or JSON error) says Vary: Accept', async () => {
    const app = buildServer(store, { baseUrl: '' });
    try {
      for (const accept of ['text/html', 'application/json']) {
        const res = await app.inject({ url: '/no/such/page', headers: { accept } });
        assert.equal(res.statusCode, 404);
        assert.match(String(res.headers.vary), /Accept/i, accept);
      }
    } finally {
      await app.close();
    }
  });
});

describe('rate limit', () => {
  test('search and the API answer 429 past the limit (per client); other pages are not limited', async () => {
    const app = buildServer(store, { baseUrl: '', rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await app.inject('/api/v1/search?q=禁火令')).statusCode, 200);
      const limited = await app.inject('/api/v1/documents');
      assert.equal(limited.statusCode, 429);
      assert.equal(JSON.parse(limited.body).error.code, 'rate-limited');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      const page = await app.inject({ url: '/search?q=禁火令', headers: { accept: 'text/html' } });
      assert.equal(page.statusCode, 429);
      assert.match(page.body, /<html/);
      const other = await app.inject({ url: '/search?q=x', remoteAddress: '10.0.0.9' });
      assert.equal(other.statusCode, 200, 'another client has its own budget');
      for (let i = 0; i < 5; i++) assert.equal((await app.inject('/issues')).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test('without the option there is no limit (tests and benchmarks are not throttled)', async () => {
    const app = buildServer(store, { baseUrl: '' });
    try {
      for (let i = 0; i < 50; i++) assert.equal((await app.inject('/api/v1/search?q=禁火令')).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test('serve takes the limit from GONGBAO_RATE_LIMIT: generous by default, 0 turns it off', () => {
    assert.deepEqual(rateLimitFromEnv({}), { max: 600, timeWindowMs: 60_000 });
    assert.deepEqual(rateLimitFromEnv({ GONGBAO_RATE_LIMIT: '120' }), { max: 120, timeWindowMs: 60_000 });
    assert.equal(rateLimitFromEnv({ GONGBAO_RATE_LIMIT: '0' }), null);
    assert.throws(() => rateLimitFromEnv({ GONGBAO_RATE_LIMIT: 'lots' }), /GONGBAO_RATE_LIMIT/);
  });
});

describe('HSTS', () => {
  test('sent over https (a trusted proxy saying X-Forwarded-Proto: https), never over plain http', async () => {
    const app = buildServer(store, { baseUrl: '', trustProxy: true });
    try {
      const https = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
      assert.match(String(https.headers['strict-transport-security']), /^max-age=\d{7,}/);
      const http = await app.inject({ url: '/' });
      assert.equal(http.headers['strict-transport-security'], undefined);
    } finally {
      await app.close();
    }
  });

  test('an untrusted X-Forwarded-Proto does not turn it on', async () => {
    const app = buildServer(store, { baseUrl: '' });
    try {
      const res = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(res.headers['strict-transport-security'], undefined);
    } finally {
      await app.close();
    }
  });
});
