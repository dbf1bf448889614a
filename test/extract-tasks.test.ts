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
    assert.deepEqual(tasks[0]!.supports, ['区工业园区管委会', '区商务委', '区能源发展（集团）公司']);
    assert.equal(tasks[0]!.task, '稳定工业产品出口');
  });

  it('002 32号: a unit list ends at its closing bracket, not at the next sentence', async () => {
    const tasks = extractTasks(await doc('002', '武隆府办发〔2024〕32号'));
    for (const t of tasks) for (const u of [...t.leads, ...t.supports]) assert.doesNotMatch(u, /。|本方案/);
  });

  it('003 3号: nine 重点突破工作, each with its leader, lead and sharing units', async () => {
    const tasks = extractTasks(await doc('003', '武隆府发〔2023〕3号'));
    assert.equal(tasks.length, 9);
    assert.equal(tasks[0]!.task, '建设智慧城市运营指挥平台');
    assert.equal(tasks[0]!.leader, '马应华');
    assert.deepEqual(tasks[0]!.leads, ['区经济信息委']);
    assert.ok(tasks[0]!.supports.includes('区发展改革委'));
  });

  it('004 35号: the 政务公开 task table, merged cells lost, still yields unit lists', async () => {
    const tasks = extractTasks(await doc('004', '武隆府办发〔2021〕35号'));
    assert.ok(tasks.length >= 20, `${tasks.length} tasks`);
    for (const t of tasks) for (const u of t.leads) assert.ok(looksLikeUnits(u), u);
  });

  it('the register per unit counts what each leads and shares', async () => {
    const r = await parseFile(sample('002'));
    const reg = registerByUnit(r.documents.flatMap(extractTasks));
    const emergency = reg.find((u) => u.unit === '区应急管理局')!;
    assert.equal(emergency.leads.length, 19);
    assert.ok(reg.find((u) => u.unit === '各街道办事处')!.supports.length > 0);
  });
});
