/** The task register, on the task-division documents of the samples. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractTasks, looksLikeUnits, registerByUnit, splitUnits } from '../src/extract/tasks.js';
import { parseFile } from '../src/ingest/index.js';
import { sample } from './helpers/samples.js';

const doc = async (id: string, n: string) => (await parseFile(sample(id))).documents.find((d) => d.docNumber === n)!;

describe('unit lists', () => {
  it('splits on 、 but never inside brackets', () => {
    assert.deepEqual(splitUnits('区工业园区管委会、区商务委、区能源发展（集团）公司'), ['区工业园区管委会', '区商务委', '区能源发展（集团）公司']);
  });
  it('separates units printed one per line or glued by extraction', () => {
    assert.deepEqual(splitUnits('区发展改革委区商务委各乡镇（街道）'), ['区发展改革委', '区商务委', '各乡镇（街道）']);
    assert.deepEqual(splitUnits('区财政局\n区生态环境局'), ['区财政局', '区生态环境局']);
  });
  it('joins names a narrow cell wrapped, and keeps groups whole', () => {
    assert.deepEqual(splitUnits('区政府各部 门各乡 镇(街 道)\n区政府办 公室'), ['区政府各部门', '各乡镇(街道)', '区政府办公室']);
    assert.deepEqual(splitUnits('区住房城乡建 委'), ['区住房城乡建委']);
    assert.deepEqual(splitUnits('区政府有关部门和单位'), ['区政府有关部门和单位']);
    assert.deepEqual(splitUnits('区机关事务局 区市场监管局 有关乡镇人民政府和街道办事处'), ['区机关事务局', '区市场监管局', '有关乡镇人民政府和街道办事处']);
    assert.deepEqual(splitUnits('各街道办事处、各乡镇人民政府及相关企业'), ['各街道办事处', '各乡镇人民政府', '相关企业']);
    assert.deepEqual(splitUnits('和顺镇人民政府、双河镇人民政府'), ['和顺镇人民政府', '双河镇人民政府']);
  });
  it('tells unit lists from shifted task text', () => {
    assert.ok(looksLikeUnits('区人力社保局、区财政局'));
    assert.ok(!looksLikeUnits('公开本区县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要，做好历史规划的归集整理'));
  });
});

describe('task assignments in the samples', () => {
  it('002 22号: parenthetical 牵头单位/责任单位 after each measure', async () => {
    const tasks = extractTasks(await doc('002', '武隆府办发〔2024〕22号'));
    assert.equal(tasks.length, 15);
    assert.deepEqual(tasks[0]!.leads, ['区经济信息委']);
    assert.deepEqual(tasks[0]!.responsible, ['区工业园区管委会', '区商务委', '区能源发展（集团）公司']);
    assert.deepEqual(tasks[0]!.cooperating, []);
    assert.equal(tasks[0]!.task, '稳定工业产品出口');
  });

  it('002 32号: a unit list ends at its closing bracket, not at the next sentence', async () => {
    const tasks = extractTasks(await doc('002', '武隆府办发〔2024〕32号'));
    for (const t of tasks) for (const u of [...t.leads, ...t.responsible]) assert.doesNotMatch(u, /。|本方案/);
  });

  it('003 3号: nine 重点突破工作, each with its leader, lead and sharing units', async () => {
    const tasks = extractTasks(await doc('003', '武隆府发〔2023〕3号'));
    assert.equal(tasks.length, 9);
    assert.equal(tasks[0]!.task, '建设智慧城市运营指挥平台');
    assert.equal(tasks[0]!.leader, '马应华');
    assert.deepEqual(tasks[0]!.leads, ['区经济信息委']);
    assert.ok(tasks[0]!.responsible.includes('区发展改革委'));
  });

  it('004 35号: the 政务公开 task table, merged cells lost, still yields unit lists', async () => {
    const tasks = extractTasks(await doc('004', '武隆府办发〔2021〕35号'));
    assert.ok(tasks.length >= 20, `${tasks.length} tasks`);
    for (const t of tasks) for (const u of t.leads) assert.ok(looksLikeUnits(u), u);
  });

  it('004 26号: 责任单位 and 配合单位 without any 牵头单位, kept as printed, with 完成时限', async () => {
    const tasks = extractTasks(await doc('004', '武隆府办发〔2021〕26号'));
    assert.equal(tasks.length, 22);
    const yearbook = tasks[1]!;
    assert.equal(yearbook.task, '《武隆年鉴》2021—2025卷按年度公开出版。');
    assert.deepEqual(yearbook.leads, []);
    assert.deepEqual(yearbook.responsible, ['区档案馆（年鉴编辑部）']);
    assert.deepEqual(yearbook.cooperating, ['区级各部门和单位', '各街道办事处', '各乡镇人民政府']);
    assert.equal(yearbook.deadline, '2021—2025年各年度12月之前');
  });

  it('004 36号: a 责任单位 printed twice keeps both lists', async () => {
    const t = extractTasks(await doc('004', '武隆府办发〔2021〕36号')).find((x) => x.task === '落实经费保障')!;
    assert.deepEqual(t.responsible, ['区财政局', '各街道办事处', '各乡镇人民政府']);
  });

  it('004 32号: shifted table cells read in order; a group is not split into 区政府 + 有关部门和单位', async () => {
    const tasks = extractTasks(await doc('004', '武隆府办发〔2021〕32号'));
    const oil = tasks.find((t) => t.task.startsWith('严厉打击生产、销售不合格油品'))!;
    assert.deepEqual([oil.leads, oil.responsible], [['区市场监管局'], ['区交通局', '区市场监管局', '区商务委']]);
    const air = tasks.find((t) => t.task === '城区空气质量')!;
    assert.deepEqual([air.leads, air.responsible], [['区政府有关部门和单位'], ['区政府有关部门和单位']]);
    // 新车环保管理 prints three units under 牵头单位: all three lead, 区生态环境局 among them.
    const cars = tasks.find((t) => t.task === '新车环保管理')!;
    assert.deepEqual(cars.leads, ['区生态环境局', '区公安局', '区市场监管局']);
  });

  it('002 32号: a paragraph going on from a numbered task belongs to that task', async () => {
    const tasks = extractTasks(await doc('002', '武隆府办发〔2024〕32号'));
    assert.ok(tasks.some((t) => t.task === '强化部门安全监管责任'));
  });

  it('no piece of a name is ever a unit (004 35号: cells wrapped inside names)', async () => {
    const r = await parseFile(sample('004'));
    const units = r.documents.flatMap(extractTasks).flatMap((t) => [...t.leads, ...t.responsible, ...t.cooperating]);
    for (const piece of ['公室', '门各乡', '各部', '镇(街、道)', '区政府', '有关部门和单位']) assert.ok(!units.includes(piece), piece);
  });

  it('the register per unit counts what each leads and shares', async () => {
    const r = await parseFile(sample('002'));
    const reg = registerByUnit(r.documents.flatMap(extractTasks));
    const emergency = reg.find((u) => u.unit === '区应急管理局')!;
    assert.equal(emergency.leads.length, 19);
    assert.ok(reg.find((u) => u.unit === '各街道办事处')!.responsible.length > 0);
  });
});
