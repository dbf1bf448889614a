/**
 * A query matching more than a store reads (SearchLimits: SQLite reads 5,000 matches and ranks
 * 2,000 by BM25; PostgreSQL 250 and 250) is answered from what it read: totals and facets
 * estimated and flagged, title and 文号 hits first, then newest. The samples stand in for a province
 * with the limits made small. Run by search-sqlite-large.test.ts and search-postgres-large.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SearchLimits, Store } from '../src/store/store.js';
import { ingestSamples } from './store-samples.js';

export function runLargeSearchSuite(name: string, open: (limits?: SearchLimits) => Promise<Store>): void {
  describe(`${name}: search above the limits`, () => {
    let exact: Store;
    let small: Store;
    before(async () => {
      exact = await open();
      await ingestSamples(exact);
      small = await open({ read: 20, ranked: 6 });
      await ingestSamples(small);
    });
    after(async () => {
      await exact.close();
      await small.close();
    });

    test('below the limits the answer is the exact one, unflagged', async () => {
      for (const q of ['禁火令', '森林防火', '地方志']) {
        const a = await exact.search({ q });
        assert.ok(a.total <= 6, `${q}: ${a.total}`);
        assert.deepEqual(await small.search({ q }), a, q);
        assert.equal(a.approximate, undefined);
      }
    });

    test('above the read limit: an estimated total, flagged, facets adding up to it', async () => {
      const a = await exact.search({ q: '应急', limit: 200 });
      const b = await small.search({ q: '应急' });
      assert.ok(a.total > 20, String(a.total));
      assert.equal(a.approximate, undefined);
      assert.equal(b.approximate, true);
      // The first 20 matches in document order stand for their share of the documents.
      assert.ok(b.total >= 20 && b.total <= 3 * a.total, `${b.total} vs ${a.total}`);
      for (const d of ['status', 'issuer'] as const) {
        const sum = b.facets[d].reduce((n, f) => n + f.count, 0);
        assert.ok(Math.abs(sum - b.total) <= b.facets[d].length, `${d}: ${sum} vs ${b.total}`);
      }
      const matching = new Set(a.hits.map((h) => h.id));
      assert.ok(b.hits.length === 20 && b.hits.every((h) => matching.has(h.id)), 'every hit matches');
      // Its two title hits first, then newest.
      const inTitle = b.hits.map((h) => h.title.includes('应急'));
      assert.deepEqual(inTitle.slice(0, 3), [true, true, false]);
      const dates = b.hits.slice(2).map((h) => h.signedOn ?? '');
      assert.deepEqual(dates, [...dates].sort().reverse(), 'body-only hits newest first');
    });

    test('a filter finds its documents when they lie past the first matches read (a read of those first ones would find none)', async () => {
      const years = (await exact.search({ q: '通知' })).facets.year;
      assert.ok(years.length >= 3, JSON.stringify(years));
      for (const { value, count } of years) {
        const b = await small.search({ q: '通知', year: Number(value) });
        assert.ok(b.total > 0 && b.hits.length === Math.min(20, count), `${value}: ${b.total} estimated, ${b.hits.length} hits, ${count} exactly`);
        assert.ok(b.hits.every((h) => h.signedOn?.startsWith(value)), `${value}: ${b.hits.map((h) => h.signedOn).join(' ')}`);
      }
    });

    test('several terms above the read limit: estimated and flagged, every hit a match', async () => {
      for (const q of ['通知 -应急', '应急 OR 消防', '武隆区 通知']) {
        const a = await exact.search({ q, limit: 200 });
        const b = await small.search({ q });
        assert.ok(a.total > 20 && a.total <= 200, `${q}: ${a.total}`);
        assert.equal(a.approximate, undefined);
        assert.equal(b.approximate, true, q);
        assert.ok(b.total >= 20 && b.total <= 3 * a.total, `${q}: ${b.total} vs ${a.total}`);
        for (const d of ['status', 'kind'] as const) {
          const sum = b.facets[d].reduce((n, f) => n + f.count, 0);
          assert.ok(Math.abs(sum - b.total) <= b.facets[d].length, `${q} ${d}: ${sum} vs ${b.total}`);
        }
        const matching = new Set(a.hits.map((h) => h.id));
        assert.ok(b.hits.length === 20 && b.hits.every((h) => matching.has(h.id)), `${q}: every hit matches`);
      }
    });

    test('above the limits, the newest title hits come first, found beyond what was read', async () => {
      const a = await exact.search({ q: '通知', limit: 200 });
      const b = await small.search({ q: '通知' });
      assert.equal(b.approximate, true);
      const newest = a.hits.filter((h) => h.title.includes('通知'))
        .sort((x, y) => (y.signedOn ?? '').localeCompare(x.signedOn ?? '') || x.id.localeCompare(y.id))
        .slice(0, 20).map((h) => h.id);
      assert.deepEqual(b.hits.map((h) => h.id), newest);
    });

    test('between the limits: exact total and facets, title hits first, no BM25', async () => {
      const a = await exact.search({ q: '废止', limit: 50 });
      const b = await small.search({ q: '废止', limit: 50 });
      assert.ok(a.total > 6 && a.total <= 20, String(a.total));
      assert.equal(b.approximate, undefined);
      assert.equal(b.total, a.total);
      assert.deepEqual(b.facets, a.facets);
      assert.deepEqual(b.hits.map((h) => h.id).sort(), a.hits.map((h) => h.id).sort());
      const inTitle = b.hits.map((h) => h.title.includes('废止'));
      assert.ok(inTitle.lastIndexOf(true) < inTitle.indexOf(false));
      const dates = b.hits.filter((h) => !h.title.includes('废止')).map((h) => h.signedOn ?? '');
      assert.deepEqual(dates, [...dates].sort().reverse(), 'body-only hits newest first');
    });

    test('a 文号 query finds its document first even when the matches are many', async () => {
      const big = await open({ read: 1, ranked: 1 });
      await ingestSamples(big);
      for (const q of ['武隆府办发〔2024〕17号', '武隆府发(2023)1号']) {
        const id = (await exact.search({ q })).hits[0]!.id;
        assert.equal((await big.search({ q })).hits[0]?.id, id, q);
      }
      await big.close();
    });

    test('a page is the same slice of the ranking whatever its size: BM25 is read only for the rows that can reach it', async () => {
      const queries = ['武隆区', '通知', '消防', '安全生产', '应急 预案', '森林防火 OR 禁火', '废止 -通知', '武隆府办发〔2024〕17号', '区发展改革委', '2024'];
      for (const q of queries) {
        const whole = (await exact.search({ q, limit: 200 })).hits.map((h) => [h.id, h.score]);
        assert.ok(whole.length > 0, q);
        for (const [limit, offset] of [[1, 0], [3, 0], [5, 2], [10, 7], [20, 20]] as const) {
          const page = (await exact.search({ q, limit, offset })).hits.map((h) => [h.id, h.score]);
          assert.deepEqual(page, whole.slice(offset, offset + limit), `${q} ${limit}@${offset}`);
        }
      }
    });
  });
}
