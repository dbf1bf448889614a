/**
 * Privacy behaviour every Store must show: the search index holds de-identified text (nobody is
 * found by name or number, snippets mask them), the stored document keeps the original, public
 * marks are events, and the published view masks every finding but the marked ones.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import type { OfficialDocument, ParseResult } from '../src/domain/types.js';
import { publishedStore } from '../src/store/published.js';
import type { Store } from '../src/store/store.js';

const TEXT = '请各乡镇于每月底报送工作进展（联系人：王芳；联系电话：13912345678；邮箱：wangfang@163.com）。\n区市场监管局投诉举报电话：12315。';

export const CONTACT: OfficialDocument = {
  id: '武隆府办发〔2024〕88号',
  docNumber: '武隆府办发〔2024〕88号',
  title: '重庆市武隆区人民政府办公室关于报送工作进展的通知',
  issuer: '重庆市武隆区人民政府办公室',
  kind: '通知',
  addressees: '各乡镇人民政府',
  signedOn: '2024-04-01',
  publicity: '此件公开发布',
  attachments: [],
  body: TEXT.split('\n').map((text) => ({ level: 0, text })),
  tables: [{ header: ['单位', '联系人', '手机'], rows: [['区农业农村委', '赵明', '13698765432']], source: 'tab', afterBlock: 0 }],
  cites: [],
  warnings: [],
  text: TEXT,
  originalText: TEXT.replace('联系电话', '联\n系电话'),
};

export const CONTACT_ISSUE: ParseResult = {
  source: { file: 'contact.txt', sha256: createHash('sha256').update('contact').digest('hex'), encoding: 'utf-8', bytes: 300 },
  issue: null,
  documents: [CONTACT],
  references: [],
  frontMatter: '',
  discarded: [],
  warnings: [],
};

const PRIVATE = ['王芳', '13912345678', 'wangfang', '赵明', '13698765432'];

export function runPrivacyConformance(name: string, fresh: () => Promise<Store>): void {
  describe(`${name} store: personal data`, () => {
    test('the search index holds the de-identified text; the stored document the original', async () => {
      const s = await fresh();
      await s.ingest(CONTACT_ISSUE);
      for (const q of PRIVATE) assert.equal((await s.search({ q })).total, 0, q);
      const hit = (await s.search({ q: '联系人' })).hits[0]!;
      assert.equal(hit.id, CONTACT.id);
      assert.match(hit.snippet, /王\*/);
      assert.equal((await s.search({ q: '12315' })).total, 1, 'a public service line stays searchable');
      assert.equal((await s.getDocument(CONTACT.id))!.text, TEXT);
    });

    test('public marks are events in time order; the published view unmasks only the marked finding', async () => {
      const s = await fresh();
      await s.ingest(CONTACT_ISSUE);
      const published = publishedStore(s);
      const before = JSON.stringify(await published.getDocument(CONTACT.id));
      for (const t of PRIVATE) assert.ok(!before.includes(t), t);
      assert.match(before, /联系人：王\*；联系电话：139\*\*\*\*5678；邮箱：wa\*{6}@163\.com/);
      const m1 = { documentId: CONTACT.id, text: '13912345678', author: 'editor', reason: '单位公开的值班手机', createdAt: '2024-06-02T08:00:00.000Z' };
      const m2 = { ...m1, documentId: 'other', createdAt: '2024-06-01T08:00:00.000Z' };
      await s.markPublic(m1);
      await s.markPublic(m2);
      assert.deepEqual(await s.publicMarks(CONTACT.id), [m1]);
      assert.deepEqual(await s.publicMarks(), [m2, m1]);
      assert.deepEqual(await s.publicMarks('nobody'), []);
      const after = JSON.stringify(await published.getDocument(CONTACT.id));
      assert.match(after, /联系人：王\*；联系电话：13912345678；/);
      assert.match(after, /联\\n系电话：13912345678/);
      for (const t of PRIVATE.filter((p) => p !== '13912345678')) assert.ok(!after.includes(t), t);
      // The index follows the mark: the number is found, and shown in the snippet; the name is not.
      const found = await s.search({ q: '13912345678' });
      assert.equal(found.total, 1);
      assert.match(found.hits[0]!.snippet, /«13912345678»/);
      assert.equal((await s.search({ q: '王芳' })).total, 0);
      // A corrected edition printing the document again keeps the mark.
      const again = await s.ingest({ ...CONTACT_ISSUE, source: { ...CONTACT_ISSUE.source, sha256: createHash('sha256').update('contact-2').digest('hex') } });
      assert.notEqual(again.action, 'unchanged');
      assert.equal((await s.search({ q: '13912345678' })).total, 1);
      const all = [];
      for await (const d of published.allDocuments()) all.push(JSON.stringify(d));
      assert.deepEqual(all, [after]);
    });
  });
}
