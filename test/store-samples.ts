/**
 * Store + search behaviour on the five real Wulong samples, for any backend:
 *   runSampleConformance('sqlite', () => openSqliteStore(tmpFile))
 * `makeStore` must return a new, empty store on every call; the suite closes what it opens.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ParseResult } from '../src/domain/types.js';
import { parseFile } from '../src/ingest/index.js';
import { classifyNormative } from '../src/extract/normative.js';
import { extractTargets } from '../src/extract/targets.js';
import { extractTasks, registerByUnit } from '../src/extract/tasks.js';
import { extractRegisters } from '../src/store/registers.js';
import { recomputeAll } from '../src/status/recompute.js';
import type { Store } from '../src/store/store.js';
import { HOSTILE_QUERIES } from './store-conformance-search.js';

export const SAMPLE_DIR = new URL('../samples/wulong/', import.meta.url).pathname;
export const SAMPLE_FILES = readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SAMPLE_DIR, f));

let parsed: Promise<ParseResult[]> | null = null;
/** The samples parsed once per process (parsing is not what these tests are about). */
export function sampleResults(): Promise<ParseResult[]> {
  parsed ??= Promise.all(SAMPLE_FILES.map((f) => parseFile(f)));
  return parsed;
}

export async function ingestSamples(s: Store): Promise<void> {
  for (const r of await sampleResults()) await s.ingest(r);
}

