/**
 * The PostgreSQL store against the shared conformance suites (hand-built fixtures and the real
 * samples), on one throwaway cluster per run or on GONGBAO_PG_URL; each store gets its own schema.
 * Below them, what only a server database can show: reopening, migrations, concurrent writers.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { openStore } from '../src/store/factory.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import fc from 'fast-check';
import { needleKeys, pgArray, searchKeys } from '../src/store/postgres/indexing.js';
import { LATEST_SCHEMA_VERSION } from '../src/store/postgres/migrations.js';
import { byteList, textList } from '../src/store/postgres/params.js';
import { statusInputOf } from '../src/extract/status-input.js';
import type { Store } from '../src/store/store.js';
import { ALL_FIXTURES, ISSUE_2023, ISSUE_2024, ISSUE_2024_CORRECTED } from './fixtures/parse-results.js';
import { startTestPostgres } from './helpers/pg.js';
import { runStoreConformance } from './store-conformance.js';
import { runEditorialConformance } from './store-conformance-editorial.js';
import { runRegisterConformance } from './store-conformance-registers.js';
import { ingestSamples, runSampleConformance } from './store-samples.js';

test('a text holding a needle lists every key of it: its digit-bearing trigrams and its other letter-or-digit pairs', () => {
  const alphabet = fc.constantFrom('〔', '〕', '号', '0', '1', '2', '4', '7', '武', '隆', '府', ' ', '\n', 'a', '第', '，', '《', '》', '%');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 60 }), fc.nat(), fc.integer({ min: 2, max: 12 }), (chars, at, n) => {
      const body = chars.join('');
      const start = at % (body.length + 1);
      const needle = body.slice(start, start + n).trim();
      const keys = new Set(searchKeys({ title: '', docnum: '', body }));
      return needleKeys(needle).every((k) => keys.has(k));
    }),
    { numRuns: 2000 },
  );
  // A 文号 fragment is looked up by its trigrams, which hold all its pairs.
  assert.deepEqual(needleKeys('〔2024〕17'), ['〔20', '202', '024', '24〕', '4〕1', '〕17']);
  assert.deepEqual(needleKeys('禁火令'), ['禁火', '火令']);
  assert.deepEqual(needleKeys('第3条款'), ['第3条', '3条款']);
  // A pair holding punctuation is no key, in a text or in a needle: the needle's text test decides.
  assert.deepEqual(needleKeys('《条例》，'), ['条例']);
  assert.deepEqual(searchKeys({ title: '关于《条例》', docnum: '', body: '在，本 B2' }), ['关于', '条例', 'b2']);
});

const server = await startTestPostgres();
if ('skip' in server) {
  test('PostgreSQL store', { skip: server.skip }, () => {});
} else {
  const open = async () => openPostgresStore(await server.freshDatabase());
  runStoreConformance('postgres', open);
  runSampleConformance('postgres', open);
  runRegisterConformance('postgres', async (opts) => openPostgresStore(await server.freshDatabase(), opts));
  runEditorialConformance('postgres', open);

  describe('postgres store: server behaviour', () => {
    const opened: Store[] = [];
    const track = (s: Store) => (opened.push(s), s);
    after(async () => {
      for (const s of opened) await s.close();
    });
    const sql = async (url: string, text: string, values: unknown[] = []) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(text, values)).rows;
      } finally {
        await c.end();
      }
    };

    test('a reopened store has its data and runs no migration twice', async () => {
      const url = await server.freshDatabase();
      const first = await openPostgresStore(url);
      for (const r of ALL_FIXTURES) await first.ingest(r);
      const counts = await first.counts();
      const hits = (await first.search({ q: '禁火令' })).hits.map((h) => h.id);
      await first.close();
      const again = track(await openPostgresStore(url));
      assert.deepEqual(await again.counts(), counts);
      assert.deepEqual((await again.search({ q: '禁火令' })).hits.map((h) => h.id), hits);
      assert.equal((await again.ingest(ISSUE_2024)).action, 'unchanged');
      const versions = await sql(url, 'SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(versions.map((r) => r.version), Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
    });

    test('migration 3 backfills the folded issuer of documents stored before it', async () => {
      const url = await server.freshDatabase();
      const first = await openPostgresStore(url);
      await first.ingest({ ...ISSUE_2023, documents: ISSUE_2023.documents.map((d) => ({ ...d, issuer: '重慶市武隆區人民政府' })) });
      await first.close();
      // Back to the schema as version 2 left it.
      await sql(url, 'ALTER TABLE documents DROP COLUMN issuer_key; DELETE FROM schema_migrations WHERE version = 3');
      const s = track(await openPostgresStore(url));
      assert.equal((await s.listDocuments({ issuer: '重庆市武隆区人民政府' })).total, 1);
      assert.deepEqual((await s.search({ q: '' })).facets.issuer, [{ value: '重庆市武隆区人民政府', count: 1 }]);
    });

    test('migration 16 packs the body and texts of documents stored before it', async () => {
      const url = await server.freshDatabase();
      const first = await openPostgresStore(url);
      await first.ingest(ISSUE_2024);
      const before = await Promise.all(ISSUE_2024.documents.map(async (d) => (await first.getDocument(d.id))!));
      await first.close();
      // Back to the columns version 15 left, holding what it stored.
      await sql(url, 'ALTER TABLE document_content ADD COLUMN body jsonb, ADD COLUMN text text, ADD COLUMN simplified_text text, ADD COLUMN original_text text');
      for (const d of before) {
        await sql(url, 'UPDATE document_content SET body = $2::jsonb, text = $3, simplified_text = $4, original_text = $5 WHERE document_id = $1', [
          d.id, JSON.stringify(d.body), d.text, d.simplifiedText ?? null, d.originalText,
        ]);
      }
      await sql(url, 'ALTER TABLE document_content DROP COLUMN packed; DELETE FROM schema_migrations WHERE version = 16');
      const s = track(await openPostgresStore(url));
      assert.ok(before.length > 0 && before.every((d) => d.text.length > 0));
      assert.deepEqual(await Promise.all(before.map((d) => s.getDocument(d.id))), before);
      assert.deepEqual((await sql(url, 'SELECT count(*)::int AS n FROM document_content WHERE packed IS NULL'))[0].n, 0);
    });

    test('a bigram array literal carries quotes, backslashes and an empty list to the server intact', async () => {
      const url = await server.freshDatabase();
      track(await openPostgresStore(url));
      for (const items of [['ab', 'c"', 'd\\e', 'NULL', '{,'], ['武隆', '区政'], []]) {
        const rows = await sql(url, 'SELECT $1::text[] AS a', [pgArray(items)]);
        assert.deepEqual(rows[0].a, items);
      }
    });

    test('the status inputs kept at ingest (and by migration 19 for documents stored before it) are what the documents read back give', async () => {
      const url = await server.freshDatabase();
      const first = await openPostgresStore(url);
      await ingestSamples(first);
      const fromDocuments = async (st: Store) => {
        const out: unknown[] = [];
        for await (const d of st.allDocuments()) out.push(JSON.parse(JSON.stringify(statusInputOf(d))));
        return out;
      };
      const expected = await fromDocuments(first);
      assert.ok(expected.length > 5);
      assert.ok(expected.some((x) => (x as { repeals: unknown[] }).repeals.length > 0) && expected.some((x) => (x as { validity: unknown }).validity !== null));
      assert.deepEqual(await first.allStatusInputs!(), expected);
      await first.close();
      await sql(url, 'DROP TABLE document_status_inputs; DELETE FROM schema_migrations WHERE version = 19');
      const s = track(await openPostgresStore(url));
      assert.equal((await sql(url, 'SELECT count(*)::int AS n FROM document_status_inputs'))[0].n, expected.length);
      assert.deepEqual(await s.allStatusInputs!(), expected);
      // A document without its row is read and extracted.
      await sql(url, 'DELETE FROM document_status_inputs WHERE document_id IN (SELECT document_id FROM document_status_inputs ORDER BY 1 LIMIT 2)');
      assert.deepEqual(await s.allStatusInputs!(), expected);
    });

    test('strings joined into one parameter and byte strings into one blob come back apart and intact', async () => {
      const url = await server.freshDatabase();
      track(await openPostgresStore(url));
      for (const items of [[''], ['', ''], ['ab', 'c"', 'd\\e', '{,}', '武隆\n区', ''], ['a\u0001b', 'c'], []]) {
        const l = textList(items);
        const rows = await sql(url, `SELECT ${l.sql('$1')} AS a`, [l.value]);
        assert.deepEqual(rows[0].a ?? [], items, JSON.stringify(items));
      }
      const blobs = [Buffer.from([0, 1, 2]), Buffer.alloc(0), Buffer.from('武隆'), Buffer.from([255])];
      const b = byteList(blobs);
      const rows = await sql(url, 'SELECT substring($1::bytea from o for l) AS x FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS u(o, l, i) ORDER BY i', [b.blob, b.offsets, b.lengths]);
      assert.deepEqual(rows.map((r) => r.x), blobs);
    });

    test('a bulk ingest that brings a quarter of the documents or more leaves the planner statistics taken; one that brings none does not take them again', async () => {
      const url = await server.freshDatabase();
      const s = track(await openPostgresStore(url));
      const analysed = async () =>
        (await sql(url, `SELECT relname, last_analyze FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname IN ('documents', 'document_content')`))
          .map((r) => `${r.relname} ${r.last_analyze?.toISOString() ?? 'never'}`).sort();
      assert.deepEqual(await analysed(), ['document_content never', 'documents never']);
      let recomputed = false;
      await s.inBulk!(async () => {
        for (const r of [ISSUE_2023, ISSUE_2024]) await s.ingestMany([r]);
      }, async () => void (recomputed = true));
      assert.ok(recomputed);
      const once = await analysed();
      assert.ok(once.every((l) => !l.endsWith('never')), once.join('; '));
      await s.inBulk!(async () => void (await s.ingestMany([ISSUE_2024_CORRECTED])));
      assert.deepEqual(await analysed(), once);
    });

    test('ingesting the samples twice leaves every table row count unchanged', async () => {
      const url = await server.freshDatabase();
      const s = track(await openPostgresStore(url));
      const rowCounts = async () => {
        const tables = await sql(url, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`);
        const counts = await sql(url, tables.map((t) => `SELECT '${t.tablename}' AS t, count(*)::int AS n FROM ${t.tablename}`).join(' UNION ALL '));
        return Object.fromEntries(counts.map((r) => [r.t, r.n]));
      };
      await ingestSamples(s);
      const once = await rowCounts();
      await ingestSamples(s);
      assert.deepEqual(await rowCounts(), once);
      for (const t of ['issues', 'issue_editions', 'documents', 'document_content', 'document_status_inputs', 'doc_numbers', 'occurrences', 'citations', 'lexicon']) {
        assert.ok(once[t] > 0, `${t} is empty`);
      }
      assert.equal(once.documents, once.document_content);
    });

    test('migration 5: a database from before it gets registers built from the documents already stored', async () => {
      const url = await server.freshDatabase();
      const first = await openPostgresStore(url);
      await ingestSamples(first);
      const tasks = await first.listTasks();
      const units = await first.listUnits();
      const targets = await first.listTargets();
      const normative = (await first.listDocuments({ normative: true, limit: 1000 })).items.map((d) => d.id);
      await first.close();
      // Migrations 7, 9 and 13 change the tables 5 makes: all four run again.
      await sql(url, 'DROP TABLE tasks, targets, doc_normative, register_state, unit_mentions; DELETE FROM schema_migrations WHERE version IN (5, 7, 9, 13)');
      const upgraded = track(await openPostgresStore(url));
      assert.ok(tasks.total >= 20);
      assert.deepEqual(await upgraded.listTasks(), tasks);
      assert.deepEqual(await upgraded.listUnits(), units);
      assert.deepEqual(await upgraded.listTargets(), targets);
      assert.deepEqual((await upgraded.listDocuments({ normative: true, limit: 1000 })).items.map((d) => d.id), normative);
    });

    test('a database migrated by a newer gongbao is refused', async () => {
      const url = await server.freshDatabase();
      await (await openPostgresStore(url)).close();
      await sql(url, `INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')`);
      await assert.rejects(openPostgresStore(url), /newer than this gongbao/);
    });

    test('a store open elsewhere follows the words another store learned', async () => {
      const url = await server.freshDatabase();
      const reader = track(await openPostgresStore(url));
      await reader.search({ q: '没有的长查询词语' }); // cut by a segmenter built on the empty lexicon
      const writer = await openPostgresStore(url);
      await ingestSamples(writer);
      await writer.close();
      // 放管服 is a learned word: without it the query is cut into single characters and ranks nothing.
      const hits = (await reader.search({ q: '放管服' })).hits;
      assert.ok(hits.length >= 2 && hits.every((h) => h.score > 0));
      assert.ok(hits[0]!.title.includes('放管服'));
    });

    test('a chunk found whole is asked again once another store changed the corpus (an edition replaced the title holding it)', async () => {
      const url = await server.freshDatabase();
      const reader = track(await openPostgresStore(url));
      await reader.ingest(ISSUE_2024);
      const id = '武隆府办发〔2024〕17号';
      // 发布森林防火 is whole in the first edition's title (…关于发布森林防火禁火令的通知).
      assert.deepEqual((await reader.search({ q: '发布森林防火' })).hits.map((h) => h.id), [id]);
      const writer = await openPostgresStore(url);
      await writer.ingest(ISSUE_2024_CORRECTED); // …关于发布2024年森林防火禁火令的通知
      await writer.close();
      // Unfound whole now, so cut into its words, which the document still holds (a stale answer: none).
      assert.deepEqual((await reader.search({ q: '发布森林防火' })).hits.map((h) => h.id), [id]);
    });

    test('stores opened at once on an empty database migrate it once', async () => {
      const url = await server.freshDatabase();
      const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
      stores.forEach(track);
      assert.equal((await sql(url, 'SELECT count(*)::int AS n FROM schema_migrations'))[0].n, LATEST_SCHEMA_VERSION);
    });

    test('concurrent ingests of one issue are serialised', async () => {
      const s = track(await open());
      const same = await Promise.all([s.ingest(ISSUE_2024), s.ingest(ISSUE_2024)]);
      assert.deepEqual(same.map((o) => o.action).sort(), ['added', 'unchanged']);
      const other = track(await open());
      const editions = await Promise.all([other.ingest(ISSUE_2024), other.ingest(ISSUE_2024_CORRECTED)]);
      assert.deepEqual(editions.map((o) => o.action).sort(), ['added', 'replaced']);
      assert.equal((await other.counts()).issues, 1);
      assert.equal((await other.listIssues())[0]?.editions?.length, 2);
    });

    test('the factory opens PostgreSQL for a postgres:// location', async () => {
      const url = await server.freshDatabase();
      const s = track(await openStore({ db: url }));
      await s.ingest(ISSUE_2024);
      const tables = await sql(url, `SELECT count(*)::int AS n FROM documents`);
      assert.equal(tables[0].n, ISSUE_2024.documents.length);
    });

    test('a role that may not create pg_trgm still gets a working store, searching without the index', async (t) => {
      const [me] = await sql(server.adminUrl, 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
      if (!me?.rolsuper) return t.skip('needs a superuser to create a role (GONGBAO_PG_URL is not one)');
      const db = `gongbao_limited_${process.pid}`;
      const u = new URL(server.adminUrl);
      await sql(u.toString(), `DROP DATABASE IF EXISTS ${db}`);
      await sql(u.toString(), `CREATE DATABASE ${db}`);
      u.pathname = `/${db}`;
      await sql(u.toString(), `DROP ROLE IF EXISTS gongbao_limited; CREATE ROLE gongbao_limited LOGIN;
        CREATE SCHEMA store AUTHORIZATION gongbao_limited`);
      const limited = new URL(u);
      limited.username = 'gongbao_limited';
      limited.searchParams.set('options', '-c search_path=store');
      const s = await openPostgresStore(limited.toString());
      try {
        for (const r of ALL_FIXTURES) await s.ingest(r);
        assert.deepEqual((await s.search({ q: '禁火令' })).hits.map((h) => h.id), ['武隆府办发〔2024〕17号', '武隆府发〔2024〕5号']);
        assert.equal((await s.search({ q: '超充站建' })).total, 1);
        assert.deepEqual((await s.search({ q: '〔2024〕17' })).hits.map((h) => h.id), ['武隆府办发〔2024〕17号']);
      } finally {
        await s.close();
        await sql(server.adminUrl, `DROP DATABASE ${db} WITH (FORCE)`);
        await sql(server.adminUrl, 'DROP ROLE gongbao_limited');
      }
    });

    test('migration 18: a database with chunks and whole vectors gets its 文号 keys, and finds and ranks as a fresh one', async () => {
      const url = await server.freshDatabase();
      const fresh = track(await openPostgresStore(url));
      await ingestSamples(fresh);
      const queries = ['〔2024〕17', '2023', '武隆府办发〔2024〕', '禁火令', '安全 生产', '"森林防火"'];
      const found = async (s: Store) => Promise.all(queries.map(async (q) => (await s.search({ q })).hits.map((h) => `${h.id} ${h.score}`)));
      const before = await found(fresh);
      assert.ok(before[0]!.length > 0 && before[1]!.length > 0);
      const keys = await sql(url, 'SELECT document_id, bigrams FROM document_content ORDER BY 1');
      // Back to what version 17 held: pairs only, the chunks and the whole vectors beside them.
      await sql(url, `UPDATE document_content SET bigrams = ARRAY(SELECT k FROM unnest(bigrams) k WHERE length(k) = 2);
        CREATE TABLE document_chunks (document_id text, seq int, text text); CREATE TABLE document_words (document_id text, vector tsvector);
        DELETE FROM schema_migrations WHERE version = 18`);
      assert.ok((await sql(url, 'SELECT count(*)::int AS n FROM document_content WHERE \'202\' = ANY(bigrams)'))[0].n === 0);
      const s = track(await openPostgresStore(url));
      const after = await sql(url, 'SELECT document_id, bigrams FROM document_content ORDER BY 1');
      assert.deepEqual(after.map((r) => [r.document_id, [...r.bigrams].sort()]), keys.map((r) => [r.document_id, [...r.bigrams].sort()]));
      assert.deepEqual(await sql(url, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('document_chunks', 'document_words')`), []);
      assert.deepEqual(await found(s), before);
    });

    test("a match's rank is ts_rank's formula over its needles' occurrences: title and 文号 1.0, body 0.1, the mean over needles", async () => {
      const url = await server.freshDatabase();
      const s = track(await openPostgresStore(url));
      await ingestSamples(s);
      const rows = await sql(url, `SELECT d.id, d.search_title, lower(coalesce(d.doc_number, '')) AS num, c.search_text
        FROM documents d JOIN document_content c ON c.document_id = d.id`);
      const byId = new Map(rows.map((r) => [r.id as string, r]));
      const count = (t: string, x: string) => t.split(x).length - 1;
      const squares = (n: number) => Array.from({ length: n }, (_, j) => 1 / (j + 1) ** 2).reduce((a, b) => a + b, 0);
      // The needles as the store folds them (lower case: GEP is counted in the text's lower case).
      const queries: Array<[string, string[]]> = [['禁火令', ['禁火令']], ['安全 生产', ['安全', '生产']], ['"森林防火"', ['森林防火']], ['GEP', ['gep']], ['武隆 OR 仙女山', ['武隆', '仙女山']]];
      let ranked = 0;
      const seen = new Set<string>();
      for (const [q, needles] of queries) {
        const hits = (await s.search({ q, limit: 200 })).hits;
        assert.ok(hits.length > 0, q);
        for (const h of hits) {
          const r = byId.get(h.id)!;
          const want = needles.reduce((sum, x) => {
            const t = count(x === x.toUpperCase() ? r.search_text : r.search_text.toLowerCase(), x);
            const a = Math.min(t, count(r.search_title, x) + count(r.num, x));
            return sum + 0.9 * squares(a) + 0.1 * squares(t);
          }, 0) / (needles.length * Math.PI ** 2 / 6);
          const rank = h.score - 10 * Math.floor(h.score / 10);
          assert.ok(Math.abs(rank - want) < 1e-3, `${q} ${h.id}: ${rank} against ${want}`);
          if (want > 0) ranked++;
          seen.add(want.toFixed(3));
        }
      }
      assert.ok(ranked > 20 && seen.size > 10, `${ranked} ranked, ${seen.size} distinct ranks`);
    });
  });

  // Registered last so it runs after the suites have closed their stores.
  after(() => server.stop());
}
