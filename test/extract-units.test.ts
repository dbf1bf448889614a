/** The unit gazetteer: canonical names, variants, groups, pieces of names; the alias file checked. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UserError } from '../src/domain/errors.js';
import { extractTasks } from '../src/extract/tasks.js';
import { canonicalTask, defaultGazetteer, findUnitMentions, loadAliases, makeGazetteer } from '../src/extract/units/index.js';
import { parseFile } from '../src/ingest/index.js';
import { sample } from './helpers/samples.js';

const g = defaultGazetteer();
const name = (printed: string) => g.canonical(printed)?.name ?? null;

describe('unit gazetteer', () => {
  it('one canonical name for abbreviations, old names, bracket widths and traditional forms', () => {
    assert.equal(name('区人社局'), '区人力社保局');
    assert.equal(name('区人力社保局'), '区人力社保局');
    for (const v of ['区交通局', '区交运局', '区交通运输委']) assert.equal(name(v), '区交通局', v);
    assert.equal(name('重慶市武隆區人民政府辦公室'), '区政府办公室');
    assert.equal(name('重庆市武隆区人民政府办公室'), '区政府办公室');
    assert.equal(name('区旅游产业(集团)公司'), '区旅游产业（集团）公司');
    assert.equal(name('各乡镇(街道)'), '各乡镇（街道）');
    assert.equal(name('各乡镇〔街道〕'), '各乡镇（街道）');
    assert.equal(name('武隆银保监管组'), '国家金融监管总局武隆支局');
  });

  it('townships by rule: a village in brackets, a bare 乡/镇/街道', () => {
    assert.equal(name('后坪乡（文凤村）'), '后坪乡人民政府');
    assert.equal(name('仙女山街道（荆竹村）'), '仙女山街道办事处');
    assert.equal(name('凤山街道'), '凤山街道办事处');
    assert.equal(name('和顺镇人民政府'), '和顺镇人民政府');
  });

  it('groups kept as groups, pieces of names never units', () => {
    for (const v of ['各乡镇（街道）', '区级各部门', '区政府各部门', '各街道办事处', '各乡镇人民政府', '有关单位', '区政府有关部门和单位']) {
      assert.equal(g.canonical(v)?.kind, 'group', v);
    }
    assert.equal(name('区政府各部门'), '区级各部门');
    assert.equal(g.canonical('区财政局')?.kind, 'unit');
    for (const piece of ['公室', '门各乡', '各部', '镇(街、道)', '委']) assert.equal(g.canonical(piece), null, piece);
  });

  it('a task named canonically keeps the spelling printed and names a unit once per role', () => {
    const t = canonicalTask({
      documentId: 'd', docNumber: null, task: 'x', leads: ['区人社局'], responsible: ['区交运局', '区交通局', '公室'], cooperating: [],
      leader: null, deadline: null, source: { kind: 'block', block: 0 },
    });
    assert.deepEqual([t.leads, t.responsible], [['区人力社保局'], ['区交通局']]);
    assert.deepEqual(t.printed, { 区人力社保局: '区人社局', 区交通局: '区交运局' });
  });

  it('mentions in text: longest spelling first, canonical names, department-shaped names, no phrases', () => {
    const ms = findUnitMentions('区政府办公室牵头，区人社局、区人力社保局、区统计局配合；区政府交办的事项。', [], g);
    const by = (u: string) => ms.filter((m) => m.unit === u).map((m) => [m.printed, m.count]);
    assert.deepEqual(by('区人力社保局').sort(), [['区人力社保局', 1], ['区人社局', 1]]);
    assert.deepEqual(by('区政府办公室'), [['区政府办公室', 1]]);
    assert.deepEqual(by('区统计局'), [['区统计局', 1]]);
    assert.ok(!ms.some((m) => m.printed === '区政府交办'));
    assert.deepEqual(findUnitMentions('报区政府办理。', [], g).map((m) => m.printed), ['区政府']);
  });

  it('on the samples: no unit of any task list is a piece of a name', async () => {
    for (const id of ['002', '003', '004']) {
      for (const d of (await parseFile(sample(id))).documents) {
        for (const t of extractTasks(d).map((x) => canonicalTask(x, g))) {
          for (const u of [...t.leads, ...t.responsible, ...t.cooperating]) assert.ok(u.length >= 3 && !/^[门室公各]部?$/.test(u), `${d.docNumber}: ${u}`);
        }
      }
    }
  });
});

describe('alias file', () => {
  it('the bundled file is valid and every variant maps to its entry', () => {
    const a = loadAliases();
    const gz = makeGazetteer(a);
    for (const e of a.units) for (const v of e.variants) assert.equal(gz.canonical(v)?.name, e.name, v);
    for (const e of a.groups) for (const v of e.variants) assert.deepEqual(gz.canonical(v), { name: e.name, kind: 'group' }, v);
  });

  it('rules serve any county: its own prefix and 县 units', () => {
    const county = makeGazetteer({ place: { name: '重庆市彭水苗族土家族自治县', prefixes: ['重庆市彭水苗族土家族自治县', '彭水县'], own: '县' }, units: [], groups: [], notUnits: [] });
    assert.deepEqual(county.canonical('重庆市彭水苗族土家族自治县人民政府办公室'), { name: '县政府办公室', kind: 'unit' });
    assert.deepEqual(county.canonical('彭水县财政局'), { name: '县财政局', kind: 'unit' });
    assert.equal(county.canonical('县级各部门')?.kind, 'group');
    assert.equal(county.canonical('公室'), null);
  });

  it('a malformed alias file is one line naming the file and the field (UserError)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gongbao-aliases-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ place: { name: "某县", prefixes: [], own: "县" }, units: [{ name: '县财政局', variants: 'x' }], groups: [], notUnits: [] }));
    assert.throws(() => loadAliases(file), (e: unknown) => e instanceof UserError && /bad\.json: units\.0\.variants/.test(e.message) && !e.message.includes('\n'));
    writeFileSync(file, '{');
    assert.throws(() => loadAliases(file), UserError);
  });
});
