/**
 * The registers every Store keeps (task register, targets, 规范性文件 judgement, known-by-reference
 * documents), run against each backend:
 *   runRegisterConformance('sqlite', (opts) => openSqliteStore(tmpFile(), opts))
 * The stores here are opened with a hand-made extractor, so exact rows (a Target included) are
 * asserted whatever the real extractors find today. `makeStore` must return a new, empty store.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OfficialDocument } from '../src/domain/types.js';
import type { Target } from '../src/extract/targets.js';
import type { TaskAssignment } from '../src/extract/tasks.js';
import type { RegisterExtractor, StoreOptions } from '../src/store/registers.js';
import type { DocumentRegisters, Relation, Store } from '../src/store/store.js';
import {
  ALL_FIXTURES, CHARGING, FIRE_BAN, ISSUE_2023, ISSUE_2024, ISSUE_2024_CORRECTED, OLD_DECISION, REPORT, REPORT_FILE, TRADITIONAL,
} from './fixtures/parse-results.js';
import { storeLifecycle } from './store-conformance.js';

const task = (
  doc: OfficialDocument, n: number, leads: string[], responsible: string[], cooperating: string[] = [], printed?: Record<string, string>,
): TaskAssignment => ({
  documentId: doc.id,
  docNumber: doc.docNumber,
  // From the title, so a corrected edition with a new title yields different rows.
  task: `${doc.title}·任务${n}`,
  leads,
  responsible,
  cooperating,
  ...(printed ? { printed } : {}),
  leader: n === 1 ? '张三' : null,
  deadline: n === 1 ? '2024年12月底' : null,
  source: n === 1 ? { kind: 'block', block: 0 } : { kind: 'table', table: 0, row: n },
});

const target = (doc: OfficialDocument, kind: Target['kind'], year: number, value: number, key = '地区生产总值'): Target => ({
  documentId: doc.id,
  docNumber: doc.docNumber,
  indicator: key,
  indicatorKey: key,
  kind,
  year,
  measure: 'growth',
  value,
  unit: '%',
  qualifier: kind === 'promise' ? '左右' : null,
  quote: `${key}增长${value}%`,
  block: year - 2020,
});

/** Hand-made registers: FIRE_BAN and CHARGING assign tasks, REPORT states targets. */
export const handMade: RegisterExtractor = (doc): DocumentRegisters => {
  const tasks =
    doc.id === FIRE_BAN.id
      ? [task(doc, 1, ['区林业局', '区林业局'], ['区应急局'], ['各乡镇（街道）']), task(doc, 2, ['区应急局'], [], [], { 区应急局: '区应急管理局' })]
      : doc.id === CHARGING.id
        ? [task(doc, 1, ['区发展改革委'], ['区林业局'])]
        : [];
  const mention = (unit: string, printed: string, count: number) => ({ unit, kind: 'unit' as const, printed, count, snippet: `…«${printed}»…` });
  const units =
    doc.id === FIRE_BAN.id
      ? [mention('区林业局', '区林业局', 2), mention('区林业局', '重庆市武隆区林业局', 1)]
      : doc.id === CHARGING.id
        ? [mention('区应急局', '区应急管理局', 1)]
        : doc.id === TRADITIONAL.id
          ? [mention('区财政局', '區財政局', 1)]
          : [];
  const targets = doc.id === REPORT.id
    ? [target(doc, 'outcome', 2023, 2.5), target(doc, 'promise', 2024, 6), target(doc, 'promise', 2024, 7.5, '规上工业增加值')]
    : [];
  const normative = doc.kind === '决定' || doc.id === FIRE_BAN.id;
  return { tasks, targets, normative: { normative, reasons: [normative ? `手工判断：${doc.kind}` : '手工判断：否'] }, units };
};

