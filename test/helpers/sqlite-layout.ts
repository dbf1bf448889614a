/**
 * Older SQLite layouts rebuilt from a file written today, for the upgrade tests: a new file at an
 * older schema version with today's file attached as `cur`, and the facts migration 13 reshaped
 * (judgements, citations, relations) copied back in their text form.
 */
import Database from 'better-sqlite3';
import { citedAsSql } from '../../src/store/registers.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { RELATIONS_SQL } from '../../src/store/sqlite/relations.js';

/** A new file `to` holding the first `version` migrations, `from` attached as cur, and `plain` copied as they are. */
export function layoutAt(to: string, version: number, from: string, plain: readonly string[]): Database.Database {
  const db = new Database(to);
  for (const m of MIGRATIONS.slice(0, version)) {
    if (typeof m === 'string') db.exec(m);
    else m(db);
  }
  db.pragma(`user_version = ${version}`);
  db.exec(`ATTACH '${from}' AS cur`);
  db.exec('DELETE FROM register_state; DELETE FROM index_state');
  // The columns the older table has (a later migration may have added some).
  for (const t of [...plain, 'register_state', 'index_state']) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info('${t}', 'main')`).pluck().all() as string[]).join(', ');
    db.exec(`INSERT INTO main.${t}(${cols}) SELECT ${cols} FROM cur.${t}`);
  }
  return db;
}

/** Judgements, citations and relations as they were stored before migration 13 (every quote in full). */
export function copyFactsAsText(db: Database.Database, from: string): void {
  db.exec('INSERT INTO main.doc_normative SELECT n.document_id, n.normative, j.json FROM cur.doc_normative n JOIN cur.judgements j ON j.id = n.judgement');
  db.exec(`INSERT INTO main.citations SELECT d.id, c.idx, n.doc_number, n.title, coalesce(c.raw, ${citedAsSql('n.doc_number', 'n.title')}), c.block
    FROM cur.citations c JOIN cur.documents d ON d.seq = c.doc JOIN cur.cited_names n ON n.id = c.cited`);
  // RELATIONS_SQL names today's tables unqualified: read it on a connection of its own.
  const cur = new Database(from, { readonly: true });
  const rel = db.prepare('INSERT INTO main.relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const r of cur.prepare(RELATIONS_SQL()).raw().all() as unknown[][]) rel.run(...r);
  cur.close();
}
