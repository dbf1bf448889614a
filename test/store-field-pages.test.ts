/**
 * Documents read off pages go through the store like any other: a 令 is found by its number, a
 * document with no identifier by its title, a 规章 repealed by 令 number gets the relation, and
 * the 待核对 warnings come back with the document.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { reviewItems } from '../src/domain/review.js';
import { findRepeals } from '../src/extract/repeals.js';
import { parseFile } from '../src/ingest/index.js';
import { openStore } from '../src/store/factory.js';
import type { Store } from '../src/store/store.js';

const FIELD = new URL('./field/docs/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gongbao-field-'));
let store: Store;

before(async () => {
  store = await openStore({ db: join(dir, 'field.db') });
  for (const n of ['006', '016', '030', '040', '075']) await store.ingest(await parseFile(`${FIELD}${n}.txt`));
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a 令 is stored and found under its number, any spelling of the issuer aside', async () => {
  const d = await store.getDocument('河北省人民政府令〔2010〕第15号');
  assert.equal(d?.title, '河北省人工影响天气管理规定');
});

test('a document with no 文号 is kept under its content key and found by title', async () => {
  const hits = (await store.search({ q: '劳改劳教单位能源交通基金' })).hits;
  assert.ok(hits.some((h) => h.id.startsWith('doc-') && /劳改劳教/.test(h.title)), JSON.stringify(hits.map((h) => h.title)));
});

test('待核对 warnings come back with the stored document (030)', async () => {
  const d = await store.getDocument('牟政办发〔2017〕46号');
  assert.deepEqual(reviewItems(d!).map((i) => i.field), ['docNumber', 'signedOn']);
});

test('the stored 山东 decision still repeals its 规章 by 令 number (075)', async () => {
  const docs = [];
  for await (const d of store.allDocuments()) docs.push(d);
  const decision = docs.find((d) => /废止《山东省信访规定》/.test(d.title))!;
  assert.deepEqual(findRepeals(decision).map((e) => e.target.docNumber), ['山东省人民政府令第114号', '山东省人民政府令第141号', '鲁政发〔1983〕90号']);
});
