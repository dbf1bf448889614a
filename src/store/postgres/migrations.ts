/**
 * The one PostgreSQL schema, as numbered migrations recorded in schema_migrations. Append new
 * migrations; never edit an applied one. Each runs in its own transaction.
 */
import type pg from 'pg';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (c: pg.PoolClient, env: { trigram: boolean }) => Promise<void>;
}

const sql = (text: string) => async (c: pg.PoolClient) => void (await c.query(text));

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'issues, editions, documents, content',
    up: sql(`
      -- One row per gazette issue (the work); each ingested file of it is an edition (the expression).
      CREATE TABLE issues (
        id text PRIMARY KEY,
        title text NOT NULL,
        year integer,
        number integer,
        total_number integer,
        published_on text,
        contents jsonb NOT NULL DEFAULT '[]',
        index_entries jsonb NOT NULL DEFAULT '[]',
        current_edition integer NOT NULL
      );
      CREATE TABLE issue_editions (
        issue_id text NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        edition integer NOT NULL,
        sha256 text NOT NULL UNIQUE,
        source_file text NOT NULL,
        encoding text NOT NULL,
        bytes integer NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        document_ids jsonb NOT NULL DEFAULT '[]',
        warnings jsonb NOT NULL DEFAULT '[]',
        front_matter text NOT NULL DEFAULT '',
        PRIMARY KEY (issue_id, edition)
      );
      -- Metadata only: listings never touch the bulky text in document_content.
      CREATE TABLE documents (
        id text PRIMARY KEY,
        doc_number text,
        title text NOT NULL,
        issuer text,
        kind text,
        addressees text,
        signed_on text,
        year integer,
        publicity text,
        issue_id text REFERENCES issues(id) ON DELETE SET NULL,
        position integer NOT NULL DEFAULT 0,
        pages jsonb,
        attachments jsonb NOT NULL DEFAULT '[]',
        cites jsonb NOT NULL DEFAULT '[]',
        warnings jsonb NOT NULL DEFAULT '[]'
      );
      CREATE INDEX documents_doc_number ON documents (doc_number);
      CREATE INDEX documents_issue ON documents (issue_id, position);
      CREATE INDEX documents_year ON documents (year);
      CREATE TABLE document_content (
        document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        body jsonb NOT NULL,
        tables jsonb NOT NULL,
        text text NOT NULL,
        simplified_text text,
        original_text text NOT NULL,
        -- Simplified title + 文号 + text, what substring matching runs over.
        search_text text NOT NULL,
        -- jieba tokens, title A / 文号 B / body C, for ranking.
        search_vector tsvector NOT NULL
      );
      CREATE INDEX document_content_vector ON document_content USING gin (search_vector);
      -- Words learned from the corpus (src/search/lexicon.ts) that the segmenter loads on open.
      CREATE TABLE lexicon (
        word text PRIMARY KEY,
        count integer NOT NULL,
        source text NOT NULL
      );
      -- Documents known only by reference (index entries, citations) per issue.
      CREATE TABLE doc_references (
        issue_id text NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        position integer NOT NULL,
        doc_number text,
        title text,
        source text NOT NULL,
        PRIMARY KEY (issue_id, position)
      );
    `),
  },
  {
    version: 2,
    name: 'relations, statuses, corrections',
    up: sql(`
      CREATE TABLE relations (
        id bigserial PRIMARY KEY,
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
        evidence jsonb NOT NULL DEFAULT '[]'
      );
      -- Events, never updated: an editor's correction sits beside the computed status.
      CREATE TABLE corrections (
        id bigserial PRIMARY KEY,
        document_id text NOT NULL,
        status text NOT NULL,
        effective_from text,
        author text NOT NULL,
        reason text NOT NULL,
        created_at text NOT NULL
      );
      CREATE INDEX corrections_document ON corrections (document_id, id);
    `),
  },
  {
    version: 3,
    name: 'trigram index for substring search',
    // pg_trgm is contrib: when the install lacks it, ILIKE still works, just without an index.
    up: async (c, env) => {
      if (!env.trigram) return;
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await c.query('CREATE INDEX document_content_trgm ON document_content USING gin (search_text gin_trgm_ops)');
    },
  },
];

/** Bring the schema up to date. An advisory lock keeps concurrent openers from racing. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock(7153)');
    await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
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
