/**
 * Behaviour every Store implementation must show, run against each backend:
 *   runStoreConformance('sqlite', async () => openSqliteStore(':memory:'))
 * `makeStore` must return a new, empty store on every call; the suite closes what it opens.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { prepareResult } from '../src/store/prepared.js';
import { keyLiteral } from '../src/store/postgres/keys.js';
import { packDocument } from '../src/store/packed-content.js';
import type { Relation, Store } from '../src/store/store.js';
import {
  ALL_FIXTURES, CHARGING, FIRE_BAN, ISSUE_2023, ISSUE_2024, ISSUE_2024_CORRECTED, OLD_DECISION, REPORT, TRADITIONAL,
} from './fixtures/parse-results.js';
import { runSearchConformance } from './store-conformance-search.js';
import { runPrivacyConformance } from './store-conformance-privacy.js';

/**
 * Stores a suite opens: fresh (empty), loaded (every fixture ingested), and one shared loaded
 * store for tests that only read (opening stores is what makes the suites slow); all closed after.
 */
export function storeLifecycle<O>(makeStore: (opts?: O) => Promise<Store>, defaults?: O) {
  const opened: Store[] = [];
  const fresh = async (opts: O | undefined = defaults) => {
    const s = await makeStore(opts);
    opened.push(s);
    return s;
  };
  const loaded = async () => {
    const s = await fresh();
    for (const r of ALL_FIXTURES) await s.ingest(r);
    return s;
  };
  let shared: Promise<Store> | null = null;
  const readOnly = () => (shared ??= loaded());
  after(async () => {
    for (const s of opened) await s.close();
  });
  return { fresh, loaded, readOnly };
}

