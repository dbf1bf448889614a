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
import { chunksSql, pgArray } from '../src/store/postgres/indexing.js';
import { LATEST_SCHEMA_VERSION } from '../src/store/postgres/migrations.js';
import { MAX_TERM_CHARS } from '../src/search/query.js';
import type { Store } from '../src/store/store.js';
import { ALL_FIXTURES, ISSUE_2023, ISSUE_2024, ISSUE_2024_CORRECTED } from './fixtures/parse-results.js';
import { startTestPostgres } from './helpers/pg.js';
import { runStoreConformance } from './store-conformance.js';
import { runEditorialConformance } from './store-conformance-editorial.js';
import { runRegisterConformance } from './store-conformance-registers.js';
import { ingestSamples, runSampleConformance } from './store-samples.js';

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
      for (const t of ['issues', 'issue_editions', 'documents', 'document_content', 'document_words', 'doc_numbers', 'occurrences', 'citations', 'lexicon']) {
        assert.ok(once[t] > 0, `${t} is empty`);
      }
      assert.equal(once.documents, once.document_content);
      assert.equal(once.documents, once.document_words);
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
        assert.deepEqual(await sql(u.toString(), `SELECT 1 FROM pg_indexes WHERE indexname = 'document_chunks_trgm'`), []);
      } finally {
        await s.close();
        await sql(server.adminUrl, `DROP DATABASE ${db} WITH (FORCE)`);
        await sql(server.adminUrl, 'DROP ROLE gongbao_limited');
      }
    });

    test('substring search has a trigram index when pg_trgm is installed', async (t) => {
      const url = await server.freshDatabase();
      track(await openPostgresStore(url));
      const avail = await sql(url, `SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'`);
      if (avail.length === 0) return t.skip('pg_trgm not installed: ILIKE without an index');
      const idx = await sql(url, `SELECT indexdef FROM pg_indexes WHERE indexname = 'document_chunks_trgm'`);
      assert.match(idx[0]?.indexdef ?? '', /gin_trgm_ops/);
    });

    test('every string a query term can be (up to MAX_TERM_CHARS) lies whole inside one chunk of the searched text', async () => {
      const url = await server.freshDatabase();
      track(await openPostgresStore(url));
      // Distinct characters, so a window is found only where it really is.
      const text = Array.from({ length: 1500 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
      const rows = await sql(url, `${chunksSql('s.id', 's.t', '(SELECT 1 AS id, $1::text AS t) s')} ORDER BY 2`, [text]);
      const chunks = rows.map((r) => r.substr as string);
      assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
      const chars = Array.from(text);
      for (let i = 0; i + MAX_TERM_CHARS <= chars.length; i++) {
        const term = chars.slice(i, i + MAX_TERM_CHARS).join('');
        assert.ok(chunks.some((c) => c.includes(term)), `the term at ${i} is in no chunk`);
      }
      assert.equal(chunks.join('').length >= text.length, true);
    });

    test("a word's part of the vector ranks every sample document exactly as the whole vector does, and several words' parts add up to it", async () => {
      const url = await server.freshDatabase();
      const s = track(await openPostgresStore(url));
      await ingestSamples(s);
      // The words of the samples' vectors most documents hold, and some only two do.
      const words = await sql(url, `(SELECT word FROM ts_stat('SELECT vector FROM document_words') ORDER BY ndoc DESC, word LIMIT 30)
        UNION ALL (SELECT word FROM ts_stat('SELECT vector FROM document_words') WHERE ndoc = 2 ORDER BY word LIMIT 30)`);
      const rows = await sql(
        url,
        `SELECT x, count(*) FILTER (WHERE a > 0)::int AS ranked, count(*) FILTER (WHERE a IS DISTINCT FROM b)::int AS differ
         FROM unnest($1::text[]) x, LATERAL websearch_to_tsquery('simple', x) q, document_words w,
           LATERAL ts_rank('{0, 0.1, 1.0, 1.0}', w.vector, q) a,
           LATERAL (SELECT coalesce((SELECT ts_rank('{0, 0.1, 1.0, 1.0}', p.vector, q) FROM document_word_parts p
             WHERE p.document_id = w.document_id AND p.bucket = ascii(x) % 16), 0) AS b) z
         GROUP BY x`,
        [words.map((w) => w.word)],
      );
      assert.equal(rows.length, 60);
      for (const r of rows) {
        assert.ok(r.ranked > 0, `${r.x}: no document ranked`);
        assert.equal(r.differ, 0, r.x);
      }
      // Words of several buckets (search.ts): ts_rank of their OR is the sum over their parts.
      const pairs = words.map((w, i) => [w.word, words[(i + 7) % words.length]!.word]).filter(([a, b]) => a!.codePointAt(0)! % 16 !== b!.codePointAt(0)! % 16);
      assert.ok(pairs.length > 20, String(pairs.length));
      const sums = await sql(
        url,
        `SELECT x.a, x.b, count(*) FILTER (WHERE whole > 0)::int AS ranked, max(abs(whole - parts))::float8 AS most
         FROM unnest($1::text[], $2::text[]) x(a, b), LATERAL websearch_to_tsquery('simple', x.a || ' or ' || x.b) q, document_words w,
           LATERAL ts_rank('{0, 0.1, 1.0, 1.0}', w.vector, q) whole,
           LATERAL (SELECT coalesce(sum(ts_rank('{0, 0.1, 1.0, 1.0}', p.vector, q)), 0) AS parts FROM document_word_parts p
             WHERE p.document_id = w.document_id AND p.bucket IN (ascii(x.a) % 16, ascii(x.b) % 16)) z
         GROUP BY x.a, x.b`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      for (const r of sums) {
        assert.ok(r.ranked > 0, `${r.a} ${r.b}: no document ranked`);
        assert.ok(r.most < 1e-6, `${r.a} ${r.b}: ${r.most}`);
      }
    });
  });

  // Registered last so it runs after the suites have closed their stores.
  after(() => server.stop());
}
