/** The ingest / search / show / export commands, run as a user runs them, on the real samples. */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { csvField } from '../src/cli/commands/export.js';
import { SAMPLE_DIR } from './store-samples.js';

const run = promisify(execFile);
const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gongbao-cli-'));
const db = join(dir, 'cli.db');

async function gongbao(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: new URL('..', import.meta.url).pathname, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

before(async () => {
  const first = await gongbao(['ingest', SAMPLE_DIR, '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  // One line per file read, README.md listed as skipped, then the batch.
  assert.match(first.stdout, /^.*002_c2ec7535d22ea83c\.txt: utf-8, 重庆市武隆区人民政府公报 2024年第2期, 12 documents, \d+ warnings — added$/m);
  assert.match(first.stdout, /README\.md: skipped — \.md file/);
  assert.match(first.stdout, /\n5 files: 5 issues \(5 added, 0 replaced, 0 unchanged\), \d+ documents, \d+ warnings, 1 skipped\n$/);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('ingest again: everything unchanged; GONGBAO_DB picks the database', async () => {
  const again = await gongbao(['ingest', SAMPLE_DIR], { GONGBAO_DB: db });
  assert.match(again.stdout, /5 issues \(0 added, 0 replaced, 5 unchanged\), 0 documents/);
  const missing = await gongbao(['ingest', join(dir, 'nope.txt'), '--db', db]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^gongbao: .*nope\.txt: no such file or directory\n$/);
});

test('two ingests of the same files at once: each file stored once, neither fails', async () => {
  const shared = join(dir, 'concurrent.db');
  const both = await Promise.all([gongbao(['ingest', SAMPLE_DIR, '--db', shared]), gongbao(['ingest', SAMPLE_DIR, '--db', shared])]);
  for (const r of both) assert.equal(r.code, 0, r.stderr);
  const added = both.map((r) => Number(/\((\d+) added/.exec(r.stdout)![1]));
  assert.equal(added[0]! + added[1]!, 5);
  const all = JSON.parse((await gongbao(['search', '', '--json', '--limit', '1', '--db', shared])).stdout);
  const once = JSON.parse((await gongbao(['search', '', '--json', '--limit', '1', '--db', db])).stdout);
  assert.equal(all.total, once.total);
});

test('search --json keeps the contract', async () => {
  const r = await gongbao(['search', '武隆府办发(2024)17号', '--json', '--limit', '3', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['total', 'approximate', 'facets', 'lookup', 'hits']);
  assert.deepEqual(Object.keys(out.facets).sort(), ['issuer', 'kind', 'status', 'year']);
  assert.deepEqual(Object.keys(out.hits[0]), ['id', 'docNumber', 'title', 'signedOn', 'issuer', 'kind', 'status', 'score', 'snippet']);
  assert.equal(out.lookup.docNumber, '武隆府办发〔2024〕17号');
  assert.equal(out.hits[0].id, '武隆府办发〔2024〕17号');
  const table = await gongbao(['search', '禁火令', '--year', '2024', '--db', db]);
  assert.match(table.stdout, /^1 document match "禁火令"/);
  assert.match(table.stdout, /武隆府发〔2024〕9号/);
  // ingest recomputed statuses, so the status filter has something to find.
  const valid = JSON.parse((await gongbao(['search', '武隆区', '--json', '--status', '现行有效', '--db', db])).stdout);
  assert.ok(valid.total > 0 && valid.facets.status.length === 1);
  const unquoted = JSON.parse((await gongbao(['search', '消防', '-高层', '--json', '--db', db])).stdout);
  const quoted = JSON.parse((await gongbao(['search', '消防 -高层', '--json', '--db', db])).stdout);
  assert.deepEqual(unquoted, quoted);
  assert.ok(quoted.total > 0 && quoted.hits.every((h: { title: string }) => !h.title.includes('高层')));
  assert.equal((await gongbao(['search', '消防', '--jsno', '--db', db])).code, 2);
  const bad = await gongbao(['search', '禁火令', '--limit', 'ten', '--db', db]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
});

test('search for a 文号: its document first with status and evidence, held or known by reference', async () => {
  const repealed = JSON.parse((await gongbao(['search', '武隆府发〔2023〕18号', '--json', '--db', db])).stdout);
  assert.equal(repealed.lookup.held, false);
  assert.equal(repealed.lookup.status.status, '已废止');
  assert.equal(repealed.lookup.status.since, '2024-06-13');
  assert.equal(repealed.lookup.status.evidence[0].docNumber, '武隆府发〔2024〕9号');
  assert.deepEqual(repealed.lookup.citedBy.map((d: { docNumber: string }) => d.docNumber), ['武隆府发〔2024〕9号']);
  assert.ok(repealed.hits.every((h: { status: string }) => typeof h.status === 'string'));
  const table = await gongbao(['search', '武隆府办发〔2018〕126号', '--db', db]);
  assert.match(table.stdout, /^文号 武隆府办发〔2018〕126号: .*\n {2}已废止（自2024-08-01）\n {2}依据 武隆府办发〔2024〕39号/);
  const variant = JSON.parse((await gongbao(['search', '武隆府办发[2023]11号', '--json', '--db', db])).stdout);
  assert.equal(variant.lookup.docNumber, '武隆府办〔2023〕11号');
  assert.match(variant.lookup.note, /主要文件目录/);
});

test('search --from/--to/--field/--sort; bad values are one line, exit 2', async () => {
  const run = async (...extra: string[]) => JSON.parse((await gongbao(['search', '消防', '--json', '--limit', '50', ...extra, '--db', db])).stdout);
  const all = await run();
  const title = await run('--field', 'title');
  assert.ok(title.total > 0 && title.total < all.total && title.hits.every((h: { title: string }) => h.title.includes('消防')));
  const ranged = await run('--from', '2024-01-01', '--to', '2024-12-31');
  assert.ok(ranged.total > 0 && ranged.hits.every((h: { signedOn: string }) => h.signedOn.startsWith('2024')));
  const dates = (await run('--sort', 'date')).hits.map((h: { signedOn: string | null }) => h.signedOn ?? '');
  assert.deepEqual(dates, [...dates].sort().reverse());
  for (const bad of [['--from', '2024-02-30'], ['--field', 'body'], ['--sort', 'newest']]) {
    const r = await gongbao(['search', '消防', ...bad, '--db', db]);
    assert.equal(r.code, 2, bad.join(' '));
    assert.match(r.stderr, /^gongbao: [^\n]+\n$/);
  }
});

test('show and status answer the 目录 spelling of a 文号, and show a document known only by reference', async () => {
  const variant = await gongbao(['show', '武隆府办发〔2023〕11号', '--db', db]);
  assert.equal(variant.code, 0, variant.stderr);
  assert.match(variant.stdout, /文号：武隆府办〔2023〕11号/);
  assert.match(variant.stderr, /主要文件目录将本文件列为 武隆府办发〔2023〕11号/);
  const ref = await gongbao(['show', '武隆府办发〔2018〕126号', '--db', db]);
  assert.equal(ref.code, 0, ref.stderr);
  assert.match(ref.stdout, /已废止（自2024-08-01）\n {2}依据 武隆府办发〔2024〕39号/);
  const status = await gongbao(['status', '武隆府办发〔2023〕11号', '--json', '--db', db]);
  assert.equal(JSON.parse(status.stdout).docNumber, '武隆府办〔2023〕11号');
});

test('show by any spelling of the 文号; an unknown one is a one-line error', async () => {
  const r = await gongbao(['show', '武隆府发[2024]9号', '--json', '--db', db]);
  assert.equal(JSON.parse(r.stdout).id, '武隆府发〔2024〕9号');
  const text = await gongbao(['show', '武隆府发(2024)9号', '--db', db]);
  assert.match(text.stdout, /^重庆市武隆区人民政府关于发布森林防火禁火令的通告\n/);
  const none = await gongbao(['show', '武隆府发〔1999〕1号', '--db', db]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^gongbao: no stored document .*\n$/);
});

test('export jsonl and csv hold every document', async () => {
  const jsonl = await gongbao(['export', '--db', db]);
  const docs = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(docs.length >= 50 && docs.every((d) => typeof d.text === 'string' && 'status' in d));
  const out = join(dir, 'all.csv');
  await gongbao(['export', '--format', 'csv', '--out', out, '--db', db]);
  const csv = readFileSync(out, 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'a BOM, for spreadsheets');
  const lines = csv.slice(1).trimEnd().split('\r\n');
  assert.equal(lines[0], '编号,发文字号,标题,发文机关,文种,成文日期,效力状态,公报期次');
  assert.equal(lines.length, docs.length + 1);
  assert.equal((await gongbao(['export', '--format', 'xml', '--db', db])).code, 2);
});

test('export: --format follows --out\'s extension; a missing directory is one line, exit 2', async () => {
  const out = join(dir, 'by-extension.csv');
  const r = await gongbao(['export', '--out', out, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(readFileSync(out, 'utf8').startsWith('\ufeff编号,发文字号,'));
  const jsonl = join(dir, 'x.jsonl');
  await gongbao(['export', '--out', jsonl, '--db', db]);
  assert.doesNotThrow(() => JSON.parse(readFileSync(jsonl, 'utf8').split('\n')[0]!));
  const explicit = join(dir, 'explicit.csv');
  await gongbao(['export', '--out', explicit, '--format', 'jsonl', '--db', db]);
  assert.match(readFileSync(explicit, 'utf8'), /^\{/);
  const nodir = await gongbao(['export', '--out', join(dir, 'nodir', 'x'), '--db', db]);
  assert.equal(nodir.code, 2);
  assert.match(nodir.stderr, /^gongbao: --out .*nodir[/\\]x: no such directory .*nodir\n$/);
});

test('usage mistakes (missing argument, unknown command) are one line, exit 2; --help exits 0', async () => {
  for (const args of [['show'], ['status'], ['nosuch'], ['export', '--nope']]) {
    const r = await gongbao([...args, '--db', db]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^gongbao: [^\n]+\n$/, args.join(' '));
  }
  assert.equal((await gongbao(['show', '--help'])).code, 0);
});

test('csv fields are quoted only when they must be', () => {
  assert.equal(csvField('通知'), '通知');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"\n'), '"say ""hi""\n"');
  assert.equal(csvField(null), '');
});

test('tasks, targets and refs read the stored registers; --json and --unit', async () => {
  const text = await gongbao(['tasks', '--db', db]);
  assert.equal(text.code, 0, text.stderr);
  const [, total, units] = /(\d+) task assignments, (\d+) units\n$/.exec(text.stdout)!.map(Number);
  assert.ok(total! >= 20 && units! >= 10, text.stdout.slice(-200));
  const all = JSON.parse((await gongbao(['tasks', '--json', '--db', db])).stdout) as Array<{ unit: string; leads: unknown[]; responsible: unknown[]; cooperating: unknown[] }>;
  assert.equal(all.length, units);
  const one = JSON.parse((await gongbao(['tasks', '--json', '--unit', '发展改革委', '--db', db])).stdout) as typeof all;
  assert.ok(one.length >= 1 && one.every((u) => u.unit.includes('发展改革委')));
  const same = all.find((u) => u.unit === one[0]!.unit)!;
  const sizes = (u: (typeof all)[number]) => [u.leads.length, u.responsible.length, u.cooperating.length];
  assert.deepEqual(sizes(one[0]!), sizes(same));

  const unitsOut = await gongbao(['units', '--json', '--db', db]);
  assert.equal(unitsOut.code, 0, unitsOut.stderr);
  const gazetteer = JSON.parse(unitsOut.stdout) as Array<{ name: string; kind: 'unit' | 'group'; variants: string[]; tasks: number; documents: number }>;
  const names = gazetteer.map((u) => u.name);
  for (const piece of ['公室', '门各乡', '各部', '区人社局', '区交运局']) assert.ok(!names.includes(piece), piece);
  const hr = gazetteer.find((u) => u.name === '区人力社保局')!;
  assert.ok(hr.variants.includes('区人社局') && hr.tasks > 0 && hr.documents > 0);
  assert.deepEqual(Object.keys(hr).slice(0, 5), ['name', 'kind', 'variants', 'tasks', 'documents']);
  assert.equal(gazetteer.find((u) => u.name === '各乡镇（街道）')!.kind, 'group');
  const listing = await gongbao(['units', '--db', db]);
  assert.match(listing.stdout, /^区交通局 .*又作：.*区交运局/m);
  assert.match(listing.stdout, /\d+ units, \d+ groups\n$/);

  // The alias file is the place's to review: another canonical name, then --rebuild, and the stored
  // register follows (on a copy of the database).
  const aliases = JSON.parse(readFileSync(new URL('../config/units/wulong-aliases.json', import.meta.url), 'utf8'));
  const hrEntry = aliases.units.find((u: { name: string }) => u.name === '区人力社保局');
  Object.assign(hrEntry, { name: '区人力资源和社会保障局', variants: [...hrEntry.variants, '区人力社保局'] });
  const aliasFile = join(dir, 'aliases.json');
  writeFileSync(aliasFile, JSON.stringify(aliases));
  const copy = join(dir, 'copy.db');
  copyFileSync(db, copy);
  const renamed = await gongbao(['units', '--rebuild', '--json', '--db', copy], { GONGBAO_UNIT_ALIASES: aliasFile });
  assert.match(renamed.stderr, /registers rebuilt from \d+ documents/);
  const after = (JSON.parse(renamed.stdout) as typeof gazetteer).map((u) => u.name);
  assert.ok(after.includes('区人力资源和社会保障局') && !after.includes('区人力社保局'));

  const targets = await gongbao(['targets', '--json', '--db', db]);
  assert.equal(targets.code, 0, targets.stderr);
  const timelines = JSON.parse(targets.stdout) as Array<{ indicatorKey: string; years: Array<{ year: number }> }>;
  const listed = await gongbao(['targets', '--db', db]);
  assert.match(listed.stdout, new RegExp(`${timelines.length} indicators, \\d+ figures\\n$`));
  if (timelines.length > 0) {
    const k = timelines[0]!.indicatorKey;
    const only = JSON.parse((await gongbao(['targets', '--json', '--indicator', k, '--db', db])).stdout) as typeof timelines;
    assert.deepEqual(only.map((t) => t.indicatorKey), [k]);
    const y = timelines[0]!.years[0]!.year;
    const ofYear = JSON.parse((await gongbao(['targets', '--json', '--year', String(y), '--db', db])).stdout) as typeof timelines;
    assert.ok(ofYear.length >= 1 && ofYear.every((t) => t.years.every((x) => x.year === y)));
  }
  const bad = await gongbao(['targets', '--year', 'soon', '--db', db]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^gongbao: --year: /);

  const refs = await gongbao(['refs', '--json', '--db', db]);
  assert.equal(refs.code, 0, refs.stderr);
  const list = JSON.parse(refs.stdout) as Array<{ key: string; citedBy: number }>;
  assert.ok(list.length >= 10 && list.every((r) => r.key.startsWith('ref:')));
  assert.match((await gongbao(['refs', '--db', db])).stdout, new RegExp(`\\n${list.length} documents known only by reference\\n$`));
});

test('a reader that closes the pipe early (export | head) ends the command quietly', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'export', '--format', 'jsonl', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  // Read one chunk, then hang up, as `head -c` does.
  await new Promise<void>((done) => child.stdout.once('data', () => done()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Error/);
});
