/**
 * The one PostgreSQL schema, as numbered migrations recorded in schema_migrations. Append new
 * migrations; never edit an applied one. Each runs in its own transaction.
 */
import type pg from 'pg';
import { UserError } from '../../domain/errors.js';
import { fold } from '../../search/fold.js';
import { citedAsSql } from '../registers.js';
import { packDocumentRow } from './content.js';
import { backfillStatusInputs } from './status-inputs.js';
import { pgArray, searchKeys, splitSearchText } from './indexing.js';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (c: pg.PoolClient, env: { trigram: boolean }) => Promise<void>;
}

/** The GIN pending list limit (kB) of the search indexes: a batch's entries wait there until its end. */
const GIN_PENDING_KB = 256 * 1024;

const sql = (text: string) => async (c: pg.PoolClient) => void (await c.query(text));

/**
 * Migration 10's chunks (dropped by 18): the searched text in 500-character chunks overlapping by
 * 63 characters (a query term's longest, less one), as SELECT (document id, seq, chunk) rows.
 */
function chunksSql(id: string, text: string, from: string): string {
  return `SELECT ${id}, n, substr(${text}, n * 437 + 1, 500) FROM ${from},
    generate_series(0, greatest(0, ceil((length(${text}) - 500)::numeric / 437)::int)) AS n`;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'issues with editions, documents apart from content, facts',
    up: sql(`
      -- An issue is the work (stable id: title + year + number); each ingested file is an edition.
      CREATE TABLE issues (
        id text PRIMARY KEY,
        title text NOT NULL,
        year integer,
        number integer,
        total_number integer,
        published_on text,
        current_edition text NOT NULL
      );
      CREATE TABLE issue_editions (
        seq bigserial UNIQUE,
        id text PRIMARY KEY,                 -- <issue id>@<sha256 prefix>
        issue_id text NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        sha256 text NOT NULL UNIQUE,
        source_file text NOT NULL,
        encoding text NOT NULL,
        bytes integer NOT NULL,
        ingested_at text NOT NULL,
        superseded_at text,                  -- set when a corrected edition replaced this one
        title text NOT NULL,
        year integer,
        number integer,
        total_number integer,
        published_on text,
        contents jsonb NOT NULL,
        index_entries jsonb NOT NULL,
        front_matter text NOT NULL,
        warnings jsonb NOT NULL
      );
      CREATE INDEX issue_editions_issue ON issue_editions (issue_id);
      -- Metadata only: listings never touch the bulky text in document_content.
      CREATE TABLE documents (
        id text PRIMARY KEY,
        doc_number text,
        title text NOT NULL,
        search_title text NOT NULL,          -- folded, lower-cased title for title-hit scoring
        issuer text,
        kind text,
        addressees text,
        signed_on text,
        year integer,
        publicity text,
        pages jsonb,
        attachments jsonb NOT NULL,
        warnings jsonb NOT NULL,
        updated_at text NOT NULL
      );
      CREATE INDEX documents_doc_number ON documents (doc_number);
      CREATE INDEX documents_year ON documents (year);
      CREATE INDEX documents_signed_on ON documents (signed_on);
      CREATE TABLE document_content (
        document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        body jsonb NOT NULL,
        tables jsonb NOT NULL,
        text text NOT NULL,
        simplified_text text,
        original_text text NOT NULL,
        search_text text NOT NULL,           -- folded title, 文号 and body, one line each before the body
        -- Distinct 2-character fragments (lower-cased): trigrams cannot find 超充, this GIN index can.
        bigrams text[] NOT NULL
      );
      CREATE INDEX document_content_bigrams ON document_content USING gin (bigrams);
      -- jieba words (title A, 文号 B, body C) for ts_rank only, so no index. A table of its own
      -- because learning a word re-cuts many documents: rewriting these rows leaves the text indexes be.
      CREATE TABLE document_words (
        document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        vector tsvector NOT NULL
      );
      -- Each printing of a document in an edition; a document printed in no current edition goes.
      CREATE TABLE occurrences (
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        issue_id text NOT NULL,
        edition_id text NOT NULL REFERENCES issue_editions(id) ON DELETE CASCADE,
        position integer NOT NULL,
        page_from integer,
        page_to integer,
        PRIMARY KEY (document_id, edition_id)
      );
      CREATE INDEX occurrences_edition ON occurrences (edition_id, position);
      CREATE TABLE doc_numbers (
        doc_number text PRIMARY KEY,         -- canonical 文号; the first document holding it keeps it
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        agency text NOT NULL,
        year integer NOT NULL,
        serial integer NOT NULL
      );
      CREATE INDEX doc_numbers_document ON doc_numbers (document_id);
      CREATE TABLE citations (
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx integer NOT NULL,
        doc_number text,
        title text,
        raw text NOT NULL,
        block integer NOT NULL,
        PRIMARY KEY (document_id, idx)
      );
      CREATE INDEX citations_doc_number ON citations (doc_number);
      CREATE TABLE doc_references (
        key text PRIMARY KEY,                -- ref:<文号> or ref:《title》
        doc_number text,
        title text,
        source text NOT NULL,
        first_edition text NOT NULL
      );
      CREATE TABLE relations (
        seq bigserial PRIMARY KEY,
        subject_id text NOT NULL,
        verb text NOT NULL CHECK (verb IN ('cites', 'repeals', 'amends', 'replaces')),
        object_id text NOT NULL,
        object_doc_number text,
        object_title text,
        date text,
        quote text NOT NULL,
        reason text,
        block integer
      );
      CREATE INDEX relations_subject ON relations (subject_id);
      CREATE INDEX relations_object ON relations (object_id);
      CREATE TABLE statuses (
        document_id text PRIMARY KEY,
        status text NOT NULL,
        since text,
        evidence jsonb NOT NULL
      );
      -- Events, never updated: an editor's correction sits beside the computed status.
      CREATE TABLE corrections (
        seq bigserial PRIMARY KEY,
        document_id text NOT NULL,
        status text NOT NULL,
        effective_from text,
        author text NOT NULL,
        reason text NOT NULL,
        created_at text NOT NULL
      );
      CREATE INDEX corrections_document ON corrections (document_id, created_at);
      -- Words learned from the corpus (src/search/lexicon.ts), loaded into the segmenter on open.
      CREATE TABLE lexicon (
        word text PRIMARY KEY,
        source text NOT NULL,
        count integer NOT NULL
      );
    `),
  },
  {
    version: 2,
    name: 'trigram index for substring search',
    // pg_trgm is contrib and creating it needs CREATE on the database: without it ILIKE still
    // finds every substring, only without an index.
    up: async (c, env) => {
      if (!env.trigram) return;
      await c.query('SAVEPOINT trgm');
      try {
        await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      } catch {
        await c.query('ROLLBACK TO SAVEPOINT trgm');
        return;
      }
      // Qualified: the extension may live in a schema that is not on this store's search_path.
      const schema = await c.query<{ s: string }>(
        `SELECT quote_ident(n.nspname) AS s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
      );
      await c.query(`CREATE INDEX document_content_trgm ON document_content USING gin (search_text ${schema.rows[0]!.s}.gin_trgm_ops)`);
    },
  },
  {
    version: 3,
    name: 'issuer folded for facets and filters',
    // A traditional page prints 重慶市武隆區人民政府辦公室: the same issuer as 重庆市武隆区人民政府办公室.
    // Folding is JavaScript (src/search/fold.ts), so the backfill runs here rather than in SQL.
    up: async (c) => {
      await c.query('ALTER TABLE documents ADD COLUMN issuer_key text');
      await c.query('CREATE INDEX documents_issuer_key ON documents (issuer_key)');
      const rows = await c.query<{ id: string; issuer: string }>('SELECT id, issuer FROM documents WHERE issuer IS NOT NULL');
      if (rows.rows.length === 0) return;
      await c.query('UPDATE documents d SET issuer_key = x.k FROM unnest($1::text[], $2::text[]) AS x(id, k) WHERE d.id = x.id', [
        rows.rows.map((r) => r.id),
        rows.rows.map((r) => fold(r.issuer)),
      ]);
    },
  },
  {
    version: 4,
    name: 'lexicon version, so every open store follows the words others learn',
    up: sql(`
      CREATE TABLE lexicon_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version bigint NOT NULL
      );
      INSERT INTO lexicon_state (version) VALUES (0);
    `),
  },
  {
    version: 5,
    name: 'registers documents imply: tasks, targets, normative judgement',
    // register_state.version below REGISTERS_VERSION (0 here) makes the store rebuild the
    // registers from the stored documents when it opens (registers.ts).
    up: sql(`
      CREATE TABLE tasks (
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx integer NOT NULL,                -- order in extractTasks' answer
        doc_number text,
        task text NOT NULL,
        leader text,
        deadline text,
        source jsonb NOT NULL,               -- {kind:'block',block} or {kind:'table',table,row}
        leads text[] NOT NULL,
        supports text[] NOT NULL,
        PRIMARY KEY (document_id, idx)
      );
      CREATE INDEX tasks_leads ON tasks USING gin (leads);
      CREATE INDEX tasks_supports ON tasks USING gin (supports);
      CREATE TABLE targets (
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx integer NOT NULL,                -- order in extractTargets' answer
        doc_number text,
        indicator text NOT NULL,
        indicator_key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('promise', 'outcome')),
        year integer NOT NULL,               -- the year the figure is about
        measure text NOT NULL,
        value double precision NOT NULL,
        unit text NOT NULL,
        qualifier text,
        quote text NOT NULL,
        block integer NOT NULL,
        extra jsonb NOT NULL,                -- optional fields beyond the contract (topic, estimated…)
        PRIMARY KEY (document_id, idx)
      );
      CREATE INDEX targets_indicator ON targets (indicator_key, year);
      CREATE INDEX targets_year ON targets (year);
      CREATE TABLE doc_normative (
        document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        normative boolean NOT NULL,
        judgement jsonb NOT NULL             -- the whole NormativeJudgement (reasons and any later fields)
      );
      CREATE INDEX doc_normative_flag ON doc_normative (normative);
      CREATE TABLE register_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version integer NOT NULL             -- REGISTERS_VERSION the stored registers were made with
      );
      INSERT INTO register_state (version) VALUES (0);
    `),
  },
  {
    version: 6,
    name: 'editors\' marks that a privacy finding is public; index feed version',
    up: sql(`
      CREATE TABLE IF NOT EXISTS public_marks (
        seq bigserial PRIMARY KEY,
        document_id text NOT NULL,
        text text NOT NULL,                  -- the finding, whitespace taken out
        author text NOT NULL,
        reason text NOT NULL,
        created_at text NOT NULL
      );
      CREATE INDEX IF NOT EXISTS public_marks_document ON public_marks (document_id);
      -- The INDEX_FEED_VERSION the search columns were fed with; below it, the store re-feeds them on
      -- open (an index made before it held de-identified text still finds people by name and number).
      CREATE TABLE IF NOT EXISTS index_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version integer NOT NULL
      );
      INSERT INTO index_state (version) VALUES (0) ON CONFLICT DO NOTHING;
    `),
  },
  {
    version: 7,
    name: 'task roles as printed (牵头/责任/配合), printed spellings, units named in text',
    // Unit names become the gazetteer's canonical ones (src/extract/units); version 0 rebuilds the
    // registers on the next open (REGISTERS_VERSION 3).
    up: sql(`
      ALTER TABLE tasks RENAME COLUMN supports TO responsible;
      ALTER INDEX tasks_supports RENAME TO tasks_responsible;
      ALTER TABLE tasks ADD COLUMN cooperating text[] NOT NULL DEFAULT '{}';
      ALTER TABLE tasks ADD COLUMN printed jsonb NOT NULL DEFAULT '{}';  -- canonical name → spelling printed, where they differ
      CREATE INDEX tasks_cooperating ON tasks USING gin (cooperating);
      CREATE TABLE unit_mentions (
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        unit text NOT NULL,                  -- canonical name
        printed text NOT NULL,
        count integer NOT NULL,
        snippet text NOT NULL,
        PRIMARY KEY (document_id, unit, printed)
      );
      CREATE INDEX unit_mentions_unit ON unit_mentions (unit);
      UPDATE register_state SET version = 0;
    `),
  },
  {
    version: 8,
    name: '政策解读, 问答库 and the editors audit log',
    // Links name document ids without a foreign key: a record outlives a re-ingest of its document.
    up: sql(`
      CREATE TABLE IF NOT EXISTS interpretations (
        id text PRIMARY KEY,
        status text NOT NULL,
        search_text text NOT NULL,           -- title and body, lower-cased, for substring search
        json jsonb NOT NULL,                 -- the whole InterpretationRecord
        updated_at text NOT NULL
      );
      CREATE TABLE IF NOT EXISTS interpretation_documents (
        record_id text NOT NULL REFERENCES interpretations(id) ON DELETE CASCADE,
        document_id text NOT NULL,
        PRIMARY KEY (record_id, document_id)
      );
      CREATE INDEX IF NOT EXISTS interpretation_documents_doc ON interpretation_documents (document_id);
      CREATE TABLE IF NOT EXISTS qa_entries (
        id text PRIMARY KEY,
        status text NOT NULL,
        search_text text NOT NULL,           -- question and answer, lower-cased
        json jsonb NOT NULL,                 -- the whole QaEntry
        updated_at text NOT NULL
      );
      CREATE INDEX IF NOT EXISTS qa_entries_status ON qa_entries (status);
      CREATE TABLE IF NOT EXISTS qa_documents (
        record_id text NOT NULL REFERENCES qa_entries(id) ON DELETE CASCADE,
        document_id text NOT NULL,
        PRIMARY KEY (record_id, document_id)
      );
      CREATE INDEX IF NOT EXISTS qa_documents_doc ON qa_documents (document_id);
      CREATE TABLE IF NOT EXISTS audit_log (
        seq bigserial PRIMARY KEY,
        at text NOT NULL,
        author text NOT NULL,
        action text NOT NULL,
        target text NOT NULL,
        detail jsonb NOT NULL
      );
    `),
  },
  {
    version: 9,
    name: 'crash-safe derived facts: changes committed vs. changes relations and statuses reflect',
    // derived.ts; a database from before may have been killed mid-recompute: one is owed when it holds documents.
    up: sql(`
      ALTER TABLE register_state ADD COLUMN changes integer NOT NULL DEFAULT 0;
      ALTER TABLE register_state ADD COLUMN derived integer NOT NULL DEFAULT 0;
      UPDATE register_state SET changes = 1 WHERE EXISTS (SELECT 1 FROM documents);
    `),
  },
  {
    version: 10,
    name: 'searched text in overlapping chunks: substring matches checked on small rows (indexing.ts)',
    // The trigram index moves from the whole text (a TOASTed value read per candidate) to the chunks.
    up: async (c) => {
      await c.query(`CREATE TABLE document_chunks (
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        text text NOT NULL,
        PRIMARY KEY (document_id, seq)
      )`);
      await c.query(`INSERT INTO document_chunks (document_id, seq, text) ${chunksSql('document_id', 'search_text', 'document_content')}`);
      const trgm = await c.query<{ s: string }>(
        `SELECT quote_ident(n.nspname) AS s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
      );
      if (trgm.rows[0]) {
        await c.query(`CREATE INDEX document_chunks_trgm ON document_chunks USING gin (text ${trgm.rows[0].s}.gin_trgm_ops)`);
      }
      await c.query('DROP INDEX IF EXISTS document_content_trgm');
    },
  },
  {
    version: 11,
    name: 'ranking words in parts by bucket, so ranking a match reads ~1 KB (indexing.ts)',
    up: async (c) => {
      await c.query(`CREATE TABLE document_word_parts (
        document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        bucket smallint NOT NULL,
        vector tsvector NOT NULL,
        PRIMARY KEY (document_id, bucket)
      )`);
      await c.query(`INSERT INTO document_word_parts (document_id, bucket, vector) SELECT document_id, ascii(l) % 16, string_agg(e, ' ')::tsvector
        FROM (SELECT w.document_id, unnest(tsvector_to_array(w.vector)) AS l, unnest(string_to_array(w.vector::text, ' ')) AS e
          FROM document_words w) x GROUP BY 1, 2`);
    },
  },
  {
    version: 12,
    name: 'documents by exact title, for references known only by title (notHeldSql)',
    // Hash: equality is all it serves, and a btree entry cannot hold a title over ~2.7 KB.
    up: sql('CREATE INDEX documents_title ON documents USING hash (title)'),
  },
  {
    version: 13,
    name: 'registers made small: unit-mention snippets as places in one excerpt per document, 《title》（文号） quotes stored once',
    // As SQLite's migration 13 (issue 11): a snippet (≈ 88 characters, 21 a document) is cut on reading
    // from unit_excerpts (registers.ts); the registers are rebuilt on the next open (REGISTERS_VERSION 5).
    // A citation or relation quote that is just 《title》（文号） is NULL (citedAs in ../registers.ts).
    up: sql(`
      ALTER TABLE unit_mentions ALTER COLUMN snippet DROP NOT NULL;
      ALTER TABLE unit_mentions ADD COLUMN IF NOT EXISTS at integer;
      CREATE TABLE IF NOT EXISTS unit_excerpts (
        document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        packed bytea NOT NULL                -- brotli JSON SnippetExcerpt (src/extract/units)
      );
      UPDATE register_state SET version = 0;
      ALTER TABLE citations ALTER COLUMN raw DROP NOT NULL;
      UPDATE citations SET raw = NULL WHERE raw = ${citedAsSql('doc_number', 'title')};
      DROP INDEX IF EXISTS citations_doc_number;  -- no query reads citations by 文号
      ALTER TABLE relations ALTER COLUMN quote DROP NOT NULL;
      UPDATE relations SET quote = NULL WHERE quote = ${citedAsSql('object_doc_number', 'object_title')};
    `),
  },
  {
    version: 14,
    name: 'GIN pending lists as large as a batch: merged once at its end, not every 4 MB (ingest.ts)',
    // A batch of 300 documents queues some 4 M trigram and 0.6 M bigram entries; with the default
    // 4 MB limit an insert merged the list into the tree every few documents, in work_mem (4 MB) chunks.
    up: sql(`
      ALTER INDEX document_content_bigrams SET (gin_pending_list_limit = ${GIN_PENDING_KB});
      DO $$ BEGIN
        IF to_regclass('document_chunks_trgm') IS NOT NULL THEN
          ALTER INDEX document_chunks_trgm SET (gin_pending_list_limit = ${GIN_PENDING_KB});
        END IF;
      END $$;
    `),
  },
  {
    version: 15,
    name: 'texts and word vectors compressed with lz4 where the server has it',
    // pglz compressing four text copies, the body, the bigram array and the word vector was a third
    // of the server's time in an ingest; lz4 compresses several times faster. Rows written before
    // keep pglz (both are read alike). A server built without lz4 keeps pglz.
    up: sql(`
      DO $$ BEGIN
        ALTER TABLE document_content ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN tables SET COMPRESSION lz4,
          ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN simplified_text SET COMPRESSION lz4,
          ALTER COLUMN original_text SET COMPRESSION lz4, ALTER COLUMN search_text SET COMPRESSION lz4,
          ALTER COLUMN bigrams SET COMPRESSION lz4;
        ALTER TABLE document_words ALTER COLUMN vector SET COMPRESSION lz4;
        ALTER TABLE document_word_parts ALTER COLUMN vector SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN NULL;
      END $$;
    `),
  },
  {
    version: 16,
    name: 'a document\'s body, text, simplified and original text stored once, packed (content.ts)',
    // Four near-identical copies (body, text, simplified_text, original_text: ~28 KB a document
    // after lz4) become one brotli blob of ~5 KB, packed in the parse workers; search_text stays
    // for the server's snippets, chunks and re-cutting. Existing rows are packed here, 200 at a time.
    up: async (c) => {
      await c.query('ALTER TABLE document_content ADD COLUMN packed bytea');
      // Brotli output does not compress: no lz4/pglz attempt on every insert.
      await c.query('ALTER TABLE document_content ALTER COLUMN packed SET STORAGE EXTERNAL');
      for (;;) {
        const rows = await c.query<{ document_id: string; body: unknown; text: string; simplified_text: string | null; original_text: string; search_text: string }>(
          'SELECT document_id, body, text, simplified_text, original_text, search_text FROM document_content WHERE packed IS NULL LIMIT 200',
        );
        if (rows.rows.length === 0) break;
        await c.query('UPDATE document_content c SET packed = x.p FROM unnest($1::text[], $2::bytea[]) AS x(id, p) WHERE c.document_id = x.id', [
          rows.rows.map((r) => r.document_id),
          rows.rows.map((r) => packDocumentRow(r)),
        ]);
      }
      await c.query(`ALTER TABLE document_content ALTER COLUMN packed SET NOT NULL,
        DROP COLUMN body, DROP COLUMN text, DROP COLUMN simplified_text, DROP COLUMN original_text`);
    },
  },
  {
    version: 17,
    name: 'titles by their character pairs and year signed: the newest documents with a word in the title found without reading every title (search.ts)',
    // A province has titles a word is rare in: the newest-first walk of 成文日期 read all 100,000 of
    // them; and words common in titles: reading all their titles to sort them cost 20 ms. The keys
    // are the title's pairs (a superset of src/search/bigrams.ts's: pairs with a blank kept — strpos
    // decides) and 'y' + the year signed, so a year's titles holding a word are one bitmap.
    up: sql(`
      CREATE FUNCTION title_keys(t text, signed text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}') || ('y' || left(signed, 4))
          FROM generate_series(1, length(t) - 1) AS i $$;
      CREATE INDEX documents_title_keys ON documents USING gin (title_keys(search_title, signed_on));
    `),
  },
  {
    version: 18,
    name: '文号 fragments found by the digit-bearing trigrams in the key array, ranks read from the word parts: document_chunks and the whole word vector dropped (indexing.ts)',
    // The chunks and their trigram index (half the GIN merge of an ingest) served only 文号
    // fragments, whose character pairs are in much of the corpus; the whole vector only the ranks
    // of a query whose words span buckets, which the parts joined give exactly. Each row's array
    // gains its text's digit-bearing trigrams, 500 rows at a time.
    up: async (c) => {
      await c.query('DROP TABLE IF EXISTS document_chunks');
      await c.query('DROP TABLE IF EXISTS document_words');
      for (let after = ''; ; ) {
        const rows = (await c.query<{ document_id: string; search_text: string }>(
          'SELECT document_id, search_text FROM document_content WHERE document_id > $1 ORDER BY document_id LIMIT 500',
          [after],
        )).rows;
        if (rows.length === 0) break;
        after = rows[rows.length - 1]!.document_id;
        const f = rows.map((r) => ({ id: r.document_id, keys: trigramsOf(r.search_text) })).filter((x) => x.keys.length > 0);
        await c.query('UPDATE document_content c SET bigrams = c.bigrams || x.k::text[] FROM unnest($1::text[], $2::text[]) AS x(id, k) WHERE c.document_id = x.id', [
          f.map((x) => x.id),
          f.map((x) => pgArray(x.keys)),
        ]);
      }
    },
  },
  {
    version: 19,
    name: 'each document\'s status inputs kept at ingest, read by the recompute instead of every document (status-inputs.ts)',
    up: async (c) => {
      await c.query(`CREATE TABLE document_status_inputs (
        document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        input text NOT NULL                  -- JSON: validity, normative, repeals (the rest is the document's rows)
      )`);
      await c.query(`DO $$ BEGIN ALTER TABLE document_status_inputs ALTER COLUMN input SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported THEN NULL; END $$`);
      await backfillStatusInputs(c);
    },
  },
  {
    version: 20,
    name: 'ranks counted from the searched text when searching: the word parts dropped (search.ts occurrenceRank)',
    // Cutting every document into jieba words and storing their vector was a fifth of an ingest's CPU
    // (and a learned word re-cut every stored document holding it) for the ranks of a few hundred
    // documents a query; the needles' occurrences in the text those documents hold rank them.
    up: sql('DROP TABLE IF EXISTS document_word_parts'),
  },
];

/** The digit-bearing trigrams of a stored search text, as searchKeys lists them for a new row. */
function trigramsOf(searchText: string): string[] {
  return searchKeys(splitSearchText(searchText)).filter((k) => [...k].length === 3);
}

/** Bring the schema up to date. An advisory lock keeps concurrent openers from racing. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock(7153)');
    await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > MIGRATIONS.length) {
      throw new UserError(`PostgreSQL database schema version ${newest} is newer than this gongbao (${MIGRATIONS.length}); upgrade gongbao`);
    }
    const pending = MIGRATIONS.filter((m) => !done.has(m.version));
    if (pending.length === 0) return;
    const avail = await c.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'`);
    const env = { trigram: (avail.rowCount ?? 0) > 0 };
    for (const m of pending) {
      await c.query('BEGIN');
      try {
        await m.up(c, env);
        await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await c.query('COMMIT');
      } catch (err) {
        await c.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await c.query('SELECT pg_advisory_unlock(7153)').catch(() => {});
    c.release();
  }
}

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
