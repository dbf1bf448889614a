/**
 * 政策解读, 问答库 and the audit log, the same on every backend (and on the in-memory fake the
 * portal tests use):
 *   runEditorialConformance('sqlite', () => openSqliteStore(tmpFile()))
 * Then the 待更新 rule through the real status code: a decision repealing a document turns the
 * records resting on it stale, with the evidence; an editor's approval holds on the next recompute.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markStale, reviewQa, saveInterpretation } from '../src/status/editorial.js';
import { recomputeAll } from '../src/status/recompute.js';
import type { InterpretationRecord, QaEntry } from '../src/store/editorial.js';
import type { Store } from '../src/store/store.js';
import { FIRE_BAN, ISSUE_2023, ISSUE_2024, OLD_DECISION } from './fixtures/parse-results.js';
import { storeLifecycle } from './store-conformance.js';

const T0 = '2025-01-01T00:00:00.000Z';

export const qaEntry = (id: string, documentIds: string[], over: Partial<QaEntry> = {}): QaEntry => ({
  id, question: `问题${id}：禁火期是哪几个月？`, answer: `答复${id}：每年1月1日至5月10日。`, unit: '区林业局', status: 'draft', reviewer: null, reviewedAt: null,
  clauses: documentIds.map((d) => ({ documentId: d, docNumber: d, quote: '一、禁火时间：每年1月1日至5月10日。', paragraph: 1 })),
  documentIds, stale: null, acknowledged: {}, createdAt: T0, updatedAt: T0, ...over,
});

const interpretation = (id: string, documentIds: string[], over: Partial<InterpretationRecord> = {}): InterpretationRecord => ({
  id, title: `《森林防火禁火令》政策解读${id}`, body: '禁火令规定了禁火时间和范围。', form: '图文', media: ['https://example.gov.cn/jd/1.png'], author: '区林业局',
  date: '2024-06-14', documentIds, status: 'published', stale: null, acknowledged: {}, createdAt: T0, updatedAt: T0, ...over,
});

export function runEditorialConformance(name: string, makeStore: () => Promise<Store>): void {
  const { fresh } = storeLifecycle(makeStore);

  describe(`${name} store: 解读, 问答 and audit records`, () => {
    test('records round-trip whole, replace by id, and filter by document, status and text', async () => {
      const s = await fresh();
      const a = qaEntry('qa-a', ['武隆府发〔2024〕9号'], { updatedAt: '2025-01-02T00:00:00.000Z' });
      const b = qaEntry('qa-b', ['武隆府发〔2024〕9号', '武隆府发〔2023〕3号'], { status: 'published', question: '罚款标准是多少？', answer: '对个人并处200元以上3000元以下罚款。' });
      await s.saveQa(a);
      await s.saveQa(b);
      assert.deepEqual(await s.getQa('qa-a'), a);
      assert.equal(await s.getQa('nope'), null);
      assert.deepEqual((await s.listQa()).map((e) => e.id), ['qa-a', 'qa-b'], 'newest first');
      assert.deepEqual((await s.listQa({ status: 'published' })).map((e) => e.id), ['qa-b']);
      assert.deepEqual((await s.listQa({ status: ['draft', '待更新'] })).map((e) => e.id), ['qa-a']);
      assert.deepEqual((await s.listQa({ documentId: '武隆府发〔2023〕3号' })).map((e) => e.id), ['qa-b']);
      assert.deepEqual((await s.listQa({ q: '罚款' })).map((e) => e.id), ['qa-b']);
      assert.deepEqual((await s.listQa({ q: '3000元', status: 'draft' })).map((e) => e.id), []);
      // Replacing by id replaces the links too.
      await s.saveQa({ ...b, documentIds: ['武隆府发〔2024〕9号'], updatedAt: '2025-01-03T00:00:00.000Z' });
      assert.deepEqual((await s.listQa({ documentId: '武隆府发〔2023〕3号' })).map((e) => e.id), []);
      assert.deepEqual((await s.listQa()).map((e) => e.id), ['qa-b', 'qa-a']);

      const j = interpretation('jd-1', ['武隆府发〔2024〕9号']);
      await s.saveInterpretation(j);
      assert.deepEqual(await s.getInterpretation('jd-1'), j);
      assert.deepEqual((await s.listInterpretations({ documentId: '武隆府发〔2024〕9号', status: 'published' })).map((r) => r.id), ['jd-1']);
      assert.deepEqual((await s.listInterpretations({ q: '禁火时间' })).map((r) => r.id), ['jd-1']);
      assert.deepEqual(await s.listInterpretations({ documentId: 'other' }), []);
    });

    test('the audit log keeps every write, newest first', async () => {
      const s = await fresh();
      await s.saveQa(qaEntry('qa-1', ['武隆府发〔2024〕9号']));
      await reviewQa(s, 'qa-1', { action: 'edit', question: '禁火期是什么时候？', answer: '每年1月1日至5月10日，7月10日至10月10日。' }, '王编辑', '2025-02-01T00:00:00.000Z');
      const approved = await reviewQa(s, 'qa-1', { action: 'approve' }, '李审核', '2025-02-02T00:00:00.000Z');
      assert.deepEqual([approved.status, approved.reviewer, approved.question], ['published', '李审核', '禁火期是什么时候？']);
      await saveInterpretation(s, { id: 'jd-x', title: '《禁火令》解读', body: '正文', form: '文字', media: [], date: null, documentIds: [], status: 'draft' }, '王编辑', '2025-02-03T00:00:00.000Z');
      const log = await s.listAudit();
      assert.deepEqual(log.map((e) => [e.author, e.action, e.target, e.at]), [
        ['王编辑', 'interpretation.create', 'jd-x', '2025-02-03T00:00:00.000Z'],
        ['李审核', 'qa.approve', 'qa-1', '2025-02-02T00:00:00.000Z'],
        ['王编辑', 'qa.edit', 'qa-1', '2025-02-01T00:00:00.000Z'],
      ]);
      assert.deepEqual(log[2]!.detail, { before: { question: '问题qa-1：禁火期是哪几个月？', answer: '答复qa-1：每年1月1日至5月10日。' }, after: { question: '禁火期是什么时候？', answer: '每年1月1日至5月10日，7月10日至10月10日。' } });
      assert.equal((await s.listAudit(1)).length, 1);
      await assert.rejects(reviewQa(s, 'qa-1', { action: 'approve' }, '  '), /reviewer must be named/);
      await assert.rejects(reviewQa(s, 'missing', { action: 'approve' }, '李审核'), /no 问答 entry/);
    });

    test('a repeal turns the 解读 and 问答 resting on the document 待更新 with evidence; an editor acting holds', async () => {
      const s = await fresh();
      await s.ingest(ISSUE_2024);
      await recomputeAll(s, '2025-06-01');
      const fire = FIRE_BAN.id;
      await s.saveQa(qaEntry('qa-fire', [fire], { status: 'published' }));
      await s.saveQa(qaEntry('qa-other', ['武隆府办发〔2024〕20号'], { status: 'published' }));
      await s.saveInterpretation(interpretation('jd-fire', [fire]));
      assert.equal(await markStale(s, [(await s.getStatus(fire))!]), 0, 'in force: nothing to do');
      // The decision repealing the fire ban arrives (a corrected OLD_DECISION naming it).
      const repeal = { ...OLD_DECISION, id: '武隆府发〔2025〕2号', docNumber: '武隆府发〔2025〕2号', signedOn: '2025-03-01', text: `决定废止《森林防火禁火令》（${FIRE_BAN.docNumber}）。`, body: [{ level: 0, text: `决定废止《森林防火禁火令》（${FIRE_BAN.docNumber}）。` }] };
      await s.ingest({ ...ISSUE_2023, source: { ...ISSUE_2023.source, sha256: 'f'.repeat(64), file: 'decision.txt' }, issue: { ...ISSUE_2023.issue!, year: 2025, number: 1 }, documents: [repeal] });
      await recomputeAll(s, '2025-06-01');
      const stale = (await s.getQa('qa-fire'))!;
      assert.equal(stale.status, '待更新');
      assert.deepEqual([stale.stale?.documentId, stale.stale?.status, stale.stale?.since, stale.stale?.previous], [fire, '已废止', '2025-03-01', 'published']);
      assert.match(stale.stale!.evidence.map((e) => e.quote).join(), /决定废止/);
      assert.equal((await s.getInterpretation('jd-fire'))!.status, '待更新');
      assert.equal((await s.getQa('qa-other'))!.status, 'published', 'other documents untouched');
      assert.deepEqual((await s.listQa({ status: 'published' })).map((e) => e.id), ['qa-other'], 'out of the public list');
      assert.ok((await s.listAudit()).some((e) => e.author === 'system' && e.action === 'qa.stale' && e.target === 'qa-fire'));
      // An editor re-approves (the answer still holds, e.g. as history): the next recompute leaves it.
      await reviewQa(s, 'qa-fire', { action: 'approve' }, '李审核');
      await recomputeAll(s, '2025-06-02');
      assert.equal((await s.getQa('qa-fire'))!.status, 'published');
      assert.equal((await s.getInterpretation('jd-fire'))!.status, '待更新', 'the 解读 waits for its own editor');
    });
  });
}
