/**
 * A prepared file sent from a parse worker without its bulky fields (parse-transfer.ts) reads the
 * same on the storing thread: the fields come back from the packed blob and the extractor.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import { restoreResult, slimResult, type SlimResult } from '../src/cli/parse-transfer.js';
import { parseFile } from '../src/ingest/index.js';
import { prepareResult } from '../src/store/prepared.js';
import { packDocument } from '../src/store/packed-content.js';

// As a worker's message crosses to the main thread (structured clone).
const cross = (x: SlimResult) => deserialize(serialize(x)) as SlimResult;

test('a slimmed prepared file crosses smaller and reads as the worker prepared it', async () => {
  const full = prepareResult(await parseFile('samples/wulong/002_c2ec7535d22ea83c.txt'), { pack: packDocument, mentions: true });
  assert.ok(full.result.documents.length > 1 && full.prepared.every((p) => p.registers.units && p.packed && p.mentions));
  const sent = slimResult(full);
  for (const d of sent.slim.result.documents) assert.ok(!('text' in d) && !('body' in d) && !('originalText' in d));
  for (const p of sent.slim.prepared) assert.ok(!('units' in p.registers) && !('unitExcerpt' in p.registers));
  assert.ok(serialize(sent).length * 2 < serialize(full).length, 'less than half the bytes cross');
  const back = restoreResult(cross(sent));
  assert.deepEqual(back, full);
  // Same keys in the same order: whatever serialises a document writes the same JSON.
  assert.equal(JSON.stringify(back), JSON.stringify(full));
});

test('an unpacked or unprepared document crosses whole', async () => {
  const full = prepareResult(await parseFile('samples/wulong/001_ba09333892886338.txt'));
  const sent = slimResult(full);
  assert.deepEqual(sent.slim.result.documents, full.result.documents);
  assert.deepEqual(restoreResult(cross(sent)), full);
});
