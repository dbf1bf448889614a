/**
 * Counts that agree and say what they count (home page, 规范性文件库, cleanup report), known-by-
 * reference documents with the facts the referring text gives, and 文号 in numeric order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { compareDocNumbers } from '../src/domain/doc-number.js';
import { cleanupReport } from '../src/status/cleanup.js';
import { loadWorld } from '../src/status/recompute.js';
import type { Store } from '../src/store/store.js';
import { withSampleServer } from './fakes/sample-db.js';

const enc = encodeURIComponent;
let store: Store;
let app: FastifyInstance;
type Row = { docNumber: string | null; held: boolean; since: string | null; signedOn: string | null; repealedBy: unknown; statedBy: { docNumber: string } | null };
const api = async (url: string) => JSON.parse((await app.inject(url)).body);
const html = async (url: string) => (await app.inject({ url, headers: { accept: 'text/html' } })).body;

withSampleServer((s, a) => {
  store = s;
  app = a;
});

test('the library, the home page and the cleanup report count the repealed documents alike', async () => {
  const repealed = await api('/api/v1/library?tab=repealed&limit=500');
  const current = await api('/api/v1/library?limit=500');
  const report = cleanupReport(await loadWorld(store), '2026-01-01');
  assert.equal(repealed.total, report.repealed.length);
  assert.equal(repealed.total, 45);
  assert.equal((await api('/api/v1/stats')).repealedNotHeld, repealed.total - repealed.held);
  const home = await html('/');
  const documents = (await api('/api/v1/stats')).documents as number;
  assert.match(home, new RegExp(`本库收录全文的全部 ${documents} 件文件（含工作方案、通知等非规范性文件）`));
  assert.match(home, new RegExp(`规范性文件库</a>只列规范性文件：现行有效 <a href="/library">${current.total} 件</a>，失效/废止 <a href="/library\\?tab=repealed">${repealed.total} 件</a>`));
  assert.match(await html('/library?tab=repealed'), new RegExp(`共 ${repealed.total} 件（本库收录全文的规范性文件 ${repealed.held} 件`));
});

test('a document that only states another was repealed is not named its repealer', async () => {
  const rows = (await api('/api/v1/library?tab=repealed&limit=500')).items as Row[];
  const noted = rows.find((r) => r.docNumber === '渝府办发〔2018〕109号')!;
  assert.equal(noted.repealedBy, null);
  assert.equal(noted.statedBy?.docNumber, '武隆府发〔2023〕16号');
  const row = cleanupReport(await loadWorld(store), '2026-01-01').repealed.find((r) => r.docNumber === '渝府办发〔2018〕109号')!;
  assert.equal(row.detail, '废止文件未载明（武隆府发〔2023〕16号称其已废止）');
  const page = await html(`/doc/${enc('渝府办发〔2018〕109号')}`);
  assert.match(page, /<dt>废止文件<\/dt><dd>未载明（<a [^>]+>武隆府发〔2023〕16号<\/a>称其已废止）/);
  assert.match(page, /badge-ended">已废止/);
});

test('a document known by reference shows the repeal date and the repealing document where 成文日期 is unknown', async () => {
  const page = await html(`/doc/${enc('武隆府发〔2023〕18号')}`);
  assert.match(page, /<dt>成文日期<\/dt><dd>未知（本库未收录全文）/);
  assert.match(page, /<dt>废止日期<\/dt><dd><time datetime="2024-06-13">/);
  assert.match(page, /<dt>废止文件<\/dt><dd><a [^>]+>武隆府发〔2024〕9号<\/a>/);
});

test('the 失效/废止 tab shows and sorts by the date each ended; 文号 sort is numeric', async () => {
  const page = await html('/library?tab=repealed');
  assert.match(page, /失效\/废止日期 ↓/);
  assert.match(page, /<option value="-signedOn" selected>失效\/废止日期（新→旧）<\/option>/);
  const rows = (await api('/api/v1/library?tab=repealed&limit=500')).items as Row[];
  const dates = rows.map((r) => r.since).filter((d): d is string => d !== null);
  assert.ok(dates.length >= 40);
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.equal(rows.findIndex((r) => r.since === null) >= dates.length, true, 'undated last');
  const cells = [...page.matchAll(/data-label="失效\/废止日期" class="nowrap">([^<]*)</g)].map((m) => m[1]);
  assert.ok(cells.filter((c) => c === '—').length <= rows.length - dates.length);
  const byNumber = ((await api('/api/v1/library?sort=docNumber&limit=500')).items as Row[]).map((r) => r.docNumber);
  assert.ok(byNumber.indexOf('武隆府办发〔2023〕8号') < byNumber.indexOf('武隆府办发〔2023〕13号'));
  assert.ok(compareDocNumbers('武隆府办发〔2023〕8号', '武隆府办发〔2023〕13号') < 0);
  assert.ok(compareDocNumbers('武隆府办发〔2022〕99号', '武隆府办发〔2023〕1号') < 0);
  assert.ok(compareDocNumbers('武隆府办发〔2023〕1号', '不是文号') < 0);
});
