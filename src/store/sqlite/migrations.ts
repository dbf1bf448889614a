/**
 * The SQLite schema, as an ordered list of migrations. PRAGMA user_version records how many have
 * run; each runs once, in a transaction. Never edit a shipped migration — append a new one.
 */
import type Database from 'better-sqlite3';
import { UserError } from '../../domain/errors.js';
import { fold } from '../../search/fold.js';
import type { FoldedDoc } from '../../search/document.js';
import { citedAsSql } from '../registers.js';
import { RELATION_VERBS } from '../store.js';
import { pack } from '../packed-content.js';
import { rebuildSearchTable, searchTableCurrent } from './search-index.js';

/** SQL, or a function for steps SQL cannot do (folding text needs OpenCC). */
export type Migration = string | ((db: Database.Database) => void);

export const MIGRATIONS: readonly Migration[] = [
  // 1 — issues with edition history, documents (metadata apart from bulky content), facts, search.
  `
  CREATE TABLE issues (
    id TEXT PRIMARY KEY,              -- stable across editions: title + year + number
    title TEXT NOT NULL,
    year INTEGER,
    number INTEGER,
    total_number INTEGER,
    published_on TEXT,
    current_edition TEXT NOT NULL
  );
  CREATE TABLE issue_editions (
    id TEXT PRIMARY KEY,              -- <issue id>@<sha256 prefix>
    issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL UNIQUE,
    source_file TEXT NOT NULL,
    encoding TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    superseded_at TEXT,               -- set when a corrected edition replaced this one
    title TEXT NOT NULL,
    year INTEGER,
    number INTEGER,
    total_number INTEGER,
    published_on TEXT,
    contents_json TEXT NOT NULL,
    index_json TEXT NOT NULL,
    front_matter TEXT NOT NULL,
    warnings_json TEXT NOT NULL
  );
  CREATE INDEX issue_editions_issue ON issue_editions(issue_id);

  CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,          -- rowid shared with the search tables
    id TEXT NOT NULL UNIQUE,
    doc_number TEXT,
    title TEXT NOT NULL,
    search_title TEXT NOT NULL,       -- folded title, for title-hit scoring without re-folding
    issuer TEXT,
    kind TEXT,
    addressees TEXT,
    signed_on TEXT,
    year INTEGER,
    publicity TEXT,
    pages_json TEXT,
    attachments_json TEXT NOT NULL,
    warnings_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX documents_doc_number ON documents(doc_number);
  CREATE INDEX documents_year ON documents(year);
  CREATE INDEX documents_signed_on ON documents(signed_on);

  CREATE TABLE document_content (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    body_json TEXT NOT NULL,
    text TEXT NOT NULL,
    simplified_text TEXT,
    original_text TEXT NOT NULL
  );
  CREATE TABLE occurrences (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    issue_id TEXT NOT NULL,
    edition_id TEXT NOT NULL REFERENCES issue_editions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    page_from INTEGER,
    page_to INTEGER,
    PRIMARY KEY (document_id, edition_id)
  );
  CREATE INDEX occurrences_edition ON occurrences(edition_id, position);
  CREATE TABLE paragraphs (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    level INTEGER NOT NULL,
    marker TEXT,
    heading TEXT,
    text TEXT NOT NULL,
    attachment INTEGER,
    PRIMARY KEY (document_id, idx)
  );
  CREATE TABLE doc_tables (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    title TEXT,
    header_json TEXT NOT NULL,
    rows_json TEXT NOT NULL,
    source TEXT NOT NULL,
    after_block INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
  );
  CREATE TABLE doc_numbers (
    doc_number TEXT PRIMARY KEY,      -- canonical 文号
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    agency TEXT NOT NULL,
    year INTEGER NOT NULL,
    serial INTEGER NOT NULL
  );
  CREATE INDEX doc_numbers_document ON doc_numbers(document_id);
  CREATE TABLE citations (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    doc_number TEXT,
    title TEXT,
    raw TEXT NOT NULL,
    block INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
  );
  CREATE INDEX citations_doc_number ON citations(doc_number);
  CREATE TABLE relations (
    subject_id TEXT NOT NULL,
    verb TEXT NOT NULL CHECK (verb IN ('cites', 'repeals', 'amends', 'replaces')),
    object_id TEXT NOT NULL,
    object_doc_number TEXT,
    object_title TEXT,
    date TEXT,
    quote TEXT NOT NULL,
    reason TEXT,
    block INTEGER
  );
  CREATE INDEX relations_subject ON relations(subject_id);
  CREATE INDEX relations_object ON relations(object_id);
  CREATE TABLE statuses (
    document_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    since TEXT,
    evidence_json TEXT NOT NULL
  );
  CREATE TABLE corrections (
    seq INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    status TEXT NOT NULL,
    effective_from TEXT,
    author TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX corrections_document ON corrections(document_id, created_at);
  CREATE TABLE doc_references (
    key TEXT PRIMARY KEY,             -- ref:<文号> or ref:《title》
    doc_number TEXT,
    title TEXT,
    source TEXT NOT NULL,
    first_edition TEXT NOT NULL
  );

  -- Search. doc_tri: trigram substrings (>= 3 chars) and the folded text snippets are cut from.
  CREATE VIRTUAL TABLE doc_tri USING fts5(title, docnum, body, tokenize = 'trigram');
  -- doc_words: jieba words for BM25 ranking; contentless, the words are never shown.
  CREATE VIRTUAL TABLE doc_words USING fts5(title, docnum, body, content = '', contentless_delete = 1);
  -- doc_bigrams: postings for 2-character fragments, below what trigrams can match.
  CREATE TABLE doc_bigrams (
    bigram TEXT NOT NULL,
    seq INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (bigram, seq)
  ) WITHOUT ROWID;
  CREATE INDEX doc_bigrams_seq ON doc_bigrams(seq);
  -- Learned dictionary: counts of candidate words seen in the corpus.
  CREATE TABLE lexicon (
    word TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    count INTEGER NOT NULL
  );
  `,
  // 2 — listing columns kept on the row (search and listings read them for every match).
  `
  ALTER TABLE documents ADD COLUMN issue_id TEXT;         -- issue of the latest printing
  ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT '未知'; -- effective: correction > computed
  CREATE INDEX documents_status ON documents(status);
  UPDATE documents SET
    status = COALESCE(
      (SELECT c.status FROM corrections c WHERE c.document_id = documents.id ORDER BY c.created_at DESC, c.seq DESC LIMIT 1),
      (SELECT s.status FROM statuses s WHERE s.document_id = documents.id), '未知'),
    issue_id = (SELECT o.issue_id FROM occurrences o JOIN issue_editions e ON e.id = o.edition_id
      WHERE o.document_id = documents.id ORDER BY e.ingested_at DESC, e.rowid DESC LIMIT 1);
  `,
  // 3 — issuer folded to simplified characters for facets and filters (a traditional page prints
  //     重慶市武隆區人民政府辦公室; it is the same issuer as 重庆市武隆区人民政府办公室).
  (db) => {
    db.exec('ALTER TABLE documents ADD COLUMN issuer_key TEXT; CREATE INDEX documents_issuer_key ON documents(issuer_key);');
    const set = db.prepare('UPDATE documents SET issuer_key = ? WHERE seq = ?');
    for (const r of db.prepare('SELECT seq, issuer FROM documents WHERE issuer IS NOT NULL').all() as Array<{ seq: number; issuer: string }>) {
      set.run(fold(r.issuer), r.seq);
    }
  },
  // 4 — the registers documents imply, extracted at ingest: task register, work-report targets,
  //     规范性文件 judgement. register_state.version below REGISTERS_VERSION (0 here) makes the
  //     store rebuild them from the stored documents when it opens (registers.ts).
  `
  CREATE TABLE tasks (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,               -- order in extractTasks' answer
    doc_number TEXT,
    task TEXT NOT NULL,
    leader TEXT,
    deadline TEXT,
    source_json TEXT NOT NULL,          -- {kind:'block',block} or {kind:'table',table,row}
    PRIMARY KEY (document_id, idx)
  );
  CREATE TABLE task_units (
    document_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
    position INTEGER NOT NULL,
    unit TEXT NOT NULL,
    PRIMARY KEY (document_id, idx, role, position),
    FOREIGN KEY (document_id, idx) REFERENCES tasks(document_id, idx) ON DELETE CASCADE
  );
  CREATE INDEX task_units_unit ON task_units(unit, role);
  CREATE TABLE targets (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,               -- order in extractTargets' answer
    doc_number TEXT,
    indicator TEXT NOT NULL,
    indicator_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('promise', 'outcome')),
    year INTEGER NOT NULL,              -- the year the figure is about
    measure TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT,
    quote TEXT NOT NULL,
    block INTEGER NOT NULL,
    extra_json TEXT NOT NULL,           -- optional fields beyond the contract (topic, estimated…)
    PRIMARY KEY (document_id, idx)
  );
  CREATE INDEX targets_indicator ON targets(indicator_key, year);
  CREATE INDEX targets_year ON targets(year);
  CREATE TABLE doc_normative (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    normative INTEGER NOT NULL,
    judgement_json TEXT NOT NULL        -- the whole NormativeJudgement (reasons and any later fields)
  );
  CREATE INDEX doc_normative_flag ON doc_normative(normative);
  CREATE TABLE register_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL            -- REGISTERS_VERSION the stored registers were made with
  );
  INSERT INTO register_state VALUES (1, 0);
  `,
  // 5 — no index on doc_bigrams(seq): it was as large as the postings themselves (124 of 742 MB on
  //     4,700 documents). Removing a document deletes its postings by primary key, from the bigrams
  //     of the text doc_tri holds (search-index.ts). The freed pages are reused; VACUUM returns them.
  `
  DROP INDEX IF EXISTS doc_bigrams_seq;
  `,
  // 6 — editors' marks that a privacy finding is public (a unit's hotline): events, like corrections.
  //     IF NOT EXISTS: a database set back to an older user_version (as the upgrade test does) keeps it.
  `
  CREATE TABLE IF NOT EXISTS public_marks (
    seq INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    text TEXT NOT NULL,               -- the finding, whitespace taken out
    author TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS public_marks_document ON public_marks(document_id);
  -- The INDEX_FEED_VERSION the search index was fed with; below it, the store re-feeds it on open
  -- (an index made before it held de-identified text still finds people by name and number).
  CREATE TABLE IF NOT EXISTS index_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
  );
  INSERT OR IGNORE INTO index_state VALUES (1, 0);
  `,
  // 7 — roles as printed (牵头 lead / 责任 responsible / 配合 cooperating) and the spelling each unit
  //     was printed with (its name is the gazetteer's canonical one); the units each text names.
  //     The registers are rebuilt on the next open (version 0 here, REGISTERS_VERSION 3).
  `
  DROP TABLE task_units;
  CREATE TABLE task_units (
    document_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead', 'responsible', 'cooperating')),
    position INTEGER NOT NULL,
    unit TEXT NOT NULL,                 -- canonical name (src/extract/units)
    printed TEXT NOT NULL,              -- as the document prints it
    PRIMARY KEY (document_id, idx, role, position),
    FOREIGN KEY (document_id, idx) REFERENCES tasks(document_id, idx) ON DELETE CASCADE
  );
  CREATE INDEX task_units_unit ON task_units(unit, role);
  CREATE TABLE unit_mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,                 -- canonical name
    printed TEXT NOT NULL,
    count INTEGER NOT NULL,
    snippet TEXT NOT NULL,
    PRIMARY KEY (document_id, unit, printed)
  );
  CREATE INDEX unit_mentions_unit ON unit_mentions(unit);
  UPDATE register_state SET version = 0;
  `,
  // 8 — 政策解读, 问答库 and the editors' audit log (src/store/editorial.ts). Links name document ids
  //     without a foreign key: a record outlives a re-ingest of its document. IF NOT EXISTS: a
  //     database taken back to an older version and upgraded again keeps the editors' records.
  `
  CREATE TABLE IF NOT EXISTS interpretations (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    search_text TEXT NOT NULL,          -- title and body, lower-cased, for substring search
    json TEXT NOT NULL,                 -- the whole InterpretationRecord
    updated_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS interpretation_documents (
    record_id TEXT NOT NULL REFERENCES interpretations(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    PRIMARY KEY (record_id, document_id)
  );
  CREATE INDEX IF NOT EXISTS interpretation_documents_doc ON interpretation_documents(document_id);
  CREATE TABLE IF NOT EXISTS qa_entries (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    search_text TEXT NOT NULL,          -- question and answer, lower-cased
    json TEXT NOT NULL,                 -- the whole QaEntry
    updated_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS qa_entries_status ON qa_entries(status);
  CREATE TABLE IF NOT EXISTS qa_documents (
    record_id TEXT NOT NULL REFERENCES qa_entries(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    PRIMARY KEY (record_id, document_id)
  );
  CREATE INDEX IF NOT EXISTS qa_documents_doc ON qa_documents(document_id);
  CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail_json TEXT NOT NULL
  );
  `,
  // 9 — crash-safe derived facts (derived.ts): \`changes\` counts committed ingests and corrections,
  //     \`derived\` the count the stored relations and statuses were computed from. A database from
  //     before may have been killed mid-recompute: one recompute is owed when it holds documents.
  `
  ALTER TABLE register_state ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE register_state ADD COLUMN derived INTEGER NOT NULL DEFAULT 0;
  UPDATE register_state SET changes = 1 WHERE EXISTS (SELECT 1 FROM documents);
  `,
  // 10 — the text stored once (packed-content.ts): document_content becomes one compressed blob per
  //     document (body, text, simplified, original, folded); paragraphs (never read) go; doc_tri
  //     becomes contentless; the bigram row table becomes a contentless FTS5 table of bigram
  //     tokens (detail=none: a delta-encoded list of documents per bigram). ≈ 3.9× smaller on 10k.
  //     (Those two search tables are left empty now: migration 11 replaces them, fed from the packed text.)
  (db) => {
    // A file whose version was set back by hand (the register-rebuild test) is packed already.
    if ((db.prepare("SELECT count(*) FROM pragma_table_info('document_content') WHERE name = 'packed'").pluck().get() as number) > 0) return;
    db.exec(`CREATE TABLE document_content_packed (document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, packed BLOB NOT NULL);
      CREATE VIRTUAL TABLE doc_tri_slim USING fts5(title, docnum, body, tokenize = 'trigram', content = '', contentless_delete = 1);
      CREATE VIRTUAL TABLE doc_bi USING fts5(b, tokenize = 'ascii', content = '', contentless_delete = 1, detail = none);`);
    // In pages of documents: a large file's text never sits in memory whole.
    const page = db.prepare(
      `SELECT d.seq, d.id, c.body_json, c.text, c.simplified_text, c.original_text, t.title AS ft, t.docnum AS fd, t.body AS fb
       FROM documents d JOIN document_content c ON c.document_id = d.id LEFT JOIN doc_tri t ON t.rowid = d.seq
       WHERE d.seq > ? ORDER BY d.seq LIMIT 500`,
    );
    const ins = db.prepare('INSERT INTO document_content_packed VALUES (?, ?)');
    for (let last = -1; ; ) {
      const rows = page.all(last) as Array<Record<string, string | number | null>>;
      if (rows.length === 0) break;
      for (const r of rows) {
        const f: FoldedDoc = { title: String(r.ft ?? ''), docnum: String(r.fd ?? ''), body: String(r.fb ?? '') };
        const content = { body: JSON.parse(r.body_json as string), text: r.text as string, simplifiedText: r.simplified_text as string | null, originalText: r.original_text as string };
        ins.run(r.id, pack({ ...content, folded: f }));
        last = r.seq as number;
      }
    }
    db.exec(`DROP TABLE document_content; ALTER TABLE document_content_packed RENAME TO document_content;
      DROP TABLE paragraphs; DROP TABLE doc_bigrams; DROP TABLE doc_tri; ALTER TABLE doc_tri_slim RENAME TO doc_tri;`);
  },
  // 11 — one search table instead of three: doc_bg, every pair of adjacent characters as a token
  //     (src/search/bigrams.ts), replaces the trigram table, the jieba-word table (BM25 is taken
  //     over the pairs) and the bigram table: 153 against 284 MB on the 10k scale corpus. Fed from
  //     the folded text packed with each document, in pages. And an index on titles, for references.
  (db) => {
    // IF EXISTS: a file whose version was set back by hand (the register-rebuild test) has doc_bg already.
    db.exec(`DROP TABLE IF EXISTS doc_tri; DROP TABLE IF EXISTS doc_words; DROP TABLE IF EXISTS doc_bi;
      CREATE INDEX IF NOT EXISTS documents_title ON documents(title); -- references known by title only (registers.ts notHeldSql)`);
    rebuildSearchTable(db);
  },
  // 12 — incremental status recomputation (src/status/recompute.ts): each document's status inputs
  //     (validity, repeals, 规范性文件 judgement: extracted once, at ingest), the keys its references
  //     resolve by, and what changed since relations and statuses were derived (documents, and the
  //     keys they held before a change) with the date the statuses were judged at. The registers are
  //     rebuilt on the next open (version 0), which fills the inputs; the first recompute is full.
  //     IF NOT EXISTS: a database set back to an older user_version (the upgrade test) keeps them.
  (db) => {
    db.exec(`
  CREATE TABLE IF NOT EXISTS doc_status_inputs (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    input_json TEXT NOT NULL,           -- validity, normative, repeals (citations: the citations table)
    own_keys_json TEXT NOT NULL,        -- resolutionKeys of the document and of the seeds it adds
    seeds_json TEXT                     -- repeal targets printed with 文号 and title; NULL: none
  );
  CREATE TABLE IF NOT EXISTS doc_ref_keys (
    key TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, document_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS doc_ref_keys_document ON doc_ref_keys(document_id);
  CREATE TABLE IF NOT EXISTS derive_owed (
    item TEXT PRIMARY KEY,              -- d:<document id> changed, k:<key> a changed document held
    change INTEGER NOT NULL             -- register_state.changes of the change that owes it
  ) WITHOUT ROWID;
  UPDATE register_state SET version = 0;`);
    // Not in the SQL: a database set back to an older user_version has the column already.
    const has = db.prepare("SELECT count(*) FROM pragma_table_info('register_state') WHERE name = 'derived_on'").pluck().get() as number;
    if (has === 0) db.exec('ALTER TABLE register_state ADD COLUMN derived_on TEXT');
  },
  // 13 — the registers made small (issue 11: 200 of 543 MB on 10k documents were these tables).
  //     Units by number (unit_names), documents by seq, keyed tables WITHOUT ROWID (no second copy
  //     of the key in an autoindex), and a unit mention's snippet kept as its place in one excerpt
  //     per document (unit_excerpts, registers.ts). A quote that is just 《title》（文号） is not
  //     stored twice (citedAs in registers.ts); citations name what they cite once (cited_names).
  //     So do 规范性文件 judgements (judgements); statuses, occurrences and 文号 become WITHOUT ROWID.
  //     The registers are rebuilt on the next open (version 0 here, REGISTERS_VERSION 5).
  (db) => {
    db.exec(`
      -- IF EXISTS: a file set back to an older version by hand (the register-rebuild test) has them.
      DROP TABLE IF EXISTS task_units;
      DROP TABLE IF EXISTS tasks;
      DROP TABLE IF EXISTS unit_mentions;
      DROP TABLE IF EXISTS unit_excerpts;
      CREATE TABLE IF NOT EXISTS unit_names (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      );
      CREATE TABLE tasks (
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        idx INTEGER NOT NULL,               -- order in extractTasks' answer
        doc_number TEXT,                    -- NULL: the document's 文号; '': none (registers.ts, ownDocNumber)
        task TEXT NOT NULL,
        leader TEXT,
        deadline TEXT,
        block INTEGER,                      -- the source block; NULL: a table row, in source_json
        source_json TEXT,
        PRIMARY KEY (doc, idx)
      ) WITHOUT ROWID;
      CREATE TABLE task_units (
        doc INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        role INTEGER NOT NULL CHECK (role IN (0, 1, 2)), -- TASK_ROLES: lead, responsible, cooperating
        position INTEGER NOT NULL,
        unit INTEGER NOT NULL,              -- unit_names: the canonical name
        printed INTEGER,                    -- unit_names: as printed; NULL: the canonical name
        PRIMARY KEY (doc, idx, role, position),
        FOREIGN KEY (doc, idx) REFERENCES tasks(doc, idx) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX task_units_unit ON task_units(unit, role);
      -- In unit order (a unit page reads one range); a document's rows are found by its units,
      -- listed in unit_excerpts, so no second index holds them all again.
      CREATE TABLE unit_mentions (
        unit INTEGER NOT NULL,              -- unit_names: the canonical name
        doc INTEGER NOT NULL,               -- documents.seq; the rows go with unit_excerpts' row
        printed INTEGER NOT NULL,           -- unit_names: as printed
        count INTEGER NOT NULL,
        at INTEGER,                         -- the first mention's place in the document's excerpt…
        snippet TEXT,                       -- …or, when that does not give the snippet back, the snippet
        PRIMARY KEY (unit, doc, printed)
      ) WITHOUT ROWID;
      CREATE TABLE unit_excerpts (
        doc INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
        units TEXT NOT NULL,                -- JSON array: the unit_names ids of its unit_mentions rows
        packed BLOB                         -- brotli JSON SnippetExcerpt (src/extract/units); NULL: not needed
      );
      CREATE TRIGGER unit_excerpts_gone AFTER DELETE ON unit_excerpts BEGIN
        DELETE FROM unit_mentions WHERE unit IN (SELECT value FROM json_each(old.units)) AND doc = old.doc;
      END;
      DROP TABLE IF EXISTS targets;
      CREATE TABLE targets (
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        idx INTEGER NOT NULL,               -- order in extractTargets' answer
        doc_number TEXT,                    -- as tasks.doc_number
        indicator TEXT NOT NULL,
        indicator_key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('promise', 'outcome')),
        year INTEGER NOT NULL,              -- the year the figure is about
        measure TEXT NOT NULL,
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        qualifier TEXT,
        quote TEXT NOT NULL,
        block INTEGER NOT NULL,
        extra_json TEXT NOT NULL,           -- optional fields beyond the contract (topic, estimated…)
        PRIMARY KEY (doc, idx)
      );
      CREATE INDEX targets_indicator ON targets(indicator_key, year);
      CREATE INDEX targets_year ON targets(year);
      UPDATE register_state SET version = 0;
    `);
    // A file set back to an older version by hand (the register-rebuild test) is converted already.
    const column = (table: string, name: string) =>
      (db.prepare(`SELECT count(*) FROM pragma_table_info('${table}') WHERE name = ?`).pluck().get(name) as number) > 0;
    if (column('citations', 'document_id')) {
      db.exec(`
      -- Citations by seq, the 文号 and title once in cited_names (citations.ts).
      CREATE TABLE IF NOT EXISTS cited_names (
        id INTEGER PRIMARY KEY,
        doc_number TEXT,
        title TEXT
      );
      CREATE INDEX IF NOT EXISTS cited_names_title ON cited_names(title);
      INSERT INTO cited_names(doc_number, title) SELECT DISTINCT doc_number, title FROM citations;
      CREATE TABLE citations_compact (
        doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        cited INTEGER NOT NULL,             -- cited_names
        raw TEXT,                           -- NULL: printed as 《title》（文号）
        block INTEGER NOT NULL,
        PRIMARY KEY (doc, idx)
      ) WITHOUT ROWID;
      INSERT INTO citations_compact SELECT d.seq, c.idx, n.id,
        CASE WHEN c.raw = ${citedAsSql('c.doc_number', 'c.title')} THEN NULL ELSE c.raw END, c.block
        FROM citations c JOIN documents d ON d.id = c.document_id JOIN cited_names n ON n.doc_number IS c.doc_number AND n.title IS c.title;
      DROP TABLE citations;
      ALTER TABLE citations_compact RENAME TO citations;
      `);
    }
    if (column('doc_normative', 'judgement_json')) {
      db.exec(`
      -- A judgement's reasons are a few hundred texts in all: each once, in judgements. No index on
      -- the flag: listDocuments({normative}) looks each document's judgement up by its key.
      CREATE TABLE IF NOT EXISTS judgements (
        id INTEGER PRIMARY KEY,
        json TEXT NOT NULL UNIQUE           -- the whole NormativeJudgement
      );
      INSERT OR IGNORE INTO judgements(json) SELECT judgement_json FROM doc_normative;
      CREATE TABLE doc_normative_compact (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        normative INTEGER NOT NULL,
        judgement INTEGER NOT NULL          -- judgements
      ) WITHOUT ROWID;
      INSERT INTO doc_normative_compact SELECT n.document_id, n.normative, j.id FROM doc_normative n JOIN judgements j ON j.json = n.judgement_json;
      DROP TABLE doc_normative;
      ALTER TABLE doc_normative_compact RENAME TO doc_normative;
      `);
    }
    // Not targets: its two indexes would hold its (text) key where they hold a rowid now.
    for (const t of ['statuses', 'occurrences', 'doc_numbers']) withoutRowid(db, t);
    if (column('relations', 'subject_id')) {
      db.exec(`
      -- Relations by their ends (relations.ts): a document id, or a ref: key with the 文号 and title named.
      CREATE TABLE relation_ends (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,                  -- a document id or ref:<文号> / ref:《title》
        doc_number TEXT,                    -- as an object: the 文号 and title the relation names it by
        title TEXT
      );
      CREATE INDEX relation_ends_key ON relation_ends(key);
      INSERT INTO relation_ends(key, doc_number, title)
        SELECT subject_id, NULL, NULL FROM relations UNION SELECT object_id, object_doc_number, object_title FROM relations;
      CREATE TABLE relations_compact (
        subject INTEGER NOT NULL,           -- relation_ends
        verb INTEGER NOT NULL CHECK (verb BETWEEN 0 AND 3), -- RELATION_VERBS: cites, repeals, amends, replaces
        object INTEGER NOT NULL,            -- relation_ends
        date TEXT,
        quote TEXT,                         -- NULL: the quote is 《title》（文号） of the object end
        reason TEXT,
        block INTEGER
      );
      INSERT INTO relations_compact SELECT s.id, CASE r.verb ${RELATION_VERBS.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END, o.id, r.date,
        CASE WHEN r.quote = ${citedAsSql('r.object_doc_number', 'r.object_title')} THEN NULL ELSE r.quote END, r.reason, r.block
        FROM relations r JOIN relation_ends s ON s.key = r.subject_id AND s.doc_number IS NULL AND s.title IS NULL
        JOIN relation_ends o ON o.key = r.object_id AND o.doc_number IS r.object_doc_number AND o.title IS r.object_title
        ORDER BY r.rowid;
      DROP TABLE relations;
      ALTER TABLE relations_compact RENAME TO relations;
      CREATE INDEX relations_subject ON relations(subject);
      CREATE INDEX relations_object ON relations(object);
      `);
    }
  },
  // 14 — who runs a bulk ingest (search-index.ts deferMerges): FTS5 keeps merging off in the file,
  //     and a store opened after that process died finishes the merging it put off.
  `CREATE TABLE IF NOT EXISTS bulk_ingest (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, host TEXT NOT NULL, started_at TEXT NOT NULL);`,
  // 15 — the search table's body column first (search-index.ts SEARCH_TABLE): a quarter less
  //     index. Made again from the packed folded text; a file whose migration 11 already made it so
  //     (a fresh one) is left alone.
  (db) => {
    if (!searchTableCurrent(db)) rebuildSearchTable(db);
  },
];

