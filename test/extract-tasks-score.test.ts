/** The task extractor against the hand-checked fixture (test/fixtures/tasks-truth.json): goal ≥ 0.95. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadTruth, scoreDocument, scoreExtractor, taskSimilarity, total } from '../bench/tasks-score.js';

describe('task fixture and scorer', () => {
  it('holds at least 80 hand-checked tasks from 002, 003 and 004', () => {
    const t = loadTruth();
    assert.ok(t.documents.reduce((n, d) => n + d.tasks.length, 0) >= 80);
    assert.deepEqual([...new Set(t.documents.map((d) => d.sample))].sort(), ['002', '003', '004']);
  });

  it('pairs tasks by text and counts a wrong role as a miss', () => {
    assert.equal(taskSimilarity('2021年完成部门志5部', '2021年完成部门志5部：《武隆县志·政协志》'), 1);
    const truth = [{ task: '道路抽检', lead: ['区公安分局'], responsible: ['区生态环境局'], cooperating: [], deadline: null }];
    const s = scoreDocument(truth, [{ task: '道路抽检', lead: ['区公安分局'], responsible: [], cooperating: ['区生态环境局'], deadline: null }]);
    assert.deepEqual(s.facts, { truth: 2, found: 2, matched: 1 });
  });

  it('precision and recall of tasks and facts are at least 0.95', async () => {
    const all = total(await scoreExtractor());
    for (const k of ['tasks', 'facts'] as const) {
      const { truth, found, matched } = all[k];
      assert.ok(matched / found >= 0.95, `${k} precision ${matched}/${found}`);
      assert.ok(matched / truth >= 0.95, `${k} recall ${matched}/${truth}`);
    }
  });
});
