/**
 * isInterpretationFile (what a parse worker asks of every file) answers as interpretationIn does,
 * from the file's head: on the samples, on the 解读 fixture, and where the first line is far in or
 * straddles the head's end.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { interpretationIn, isInterpretationFile } from '../src/status/interpretation-ingest.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/fixtures/editorial/house-interpretation.txt');

test('the samples are gazettes and the fixture a 解读, as interpretationIn says', () => {
  const samples = readdirSync(join(ROOT, 'samples/wulong')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'samples/wulong', f));
  assert.ok(samples.length >= 5);
  for (const f of [...samples, FIXTURE]) assert.equal(isInterpretationFile(f), interpretationIn(f) !== null, f);
  assert.equal(isInterpretationFile(FIXTURE), true);
  assert.equal(isInterpretationFile(samples[0]!), false);
});

test('a first line beyond the head, or cut by its end, is read whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-interp-'));
  try {
    const text = readFileSync(FIXTURE, 'utf8');
    const title = text.trimStart().split('\n')[0]!;
    const cases = {
      'blank.txt': `${'\n'.repeat(5000)}${text}`,
      'straddle.txt': `${' '.repeat(4090)}${text}`,
      'cut.txt': `${'\n'.repeat(4090)}${title}\n正文`,
      'gazette-cut.txt': `${'\n'.repeat(4090)}武隆区人民政府公报\n正文`,
    };
    for (const [name, body] of Object.entries(cases)) {
      const f = join(dir, name);
      writeFileSync(f, body);
      assert.equal(isInterpretationFile(f), interpretationIn(f) !== null, name);
    }
    assert.equal(isInterpretationFile(join(dir, 'blank.txt')), true);
    assert.equal(isInterpretationFile(join(dir, 'cut.txt')), true);
    assert.equal(isInterpretationFile(join(dir, 'missing.txt')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