/**
 * Rebuild a table keyed by a PRIMARY KEY as WITHOUT ROWID (its rows in key order, no autoindex
 * holding the key a second time), with its indexes. A table that is so already is left alone.
 */
function withoutRowid(db: Database.Database, table: string): void {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
  if (/WITHOUT ROWID\s*$/i.test(sql)) return;
  const indexes = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").pluck().all(table) as string[];
  const fresh = `${table}_keyed`;
  db.exec(`${sql.replace(/^CREATE TABLE\s+"?\w+"?/i, `CREATE TABLE ${fresh}`)} WITHOUT ROWID;
    INSERT INTO ${fresh} SELECT * FROM ${table}; DROP TABLE ${table}; ALTER TABLE ${fresh} RENAME TO ${table};
    ${indexes.map((i) => `${i};`).join('\n')}`);
}

export function migrate(db: Database.Database): void {
  // Two processes may open a fresh file at once (two `gongbao ingest` runs): each step reads the
  // version inside an IMMEDIATE transaction, so the second waits for the first and then skips.
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const step = db.transaction((): boolean => {
    const v = version();
    if (v > MIGRATIONS.length) {
      throw new UserError(`${db.name}: database schema version ${v} is newer than this gongbao (${MIGRATIONS.length}); upgrade gongbao`);
    }
    if (v === MIGRATIONS.length) return false;
    const m = MIGRATIONS[v]!;
    if (typeof m === 'string') db.exec(m);
    else m(db);
    db.pragma(`user_version = ${v + 1}`);
    return true;
  });
  while (step.immediate()) { /* one migration per transaction */ }
}
