/**
 * `gongbao interpret`, `qa suggest|list|review` and ingesting a 解读 text, end to end on a SQLite
 * store holding the samples; then the decision repealing a document is ingested and everything
 * resting on that document turns 待更新 and leaves the public list.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../src/ingest/index.js';
import { recomputeAll } from '../src/status/recompute.js';
import { openStore } from '../src/store/factory.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/editorial');
const dir = mkdtempSync(join(tmpdir(), 'gongbao-editorial-'));
const db = join(dir, 'g.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const store = await openStore({ db });
const samples = join(ROOT, 'samples/wulong');
for (const f of readdirSync(samples).filter((f) => f.endsWith('.txt')).sort()) await store.ingest(await parseFile(join(samples, f)));
await recomputeAll(store);
await store.close();

function gongbao(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--db', db], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('interpret --json: the contract, quotes verbatim; a plain rendering; an unknown 文号 is exit 2', () => {
  const r = gongbao('interpret', '武隆府办发[2021]28号', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.docNumber, '武隆府办发〔2021〕28号');
  assert.ok(j.sections.length >= 4);
  for (const s of j.sections) for (const i of s.items) assert.deepEqual(Object.keys(i).slice(0, 3), ['text', 'quote', 'paragraph']);
  assert.ok(j.sections.find((s: { name: string }) => s.name === '执行标准').items.some((i: { text: string }) => /300万元/.test(i.text)));
  const plain = gongbao('interpret', '武隆府办发〔2021〕28号');
  assert.match(plain.out, /【出台目的】/);
  assert.match(plain.out, /原文（第\d+段）：/);
  const none = gongbao('interpret', '武隆府办发〔1999〕1号');
  assert.equal(none.code, 2);
  assert.match(none.err, /^gongbao: no stored document/);
});

test('qa suggest --json drafts ≥40 candidates; --save keeps them as drafts once', () => {
  const r = gongbao('qa', 'suggest', '--json', '--save');
  assert.equal(r.code, 0, r.err);
  const cs = JSON.parse(r.out) as Array<{ question: string; answer: string; docNumber: string; quote: string }>;
  assert.ok(cs.length >= 40, String(cs.length));
  assert.ok(cs.every((c) => c.question && c.answer && c.docNumber && c.quote));
  assert.match(r.err, new RegExp(`${cs.length} new draft entries saved`));
  assert.match(gongbao('qa', 'suggest', '--save').err, /^0 new draft entries saved/);
  const listed = JSON.parse(gongbao('qa', 'list', '--status', 'draft', '--json').out) as unknown[];
  assert.equal(listed.length, cs.length);
  assert.equal(gongbao('qa', 'list', '--status', 'bogus').code, 2);
});

test('ingesting a 解读 text links it to the document it names; re-ingesting changes nothing', () => {
  const r = gongbao('ingest', join(FIXTURES, 'house-interpretation.txt'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /解读《《重庆市武隆区国有土地上房屋征收与补偿实施办法》政策解读》 linked to 武隆府发〔2023〕5号/);
  assert.match(gongbao('ingest', join(FIXTURES, 'house-interpretation.txt')).err, /linked to 武隆府发〔2023〕5号/);
});

test('ingesting the repealing decision turns the 解读 and 问答 on the document 待更新, out of the public list', async () => {
  const house = JSON.parse(gongbao('qa', 'list', '--json').out).filter((e: { documentIds: string[] }) => e.documentIds.includes('武隆府发〔2023〕5号'));
  assert.ok(house.length >= 3);
  const approve = gongbao('qa', 'review', house[0].id, '--approve', '--author', '李审核');
  assert.equal(approve.code, 0, approve.err);
  assert.match(approve.out, /\[published\]/);
  assert.equal(gongbao('qa', 'review', house[0].id, '--author', '李审核').code, 2, 'one action is required');
  const r = gongbao('ingest', join(FIXTURES, 'decision-2025-1.txt'));
  assert.equal(r.code, 0, r.err);
  assert.match(gongbao('status', '武隆府发〔2023〕5号').out, /已废止（自2025-03-01）/);
  const after = JSON.parse(gongbao('qa', 'list', '--json').out).filter((e: { documentIds: string[] }) => e.documentIds.includes('武隆府发〔2023〕5号'));
  assert.ok(after.every((e: { status: string }) => e.status === '待更新'), after.map((e: { status: string }) => e.status).join());
  const was = after.find((e: { id: string }) => e.id === house[0].id);
  assert.equal(was.stale.previous, 'published');
  assert.equal(was.stale.evidence[0].docNumber, '武隆府发〔2025〕1号');
  assert.match(was.stale.evidence[0].quote, /予以废止/);
  assert.equal(JSON.parse(gongbao('qa', 'list', '--status', 'published', '--json').out).length, 0);
  const s = await openStore({ db });
  try {
    const jd = await s.listInterpretations({ documentId: '武隆府发〔2023〕5号' });
    assert.deepEqual(jd.map((x) => x.status), ['待更新']);
    assert.ok((await s.listAudit(200)).some((a) => a.action === 'interpretation.stale' && a.author === 'system'));
  } finally {
    await s.close();
  }
});

test('with the predecessor held, interpret compares the two editions clause by clause', () => {
  const r = gongbao('ingest', join(FIXTURES, 'fire-ban-2023.txt'));
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(gongbao('interpret', '武隆府发〔2024〕9号', '--json').out);
  const diff = j.sections.find((s: { name: string }) => s.name === '新旧文件差异对比');
  assert.ok(diff, j.sections.map((s: { name: string }) => s.name).join());
  const texts = diff.items.map((i: { text: string }) => i.text);
  assert.ok(texts.some((t: string) => t.startsWith('修改（50→100）：禁火范围')), texts.join('\n'));
  assert.ok(texts.some((t: string) => /^修改（5000→10000，30000→50000）/.test(t)), texts.join('\n'));
  assert.ok(diff.items.some((i: { change: string; quote: string; docNumber?: string }) => i.change === 'removed' && i.quote === '- 在林区内使用明火熬制沥青等作业；' && i.docNumber === '武隆府发〔2023〕18号'));
  assert.ok(diff.items.some((i: { change: string; quote: string }) => i.change === 'added' && /拉电网等方式驱赶野兽/.test(i.quote)));
  // 问答 on what changed, naming the predecessor.
  const qa = JSON.parse(gongbao('qa', 'suggest', '--json').out) as Array<{ question: string; answer: string }>;
  const changed = qa.find((c) => c.question === '与原文件（武隆府发〔2023〕18号）相比，《关于发布森林防火禁火令的通告》修改了哪些规定？');
  assert.match(changed?.answer ?? '', /^修改（50→100）：禁火范围/);
});