export function runSampleConformance(name: string, makeStore: () => Promise<Store>): void {
  const opened: Store[] = [];
  after(async () => {
    for (const s of opened) await s.close();
  });

  describe(`${name} store on the samples`, () => {
    let s: Store;
    before(async () => {
      s = await makeStore();
      opened.push(s);
      await ingestSamples(s);
    });
    const search = (q: string, limit = 50) => s.search({ q, limit });

    test('ingesting the samples twice changes no count', async () => {
      const t = await makeStore();
      opened.push(t);
      const first = [];
      for (const r of await sampleResults()) first.push(await t.ingest(r));
      assert.ok(first.every((o) => o.action === 'added'));
      const counts = await t.counts();
      assert.equal(counts.issues, SAMPLE_FILES.length);
      const list = await t.listDocuments({ limit: 1000 });
      assert.ok(counts.documents >= 50, `only ${counts.documents} documents`);
      for (const r of await sampleResults()) assert.equal((await t.ingest(r)).action, 'unchanged');
      assert.deepEqual(await t.counts(), counts);
      assert.deepEqual(await t.listDocuments({ limit: 1000 }), list);
      assert.deepEqual((await t.search({ q: '禁火令' })).total, (await search('禁火令')).total);
    });

    test('one document printed in two issues is one document with two occurrences', async () => {
      const t = await makeStore();
      opened.push(t);
      const [, , gazette2024, gazette2023] = await sampleResults();
      const shared = gazette2024!.documents[0]!;
      // A later issue reprinting one document of 2024年第2期 next to its own documents.
      const reprint: ParseResult = {
        ...gazette2023!,
        source: { ...gazette2023!.source, sha256: 'f'.repeat(64), file: 'reprint.txt' },
        issue: { ...gazette2023!.issue!, year: 2025, number: 1 },
        documents: [...gazette2023!.documents, shared],
      };
      const a = await t.ingest(gazette2024!);
      const b = await t.ingest(reprint);
      const total = gazette2024!.documents.length + gazette2023!.documents.length;
      assert.equal((await t.counts()).documents, total);
      assert.ok((await t.getIssue(a.issueId))!.documentIds.includes(shared.id));
      assert.equal((await t.getIssue(b.issueId))!.documentIds.at(-1), shared.id);
      for (const issueId of [a.issueId, b.issueId]) {
        assert.ok((await t.listDocuments({ issueId, limit: 100 })).items.some((d) => d.id === shared.id), issueId);
      }
      assert.equal((await t.search({ q: shared.docNumber ?? shared.title })).hits.filter((h) => h.id === shared.id).length, 1);
    });

    test('a corrected edition of a sample replaces it and keeps the old one in history', async () => {
      const t = await makeStore();
      opened.push(t);
      const [, , gazette2024] = await sampleResults();
      const dropped = gazette2024!.documents.at(-1)!;
      const corrected: ParseResult = {
        ...gazette2024!,
        source: { ...gazette2024!.source, sha256: 'e'.repeat(64), file: 'corrected.txt' },
        documents: gazette2024!.documents.slice(0, -1),
      };
      const first = await t.ingest(gazette2024!);
      const second = await t.ingest(corrected);
      assert.deepEqual([first.action, second.action, second.issueId], ['added', 'replaced', first.issueId]);
      assert.equal(await t.getDocument(dropped.id), null);
      assert.equal((await t.search({ q: dropped.title })).hits.some((h) => h.id === dropped.id), false);
      const issue = (await t.getIssue(first.issueId))!;
      assert.equal(issue.sourceFile, 'corrected.txt');
      assert.equal(issue.editions?.length, 2);
      const old = await t.getIssue(issue.editions![1]!.id);
      assert.equal(old?.sha256, gazette2024!.source.sha256);
      assert.equal((await t.ingest(gazette2024!)).action, 'unchanged');
    });

    test('a title hit ranks above every body-only hit', async () => {
      for (const q of ['放管服', '森林防火', '应急预案', '消防', '节能减排', '绿色建材']) {
        const hits = (await search(q)).hits;
        const inTitle = hits.map((h) => h.title.includes(q));
        assert.ok(inTitle[0] && inTitle.includes(false), `${q}: need a title hit and a body-only hit`);
        assert.equal(inTitle.lastIndexOf(true) < inTitle.indexOf(false), true, `${q}: ${inTitle}`);
      }
    });

    test('a 文号 typed with [] or () finds its document first', async () => {
      for (const [id, typed] of [
        ['武隆府办发〔2024〕17号', ['武隆府办发[2024]17号', '武隆府办发(2024)17号', '武隆府办发（2024）17号', '武隆府办发 [2024] 17 号']],
        ['武隆府发〔2023〕1号', ['武隆府发[2023]1号', '武隆府发(2023)1号']],
      ] as const) {
        for (const q of typed) assert.equal((await search(q)).hits[0]?.id, id, q);
      }
      // A fragment of a 文号 is a substring like any other.
      assert.ok((await search('[2024]17')).hits.some((h) => h.id === '武隆府办发〔2024〕17号'));
    });

    test('a word 003 prints only in traditional characters is found by its simplified form', async () => {
      const raw = readFileSync(SAMPLE_FILES.find((f) => f.includes('/003_'))!, 'utf8');
      assert.ok(raw.includes('區塊鏈') && !SAMPLE_FILES.some((f) => readFileSync(f, 'utf8').includes('区块链')));
      for (const q of ['区块链', '區塊鏈']) {
        const r = await search(q);
        assert.equal(r.total, 1, q);
        assert.match(r.hits[0]!.title, /绿色建材/);
        assert.match(r.hits[0]!.snippet, /«区块链»/);
      }
    });

    test('two-character fragments and learned words are found', async () => {
      assert.ok((await search('超充')).hits.some((h) => /超充/.test(h.title)));
      assert.ok((await search('禁火令')).hits.some((h) => h.id === '武隆府发〔2024〕9号'));
      assert.ok((await search('"三位一体"')).total >= 1);
    });

    test('hostile queries return results or nothing, never an error', async () => {
      for (const q of [...HOSTILE_QUERIES, '"AND OR NOT * ( ) ^ NEAR" -"', 'NEAR("禁火" "令", 2)', '禁火令 AND (超充 OR "']) {
        const r = await search(q);
        assert.ok(Array.isArray(r.hits) && r.total >= r.hits.length, JSON.stringify(q));
      }
      // Paging numbers straight from a query string.
      const total = (await s.search({ q: '消防' })).total;
      for (const [limit, offset, expected] of [[NaN, NaN, Math.min(20, total)], [-5, -5, 0], [2.7, 0.5, 2], [1e9, 0, total]]) {
        const r = await s.search({ q: '消防', limit, offset });
        assert.deepEqual([r.total, r.hits.length], [total, expected], `${limit}/${offset}`);
      }
    });

    test('hits carry exactly the summary fields; a traditional-page issuer is no separate facet', async () => {
      const r = await s.search({ q: '统计工作联席会议' });
      assert.deepEqual(Object.keys(r.hits[0]!).sort(), ['docNumber', 'id', 'issueId', 'issuer', 'kind', 'score', 'signedOn', 'snippet', 'status', 'title']);
      const issuers = (await s.search({ q: '', limit: 0 })).facets.issuer.map((f) => f.value);
      assert.ok(issuers.every((i) => !/[區辦慶]/.test(i)), issuers.join());
      const office = await s.search({ q: '', issuer: '重慶市武隆區人民政府辦公室', limit: 0 });
      assert.equal(office.total, (await s.search({ q: '', issuer: '重庆市武隆区人民政府办公室', limit: 0 })).total);
      assert.equal((await s.listDocuments({ issuer: '重慶市武隆區人民政府辦公室' })).total, office.total);
    });

    test('facets count the matching documents and filters narrow them', async () => {
      const all = await s.search({ q: '武隆区', limit: 5 });
      assert.ok(all.total > 40);
      const sum = (k: keyof typeof all.facets) => all.facets[k].reduce((n, f) => n + f.count, 0);
      assert.equal(sum('kind'), all.total);
      assert.equal(sum('status'), all.total);
      const y2021 = all.facets.year.find((f) => f.value === '2021')!;
      const filtered = await s.search({ q: '武隆区', year: 2021, limit: 100 });
      assert.equal(filtered.total, y2021.count);
      assert.ok(filtered.hits.every((h) => h.signedOn === null || h.signedOn.startsWith('2021') || h.docNumber?.includes('2021')));
    });

    test('each stored document has exactly the tasks, targets and 规范性文件 judgement its extractors give', async () => {
      // Targets: whatever extractTargets finds today (its implementation is landing separately).
      let tasks = 0;
      for await (const d of s.allDocuments()) {
        assert.deepEqual((await s.listTasks({ documentId: d.id })).items, extractRegisters(d).tasks, d.id);
        assert.deepEqual((await s.listTargets({ documentId: d.id })).items, extractTargets(d), d.id);
        assert.deepEqual(await s.getNormative(d.id), classifyNormative(d), d.id);
        tasks += extractTasks(d).length;
      }
      assert.ok(tasks >= 20, `only ${tasks} task assignments in the samples`);
      assert.equal((await s.listTasks()).total, tasks);
    });

    test('unit mentions: every snippet comes back exactly as the extractor cut it, contacts still masked', async () => {
      // Stores keep a mention's place in one excerpt per document, not its snippet (issue 11).
      const expected = new Map<string, Array<{ documentId: string; printed: string; count: number; snippet: string }>>();
      for await (const d of s.allDocuments()) {
        for (const m of extractRegisters(d).units ?? []) {
          const list = expected.get(m.unit) ?? expected.set(m.unit, []).get(m.unit)!;
          list.push({ documentId: d.id, printed: m.printed, count: m.count, snippet: m.snippet });
        }
      }
      assert.ok(expected.size >= 50, `only ${expected.size} units named`);
      const key = (m: { documentId: string; printed: string }) => `${m.documentId}\u0000${m.printed}`;
      const byKey = (a: { documentId: string; printed: string }, b: { documentId: string; printed: string }) => (key(a) < key(b) ? -1 : 1);
      for (const [unit, ms] of expected) assert.deepEqual([...(await s.listUnitMentions(unit))].sort(byKey), ms.sort(byKey), unit);
      const ndrc = await s.listUnitMentions('区发展改革委');
      const contact = ndrc.find((m) => m.documentId === '武隆府办发〔2023〕4号')!;
      assert.match(contact.snippet, /«区发展改革委»（联系人：何\*\*；联系电话：77\*\*\*\*58/);
    });

    test('listUnits and listTasks({unit}) agree with registerByUnit over every document', async () => {
      const all = [];
      for await (const d of s.allDocuments()) all.push(...extractRegisters(d).tasks);
      const register = registerByUnit(all);
      const units = (await s.listUnits()).filter((u) => u.tasks > 0);
      assert.deepEqual(
        units.map((u) => [u.unit, u.leads, u.responsible, u.cooperating]).sort(),
        register.map((u) => [u.unit, u.leads.length, u.responsible.length, u.cooperating.length]).sort(),
      );
      const busiest = register[0]!;
      const listed = await s.listTasks({ unit: busiest.unit });
      assert.equal(listed.total, new Set([...busiest.leads, ...busiest.responsible, ...busiest.cooperating]).size);
      assert.ok(listed.items.every((t) => [...t.leads, ...t.responsible, ...t.cooperating].includes(busiest.unit)));
    });

    test('the stored register names units canonically: no pieces of names, one name per unit, groups apart', async () => {
      const units = await s.listUnits();
      const names = units.map((u) => u.unit);
      for (const piece of ['公室', '门各乡', '各部', '区人社局', '区交运局', '区交通运输委', '重慶市武隆區人民政府辦公室', '各乡镇(街道)']) {
        assert.ok(!names.includes(piece), piece);
      }
      const hr = units.find((u) => u.unit === '区人力社保局')!;
      assert.ok(hr.variants.includes('区人社局'), hr.variants.join());
      assert.deepEqual(['区交运局', '区交通运输委'].filter((v) => units.find((u) => u.unit === '区交通局')!.variants.includes(v)), ['区交运局', '区交通运输委']);
      assert.equal(units.find((u) => u.unit === '各乡镇（街道）')!.kind, 'group');
      assert.ok(units.find((u) => u.unit === '区政府办公室')!.variants.includes('重庆市武隆区人民政府办公室'));
      // 004 26号 prints 责任单位 and 配合单位 with no 牵头单位: roles as printed.
      const archive = units.find((u) => u.unit === '区档案馆')!;
      assert.deepEqual([archive.leads, archive.responsible > 0, archive.cooperating], [0, true, 0]);
      assert.ok(units.find((u) => u.unit === '区级各部门和单位')!.cooperating >= 5);
    });

    test('listDocuments({normative}) splits the documents by the stored judgement', async () => {
      const yes = await s.listDocuments({ normative: true, limit: 1000 });
      const no = await s.listDocuments({ normative: false, limit: 1000 });
      assert.equal(yes.total + no.total, (await s.counts()).documents);
      assert.ok(yes.total > 0 && no.total > 0);
      for (const d of yes.items.slice(0, 10)) assert.equal((await s.getNormative(d.id))?.normative, true);
    });

    test('listReferences lists the documents the samples cite but do not hold', async () => {
      // Every 主要文件目录 entry of the samples is printed in its issue: the references are citations.
      await recomputeAll(s);
      const refs = await s.listReferences();
      assert.ok(refs.length >= 10, `only ${refs.length} references`);
      const relations = await s.allRelations();
      for (const r of refs) {
        const citing = new Set(relations.filter((x) => x.objectId === r.key).map((x) => x.subjectId));
        assert.equal(r.citedBy, citing.size, r.key);
      }
      assert.ok(refs.every((r, i) => i === 0 || refs[i - 1]!.citedBy >= r.citedBy), 'most cited first');
      const held = new Set((await s.listDocuments({ limit: 1000 })).items.map((d) => d.docNumber).filter(Boolean));
      for (const r of refs) {
        assert.ok(r.key.startsWith('ref:'), r.key);
        assert.ok(!held.has(r.docNumber), `${r.docNumber} is held`);
      }
    });
  });
}