export function runRegisterConformance(name: string, makeStore: (opts?: StoreOptions) => Promise<Store>): void {
  const { fresh, readOnly } = storeLifecycle<StoreOptions>(makeStore, { extract: handMade });
  const docs = ALL_FIXTURES.flatMap((r) => r.documents);

  describe(`${name} store: registers`, () => {
    test('each document gets back exactly the tasks, targets and judgement extracted at ingest', async () => {
      const s = await readOnly();
      for (const d of docs) {
        const want = handMade(d);
        assert.deepEqual((await s.listTasks({ documentId: d.id })).items, want.tasks, d.id);
        assert.deepEqual((await s.listTargets({ documentId: d.id })).items, want.targets, d.id);
        assert.deepEqual(await s.getNormative(d.id), want.normative, d.id);
      }
      assert.equal(await s.getNormative('no-such-document'), null);
    });

    test('listTasks: a unit matches in any role (牵头/责任/配合); paging reports the total', async () => {
      const s = await readOnly();
      const forestry = await s.listTasks({ unit: '区林业局' });
      assert.equal(forestry.total, 2);
      assert.deepEqual(forestry.items.map((t) => t.task).sort(), [`${CHARGING.title}·任务1`, `${FIRE_BAN.title}·任务1`].sort());
      assert.equal((await s.listTasks({ unit: '各乡镇（街道）' })).total, 1);
      assert.equal((await s.listTasks({ unit: '区林业' })).total, 0, 'exact names, not substrings');
      const all = await s.listTasks();
      assert.equal(all.total, 3);
      // Newest document first (FIRE_BAN 2024-03-01, then CHARGING 2024-02-10), each in its own order.
      const paged = await s.listTasks({ limit: 1, offset: 1 });
      assert.equal(paged.total, 3);
      assert.deepEqual(paged.items, all.items.slice(1, 2));
      assert.deepEqual(all.items.map((t) => t.task), [`${FIRE_BAN.title}·任务1`, `${FIRE_BAN.title}·任务2`, `${CHARGING.title}·任务1`]);
      assert.deepEqual((await s.listTasks({ unit: '区应急局', documentId: FIRE_BAN.id })).total, 2);
    });

    test('listUnits counts each task once per unit and role, spellings and documents too, most tasks first', async () => {
      const s = await readOnly();
      const u = (unit: string, kind: 'unit' | 'group', [leads, responsible, cooperating, tasks, documents]: number[], variants: string[] = []) =>
        ({ unit, kind, leads, responsible, cooperating, tasks, documents, variants });
      assert.deepEqual(await s.listUnits(), [
        u('区应急局', 'unit', [1, 1, 0, 2, 2], ['区应急管理局']),
        u('区林业局', 'unit', [1, 1, 0, 2, 2], ['重庆市武隆区林业局']),
        u('区发展改革委', 'unit', [1, 0, 0, 1, 1]),
        u('各乡镇（街道）', 'group', [0, 0, 1, 1, 1]),
        u('区财政局', 'unit', [0, 0, 0, 0, 1], ['區財政局']),
      ]);
    });

    test('listUnitMentions: the documents whose text names a unit, one row per spelling', async () => {
      const s = await readOnly();
      assert.deepEqual(await s.listUnitMentions('区林业局'), [
        { documentId: FIRE_BAN.id, printed: '区林业局', count: 2, snippet: '…«区林业局»…' },
        { documentId: FIRE_BAN.id, printed: '重庆市武隆区林业局', count: 1, snippet: '…«重庆市武隆区林业局»…' },
      ]);
      assert.deepEqual(await s.listUnitMentions('区林业'), []);
    });

    test('listTargets filters by indicator, year and kind', async () => {
      const s = await readOnly();
      const all = handMade(REPORT).targets;
      assert.deepEqual((await s.listTargets()).items, all);
      assert.deepEqual((await s.listTargets({ indicatorKey: '地区生产总值' })).items, all.slice(0, 2));
      assert.deepEqual((await s.listTargets({ year: 2024 })).items, all.slice(1));
      assert.deepEqual((await s.listTargets({ year: 2024, kind: 'promise', indicatorKey: '规上工业增加值' })).items, all.slice(2));
      assert.deepEqual((await s.listTargets({ kind: 'outcome' })).items, all.slice(0, 1));
      const page = await s.listTargets({ limit: 1, offset: 2 });
      assert.deepEqual([page.total, page.items], [3, all.slice(2)]);
      assert.equal((await s.listTargets({ year: 1999 })).total, 0);
    });

    test('listDocuments filters on the stored 规范性文件 judgement', async () => {
      const s = await readOnly();
      const yes = (await s.listDocuments({ normative: true })).items.map((d) => d.id).sort();
      assert.deepEqual(yes, [FIRE_BAN.id, OLD_DECISION.id].sort());
      const no = (await s.listDocuments({ normative: false })).items.map((d) => d.id).sort();
      assert.deepEqual(no, [CHARGING.id, TRADITIONAL.id, REPORT.id].sort());
      assert.equal((await s.listDocuments({ normative: true, year: 2023 })).total, 1);
      const some = await s.listDocuments({ ids: [CHARGING.id, REPORT.id, 'no-such-document'], sort: 'title' });
      assert.deepEqual(some.items.map((d) => d.id).sort(), [CHARGING.id, REPORT.id].sort());
      assert.equal((await s.listDocuments({ ids: [] })).total, 0);
    });

    test('re-ingesting changes no register; a corrected edition replaces a document\'s rows', async () => {
      const s = await fresh();
      for (const r of ALL_FIXTURES) await s.ingest(r);
      const before = [await s.listTasks(), await s.listTargets(), await s.listUnits()];
      for (const r of ALL_FIXTURES) await s.ingest(r);
      assert.deepEqual([await s.listTasks(), await s.listTargets(), await s.listUnits()], before);
      await s.ingest(ISSUE_2024_CORRECTED);
      const corrected = ISSUE_2024_CORRECTED.documents[0]!;
      assert.deepEqual((await s.listTasks({ documentId: FIRE_BAN.id })).items, handMade(corrected).tasks);
      assert.equal((await s.listTasks()).total, 3, 'replaced, not duplicated');
      // The withdrawn document's judgement went with it.
      assert.equal(await s.getNormative(TRADITIONAL.id), null);
      assert.equal((await s.listDocuments({ normative: false })).total, 2);
    });

    test('rebuildRegisters re-extracts every stored document', async () => {
      const s = await fresh();
      await s.ingest(ISSUE_2023);
      await s.ingest(REPORT_FILE);
      const before = [await s.listTasks(), await s.listTargets(), await s.getNormative(OLD_DECISION.id)];
      assert.equal(await s.rebuildRegisters(), 2);
      assert.deepEqual([await s.listTasks(), await s.listTargets(), await s.getNormative(OLD_DECISION.id)], before);
    });

    test('listReferences: documents known only by 主要文件目录 entry, citation or relation, with who cites them', async () => {
      const s = await fresh();
      await s.ingest(ISSUE_2024);
      await s.ingest(ISSUE_2023);
      const ref = 'ref:武隆府发〔2019〕22号';
      assert.deepEqual(await s.listReferences(), [
        { key: ref, docNumber: '武隆府发〔2019〕22号', title: '武隆区森林防火管理办法', sources: ['citation'], citedBy: 0, verbs: [], status: null, since: null },
      ]);
      const rel = (subjectId: string, verb: Relation['verb'], objectId: string, objectDocNumber: string | null, objectTitle: string | null): Relation => ({
        subjectId, verb, objectId, objectDocNumber, objectTitle, date: '2023-03-20', quote: 'q', reason: null, block: 0,
      });
      await s.replaceRelations([
        rel(OLD_DECISION.id, 'repeals', ref, '武隆府发〔2019〕22号', '武隆区森林防火管理办法'),
        rel(FIRE_BAN.id, 'cites', ref, '武隆府发〔2019〕22号', null),
        rel(FIRE_BAN.id, 'cites', ref, '武隆府发〔2019〕22号', null),
        rel(CHARGING.id, 'cites', 'ref:《重庆市电动汽车充电设施管理办法》', null, '重庆市电动汽车充电设施管理办法'),
        // A reference whose 文号 we hold is not "known only by reference".
        rel(CHARGING.id, 'cites', `ref:${FIRE_BAN.docNumber}`, FIRE_BAN.docNumber, null),
      ]);
      await s.saveStatuses([{ documentId: ref, status: '已废止', since: '2023-03-20', evidence: [] }]);
      assert.deepEqual(await s.listReferences(), [
        {
          key: ref, docNumber: '武隆府发〔2019〕22号', title: '武隆区森林防火管理办法', sources: ['citation', 'relation'],
          citedBy: 2, verbs: ['cites', 'repeals'], status: '已废止', since: '2023-03-20',
        },
        {
          key: 'ref:《重庆市电动汽车充电设施管理办法》', docNumber: null, title: '重庆市电动汽车充电设施管理办法', sources: ['relation'],
          citedBy: 1, verbs: ['cites'], status: null, since: null,
        },
      ]);
    });
  });
}
