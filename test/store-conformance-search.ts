/** Search behaviour every Store must show (part of runStoreConformance, on the hand-built fixtures). */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { documentYear } from '../src/domain/doc-year.js';
import { computeFacets } from '../src/search/facets.js';
import { fold } from '../src/search/fold.js';
import type { SearchQuery, Store } from '../src/store/store.js';
import { CHARGING, FIRE_BAN, OLD_DECISION, REPORT, TRADITIONAL } from './fixtures/parse-results.js';

/** Strings that break naive FTS or SQL: operators, quotes, brackets, wildcards, escapes. */
export const HOSTILE_QUERIES = [
  '"', '""', '"禁火令', 'AND', 'OR', 'NOT', 'NEAR(a b)', '禁火令 OR', 'OR 禁火令', '-', '--', '-禁火令', '*', '禁火*',
  '^禁火', 'title:禁火令', '(禁火令', '禁火令)', "'; DROP TABLE documents; --", '%', '_', '\\', '\\%', '%禁火%', '禁火_',
  '{}', '[]', '〔〕', '「」', '“禁火令', 'a & b | !c', ':*', '<->', '\u0000', '禁火\u0000令', '   ', '', '禁火令'.repeat(200),
];

export function runSearchConformance(name: string, loaded: () => Promise<Store>): void {
  describe(`${name} store: search`, () => {
    let s: Store;
    before(async () => {
      s = await loaded();
    });
    const ids = async (q: string) => (await s.search({ q })).hits.map((h) => h.id);

    test('a title hit ranks above a body-only hit', async () => {
      // CHARGING says 禁火令 three times in its body; FIRE_BAN has it once, in the title.
      assert.deepEqual(await ids('禁火令'), [FIRE_BAN.id, CHARGING.id]);
    });

    test('a 文号 query finds its document first, however the brackets are typed', async () => {
      for (const q of ['武隆府发〔2023〕3号', '武隆府发[2023]3号', '武隆府发(2023)3号', '武隆府发（2023）3号']) {
        assert.equal((await ids(q))[0], OLD_DECISION.id, q);
      }
      // Cited in OLD_DECISION's body, printed by no stored document's header: found, but not as a header.
      assert.deepEqual(await ids('武隆府发〔2019〕22号'), [OLD_DECISION.id]);
    });

    test('any fragment of two or more characters is found, 文号 fragments included', async () => {
      assert.deepEqual((await ids('超充')).sort(), [CHARGING.id, REPORT.id].sort());
      assert.deepEqual(await ids('〔2024〕17'), [FIRE_BAN.id]);
      assert.deepEqual(await ids('[2024]17'), [FIRE_BAN.id]);
      assert.deepEqual(await ids('充站建'), [CHARGING.id]);
    });

    test('traditional and simplified characters find each other', async () => {
      assert.deepEqual(await ids('静脉产业'), [TRADITIONAL.id]);
      assert.deepEqual(await ids('靜脈產業'), [TRADITIONAL.id]);
      assert.deepEqual(await ids('預拌砂漿'), [TRADITIONAL.id]);
      assert.deepEqual((await ids('禁火區域')).sort(), [FIRE_BAN.id].sort());
    });

    test('phrases, exclusion and OR', async () => {
      assert.deepEqual(await ids('禁火令 -超充'), [FIRE_BAN.id]);
      assert.deepEqual(await ids('禁火令 NOT 超充'), [FIRE_BAN.id]);
      assert.deepEqual((await ids('静脉产业 OR 废止')).sort(), [TRADITIONAL.id, OLD_DECISION.id].sort());
      assert.deepEqual(await ids('"禁火时间"'), [FIRE_BAN.id]);
      assert.deepEqual(await ids('禁火令 静脉产业'), []);
    });

    test('成文日期 range, field choice (标题 / 文号) and sort by date', async () => {
      const q = (extra: Omit<SearchQuery, 'q'>, text = '禁火令') => s.search({ q: text, ...extra }).then((r) => r.hits.map((h) => h.id));
      // FIRE_BAN 2024-03-01 (禁火令 in its title), CHARGING 2024-02-10 (in its body only).
      assert.deepEqual(await q({ from: '2024-03-01' }), [FIRE_BAN.id]);
      assert.deepEqual(await q({ to: '2024-02-29' }), [CHARGING.id]);
      assert.deepEqual(await q({ from: '2024-02-01', to: '2024-03-01' }), [FIRE_BAN.id, CHARGING.id]);
      assert.deepEqual(await q({ from: '2025-01-01' }), []);
      assert.equal((await s.search({ q: '禁火令', from: '2024-03-01' })).total, 1);
      assert.deepEqual(await q({ field: 'title' }), [FIRE_BAN.id]);
      assert.deepEqual(await q({ field: 'all' }), [FIRE_BAN.id, CHARGING.id]);
      assert.deepEqual(await q({ field: 'docNumber' }, '武隆府发〔2023〕3号'), [OLD_DECISION.id]);
      // Cited in OLD_DECISION's body: found in the text, but it is nobody's 文号.
      assert.deepEqual(await q({ field: 'docNumber' }, '武隆府发〔2019〕22号'), []);
      assert.deepEqual(await q({ field: 'docNumber' }, '2024'), (await q({ field: 'docNumber' }, '2024')).filter((id) => id.includes('2024')));
      // By date: newest 成文日期 first, whatever the score; undated (REPORT) last.
      assert.deepEqual(await q({ sort: 'date' }, '超充 OR 禁火令'), [FIRE_BAN.id, CHARGING.id, REPORT.id]);
      const byDate = (await s.search({ q: '武隆', sort: 'date', limit: 50 })).hits.map((h) => h.signedOn ?? '');
      assert.deepEqual(byDate, [...byDate].sort().reverse());
      assert.ok(byDate.length >= 3);
    });

    test('hits carry metadata, a score and a «» snippet', async () => {
      const r = await s.search({ q: '静脉产业' });
      const hit = r.hits[0]!;
      assert.deepEqual(
        [hit.docNumber, hit.title, hit.signedOn, hit.issuer, hit.kind, hit.status],
        [TRADITIONAL.docNumber, TRADITIONAL.title, TRADITIONAL.signedOn, TRADITIONAL.issuer, TRADITIONAL.kind, '未知'],
      );
      assert.ok(hit.score > 0);
      assert.match(hit.snippet, /«静脉产业»/);
      assert.match((await s.search({ q: '禁火时间' })).hits[0]!.snippet, /«禁火时间»/);
    });

    test('filters, facets and paging', async () => {
      const r = await s.search({ q: '武隆区' });
      assert.equal(r.total, 5);
      const count = (f: keyof typeof r.facets, v: string) => r.facets[f].find((x) => x.value === v)?.count;
      assert.equal(count('year', '2024'), 3);
      assert.equal(count('year', '2023'), 1);
      assert.equal(count('kind', '意见'), 2);
      assert.equal(count('issuer', '重庆市武隆区人民政府'), 2);
      assert.equal(count('status', '未知'), 5);
      for (const f of ['kind', 'status'] as const) assert.equal(r.facets[f].reduce((n, x) => n + x.count, 0), 5, f);
      const kinds = await s.search({ q: '武隆区', kind: '意见' });
      assert.equal(kinds.total, 2);
      // Facets count what passes every filter, so they add up to the total.
      assert.deepEqual(kinds.facets.kind, [{ value: '意见', count: 2 }]);
      assert.deepEqual(kinds.facets.year, [{ value: '2024', count: 2 }]);
      assert.deepEqual((await s.search({ q: '武隆区', year: 2023 })).hits.map((h) => h.id), [OLD_DECISION.id]);
      assert.equal((await s.search({ q: '武隆区', issuer: '重庆市武隆区人民政府' })).total, 2);
      const page = await s.search({ q: '武隆区', limit: 2, offset: 2 });
      assert.equal(page.total, 5);
      assert.equal(page.hits.length, 2);
      const whole = (await s.search({ q: '武隆区', limit: 10 })).hits.map((h) => h.id);
      assert.deepEqual(page.hits.map((h) => h.id), whole.slice(2, 4));
      const past = await s.search({ q: '武隆区', offset: 50 });
      assert.deepEqual([past.total, past.hits.length, past.facets.kind.length > 0], [5, 0, true]);
    });

    test('facets are the reference computeFacets over every matching document', async () => {
      // The store counts from its index and columns; the reference counts the documents themselves.
      const cases: Array<[string, Omit<SearchQuery, 'q'>]> = [
        ['武隆区', {}], ['武隆区', { kind: '意见' }], ['武隆区', { year: 2024, status: '未知' }], ['禁火令 OR 超充', {}],
        ['静脉产业', { issuer: TRADITIONAL.issuer ?? undefined }], ['', {}], ['', { kind: '通知' }], ['武隆 -超充', {}],
      ];
      for (const [q, filter] of cases) {
        const every = await s.search({ q, limit: 200 });
        assert.equal(every.hits.length, every.total, `${q}: every match on one page`);
        const rows = await Promise.all(every.hits.map(async (h) => {
          const d = (await s.getDocument(h.id))!;
          return { year: documentYear(d), issuer: h.issuer, issuerKey: h.issuer === null ? null : fold(h.issuer), kind: h.kind, status: h.status };
        }));
        const r = await s.search({ q, ...filter });
        const want = computeFacets(rows, filter);
        assert.deepEqual(r.facets, want.facets, `${q} ${JSON.stringify(filter)}`);
        assert.equal(r.total, want.matching.length, `${q} ${JSON.stringify(filter)}: total`);
      }
    });

    test('a query full of operators and quotes never throws', async () => {
      for (const q of HOSTILE_QUERIES) {
        const r = await s.search({ q });
        assert.ok(Array.isArray(r.hits) && r.total >= r.hits.length, JSON.stringify(q));
      }
      // LIKE wildcards and FTS prefixes are literal characters: nothing prints 禁_令 or 禁%令.
      for (const q of ['"禁_令"', '"禁%令"', '"禁火_"', '"%禁火令"']) assert.deepEqual(await ids(q), [], q);
    });
  });
}
