/**
 * Interned ids (sqlite/dictionary.ts) inside a batch's transaction: remembered per table and by
 * every column, NULLs apart from strings, and forgotten with a transaction that rolled back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { internId, withInternCache } from '../src/store/sqlite/dictionary.js';

function db(): Database.Database {
  const d = new Database(':memory:');
  d.exec(`CREATE TABLE unit_names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
    CREATE TABLE judgements (id INTEGER PRIMARY KEY, json TEXT NOT NULL UNIQUE);
    CREATE TABLE cited_names (id INTEGER PRIMARY KEY, doc_number TEXT, title TEXT)`);
  return d;
}
const inTransaction = <T>(d: Database.Database, fn: () => T) => withInternCache(d, () => d.transaction(fn)());
const row = (d: Database.Database, table: string, id: number) => d.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id);

test('one batch remembers each table\'s ids apart, by every column, NULLs apart from strings', () => {
  const d = db();
  inTransaction(d, () => {
    d.prepare("INSERT INTO unit_names(name) VALUES ('a'), ('b')").run();
    const judgement = internId(d, 'judgements', { json: 'b' });
    const unit = internId(d, 'unit_names', { name: 'b' });
    assert.deepEqual([row(d, 'judgements', judgement), row(d, 'unit_names', unit)], [{ id: 1, json: 'b' }, { id: 2, name: 'b' }]);
    assert.equal(internId(d, 'unit_names', { name: 'b' }), unit);
    const cited = [
      internId(d, 'cited_names', { doc_number: null, title: 'x' }), internId(d, 'cited_names', { doc_number: 'x', title: null }),
      internId(d, 'cited_names', { doc_number: 'null', title: 'x' }), internId(d, 'cited_names', { doc_number: null, title: 'x' }),
    ];
    assert.deepEqual(cited, [1, 2, 3, 1]);
    assert.deepEqual(row(d, 'cited_names', 3), { id: 3, doc_number: 'null', title: 'x' });
  });
});

test('an id added by a transaction that rolled back is not remembered', () => {
  const d = db();
  assert.throws(() => inTransaction(d, () => {
    internId(d, 'unit_names', { name: '区财政局' });
    throw new Error('batch failed');
  }));
  // The rolled-back row's id goes to the next name; the first gets a row of its own.
  const other = inTransaction(d, () => internId(d, 'unit_names', { name: '区教委' }));
  const again = inTransaction(d, () => internId(d, 'unit_names', { name: '区财政局' }));
  assert.deepEqual([row(d, 'unit_names', other), row(d, 'unit_names', again)], [{ id: 1, name: '区教委' }, { id: 2, name: '区财政局' }]);
});