export function runStoreConformance(name: string, makeStore: () => Promise<Store>): void {
  const { fresh, loaded, readOnly } = storeLifecycle(makeStore);

  describe(`${name} store: ingest and editions`, () => {
    test('ingesting the same files twice leaves every count unchanged', async () => {
      const s = await fresh();
      const first = await Promise.all(ALL_FIXTURES.map((r) => s.ingest(r)));
      assert.deepEqual(first.map((o) => o.action), ['added', 'added', 'added']);
      const before = await s.counts();
      assert.equal(before.issues, 3);
      assert.equal(before.documents, 5);
      const again = [];
      for (const r of ALL_FIXTURES) again.push(await s.ingest(r));
      assert.deepEqual(again.map((o) => o.action), ['unchanged', 'unchanged', 'unchanged']);
      assert.deepEqual(again.map((o) => o.issueId), first.map((o) => o.issueId));
      assert.deepEqual(await s.counts(), before);
      assert.equal((await s.listDocuments()).total, 5);
    });

    test('a batch (ingestMany) gives the outcomes and the store that one-by-one ingest gives', async () => {
      const files = [ISSUE_2024, ...ALL_FIXTURES, ISSUE_2024_CORRECTED, ISSUE_2024];
      const one = await fresh();
      const single = [];
      for (const r of files) single.push(await one.ingest(r));
      const batch = await fresh();
      const many = await batch.ingestMany(files);
      assert.deepEqual(many.map((o) => o.action), ['added', 'unchanged', 'added', 'added', 'replaced', 'unchanged']);
      assert.deepEqual(many, single);
      assert.deepEqual(await batch.counts(), await one.counts());
      for (const q of ['禁火', '森林防火', '武隆', '充电', '〔2024〕17']) {
        const [a, b] = [await batch.search({ q }), await one.search({ q })];
        assert.deepEqual(a.hits.map((h) => [h.id, h.snippet]), b.hits.map((h) => [h.id, h.snippet]), q);
        assert.equal(a.total, b.total, q);
      }
      assert.equal(await batch.getDocument(TRADITIONAL.id), null);
      assert.deepEqual(await batch.getDocument(FIRE_BAN.id), await one.getDocument(FIRE_BAN.id));
    });

    test('files prepared ahead (as the parse workers send them) are stored as the plain files are', async () => {
      const files = [...ALL_FIXTURES, ISSUE_2024_CORRECTED];
      const plain = await fresh();
      await plain.ingestMany(files);
      const prepared = await fresh();
      // Packed as for SQLite, keyed as for PostgreSQL: a store ignores what it does not keep.
      const outcomes = await prepared.ingestMany(files.map((r) => prepareResult(r, { pack: packDocument, mentions: true, searchKeys: keyLiteral })));
      assert.deepEqual(outcomes.map((o) => o.action), ['added', 'added', 'added', 'replaced']);
      assert.deepEqual(await prepared.counts(), await plain.counts());
      for (const d of (await plain.listDocuments()).items) assert.deepEqual(await prepared.getDocument(d.id), await plain.getDocument(d.id), d.id);
      for (const q of ['禁火', '森林防火', '武隆', '充电', '〔2024〕17']) {
        const [a, b] = [await prepared.search({ q }), await plain.search({ q })];
        assert.deepEqual(a.hits.map((h) => [h.id, h.snippet]), b.hits.map((h) => [h.id, h.snippet]), q);
      }
      assert.deepEqual(await prepared.listTasks(), await plain.listTasks());
      assert.deepEqual(await prepared.listTargets(), await plain.listTargets());
      assert.deepEqual(await prepared.listUnits(), await plain.listUnits());
    });

    test('a corrected edition replaces the old one; the old file stays known', async () => {
      const s = await fresh();
      const added = await s.ingest(ISSUE_2024);
      const replaced = await s.ingest(ISSUE_2024_CORRECTED);
      assert.equal(replaced.action, 'replaced');
      assert.equal(replaced.issueId, added.issueId);
      assert.equal((await s.counts()).issues, 1);
      const issue = await s.getIssue(added.issueId);
      assert.equal(issue?.sha256, ISSUE_2024_CORRECTED.source.sha256);
      assert.deepEqual(issue?.documentIds, [FIRE_BAN.id, CHARGING.id]);
      // The withdrawn document is gone; the corrected title is current.
      assert.equal(await s.getDocument(TRADITIONAL.id), null);
      assert.match((await s.getDocument(FIRE_BAN.id))!.title, /2024年森林防火/);
      // The superseded file is in the history: ingesting it again changes nothing.
      assert.equal((await s.ingest(ISSUE_2024)).action, 'unchanged');
      assert.equal((await s.getIssue(added.issueId))?.sha256, ISSUE_2024_CORRECTED.source.sha256);
      // History, newest first; the old edition stays readable by its own id.
      const editions = (await s.getIssue(added.issueId))!.editions!;
      assert.deepEqual(editions.map((e) => [e.sha256, e.sourceFile, e.supersededAt === null]), [
        [ISSUE_2024_CORRECTED.source.sha256, ISSUE_2024_CORRECTED.source.file, true],
        [ISSUE_2024.source.sha256, ISSUE_2024.source.file, false],
      ]);
      const old = await s.getIssue(editions[1]!.id);
      assert.equal(old?.id, editions[1]!.id);
      assert.equal(old?.sha256, ISSUE_2024.source.sha256);
      assert.notEqual(editions[1]!.id, added.issueId);
    });

    test('issues keep their metadata and list newest first', async () => {
      const s = await readOnly();
      const issues = await s.listIssues();
      assert.equal(issues.length, 3);
      const gazette = issues.find((i) => i.sha256 === ISSUE_2024.source.sha256)!;
      assert.equal(gazette.title, '重庆市武隆区人民政府公报');
      assert.deepEqual([gazette.year, gazette.number, gazette.totalNumber], [2024, 2, 162]);
      assert.equal(gazette.sourceFile, 'gazette-2024-2.txt');
      assert.deepEqual(gazette.contents, ISSUE_2024.issue!.contents);
      assert.deepEqual(gazette.index, ISSUE_2024.issue!.index);
      assert.deepEqual(gazette.warnings, ISSUE_2024.warnings);
      assert.ok(!Number.isNaN(Date.parse(gazette.ingestedAt)));
      assert.ok(issues.indexOf(gazette) < issues.findIndex((i) => i.sha256 === ISSUE_2023.source.sha256));
      assert.equal(await s.getIssue('no-such-issue'), null);
    });
  });

  describe(`${name} store: documents`, () => {
    let s: Store;
    before(async () => {
      s = await readOnly();
    });

    test('a document comes back exactly as ingested', async () => {
      for (const d of [FIRE_BAN, TRADITIONAL, REPORT]) assert.deepEqual(await s.getDocument(d.id), d);
    });

    test('getDocument accepts any spelling of the 文号', async () => {
      for (const spelling of ['武隆府办发[2024]17号', '武隆府办发(2024)17号', '武隆府办发（２０２４）１７号', ' 武隆府办发〔2024〕17号 ']) {
        assert.equal((await s.getDocument(spelling))?.id, FIRE_BAN.id, spelling);
      }
      assert.equal(await s.getDocument('武隆府办发〔2024〕99号'), null);
      assert.equal(await s.getDocument("'; DROP TABLE documents; --"), null);
    });

    test('listDocuments filters, sorts, pages and never carries the text', async () => {
      const all = await s.listDocuments({ sort: 'signedOn' });
      assert.equal(all.total, 5);
      assert.deepEqual(all.items.slice(0, 4).map((d) => d.id), [OLD_DECISION.id, CHARGING.id, FIRE_BAN.id, TRADITIONAL.id]);
      for (const item of all.items) assert.ok(!('text' in item) && !('body' in item));
      const page = await s.listDocuments({ sort: 'signedOn', limit: 2, offset: 1 });
      assert.equal(page.total, 5);
      assert.deepEqual(page.items.map((d) => d.id), [CHARGING.id, FIRE_BAN.id]);
      assert.deepEqual(await s.listDocuments({ offset: 50 }), { total: 5, items: [] });
      // Paging numbers straight from a query string: whole, non-negative, defaulted when not numbers.
      assert.deepEqual((await s.listDocuments({ limit: NaN, offset: -3 })).items.length, 5);
      assert.deepEqual((await s.listDocuments({ sort: 'signedOn', limit: 1.9, offset: 1.2 })).items.map((d) => d.id), [CHARGING.id]);
      assert.deepEqual((await s.listDocuments({ kind: '意见' })).items.map((d) => d.id).sort(), [CHARGING.id, TRADITIONAL.id].sort());
      assert.deepEqual((await s.listDocuments({ year: 2023 })).items.map((d) => d.id), [OLD_DECISION.id]);
      const issueId = (await s.listIssues()).find((i) => i.sha256 === ISSUE_2023.source.sha256)!.id;
      const inIssue = await s.listDocuments({ issueId });
      assert.deepEqual(inIssue.items.map((d) => [d.id, d.issueId, d.status]), [[OLD_DECISION.id, issueId, '未知']]);
    });

    test('allDocuments yields every document in full', async () => {
      const ids: string[] = [];
      for await (const d of s.allDocuments()) {
        ids.push(d.id);
        if (d.id === FIRE_BAN.id) assert.deepEqual(d, FIRE_BAN);
      }
      assert.deepEqual(ids.sort(), [FIRE_BAN, CHARGING, TRADITIONAL, REPORT, OLD_DECISION].map((d) => d.id).sort());
    });
  });

  runSearchConformance(name, readOnly);
  runPrivacyConformance(name, fresh);

  describe(`${name} store: relations, statuses, corrections`, () => {
    const repeal: Relation = {
      subjectId: OLD_DECISION.id, verb: 'repeals', objectId: 'ref:武隆府发〔2019〕22号', objectDocNumber: '武隆府发〔2019〕22号',
      objectTitle: '武隆区森林防火管理办法', date: '2023-03-20', quote: '决定废止《武隆区森林防火管理办法》', reason: null, block: 0,
    };
    const cite: Relation = {
      subjectId: CHARGING.id, verb: 'cites', objectId: FIRE_BAN.id, objectDocNumber: FIRE_BAN.docNumber, objectTitle: null,
      date: null, quote: '遵守禁火令', reason: 'test', block: null,
    };

    test('relations round-trip and are replaced as a whole', async () => {
      const s = await loaded();
      await s.replaceRelations([repeal, cite]);
      assert.deepEqual(await s.allRelations(), [repeal, cite]);
      assert.deepEqual(await s.relations(FIRE_BAN.id), { outgoing: [], incoming: [cite] });
      assert.deepEqual(await s.relations(CHARGING.id), { outgoing: [cite], incoming: [] });
      await s.replaceRelations([repeal]);
      assert.deepEqual(await s.allRelations(), [repeal]);
      await s.replaceRelations([]);
      assert.deepEqual(await s.allRelations(), []);
    });

    test('committed ingests and corrections owe a recompute until relations and statuses from them are saved', async () => {
      const s = await fresh();
      assert.deepEqual(await s.derivedState(), { changes: 0, derived: 0 });
      for (const r of ALL_FIXTURES) await s.ingest(r);
      await s.ingest(ALL_FIXTURES[0]!); // unchanged: owes nothing more
      const owed = await s.derivedState();
      assert.equal(owed.changes, ALL_FIXTURES.length);
      assert.equal(owed.derived, 0);
      const live = { documentId: FIRE_BAN.id, status: '现行有效' as const, since: null, evidence: [] };
      assert.equal(await s.saveDerived(owed.changes, [repeal], [live]), true);
      assert.deepEqual(await s.derivedState(), { changes: owed.changes, derived: owed.changes });
      // A slower recompute made from fewer changes must not overwrite a newer one.
      assert.equal(await s.saveDerived(owed.changes - 1, [], [{ ...live, status: '已废止' }]), false);
      assert.deepEqual(await s.allRelations(), [repeal]);
      assert.equal((await s.getStatus(FIRE_BAN.id))?.status, '现行有效');
      await s.addCorrection({ documentId: FIRE_BAN.id, status: '已废止', effectiveFrom: null, author: 'editor', reason: 'r', createdAt: '2024-06-02T08:00:00.000Z' });
      assert.deepEqual(await s.derivedState(), { changes: owed.changes + 1, derived: owed.changes });
    });

    test('statuses round-trip and drive listing, search filters and counts', async () => {
      const s = await loaded();
      const repealed = { documentId: FIRE_BAN.id, status: '已废止' as const, since: '2024-06-01', evidence: [{ docNumber: '武隆府发〔2024〕30号', quote: '废止', date: '2024-06-01' }] };
      await s.saveStatuses([repealed, { documentId: CHARGING.id, status: '现行有效', since: null, evidence: [] }]);
      assert.deepEqual(await s.getStatus(FIRE_BAN.id), repealed);
      assert.equal(await s.getStatus(REPORT.id), null);
      await s.saveStatuses([{ ...repealed, status: '已失效' }]);
      assert.equal((await s.getStatus(FIRE_BAN.id))?.status, '已失效');
      assert.deepEqual((await s.listDocuments({ status: '已失效' })).items.map((d) => d.id), [FIRE_BAN.id]);
      assert.equal((await s.listDocuments({ status: ['已失效', '现行有效'] })).total, 2);
      const found = await s.search({ q: '禁火令', status: '现行有效' });
      assert.deepEqual(found.hits.map((h) => [h.id, h.status]), [[CHARGING.id, '现行有效']]);
      assert.deepEqual((await s.counts()).byStatus, { 已失效: 1, 现行有效: 1, 未知: 3 });
    });

    test('corrections are kept as events, in time order, and the latest one decides the status', async () => {
      const s = await loaded();
      const c1 = { documentId: FIRE_BAN.id, status: '已废止' as const, effectiveFrom: '2024-06-01', author: 'editor', reason: '见武隆府发〔2024〕30号', createdAt: '2024-06-02T08:00:00.000Z' };
      const c2 = { ...c1, status: '现行有效' as const, effectiveFrom: null, reason: 'mistake', createdAt: '2024-06-03T08:00:00.000Z' };
      const c3 = { ...c1, documentId: CHARGING.id };
      for (const c of [c1, c2, c3]) await s.addCorrection(c);
      assert.deepEqual(await s.corrections(FIRE_BAN.id), [c1, c2]);
      assert.deepEqual(await s.corrections(), [c1, c3, c2]);
      assert.deepEqual(await s.corrections('nobody'), []);
      // The editor outranks the computed status, which stays stored as it was.
      await s.saveStatuses([{ documentId: FIRE_BAN.id, status: '已失效', since: null, evidence: [] }]);
      const listed = await s.listDocuments({ sort: 'signedOn' });
      assert.equal(listed.items.find((d) => d.id === FIRE_BAN.id)?.status, '现行有效');
      assert.equal(listed.items.find((d) => d.id === CHARGING.id)?.status, '已废止');
      assert.equal((await s.getStatus(FIRE_BAN.id))?.status, '已失效');
      assert.deepEqual((await s.search({ q: '禁火令', status: '已废止' })).hits.map((h) => h.id), [CHARGING.id]);
    });

    test('counts by kind', async () => {
      const s = await readOnly();
      assert.deepEqual((await s.counts()).byKind, { 通知: 1, 意见: 2, 报告: 1, 决定: 1 });
    });
  });
}
