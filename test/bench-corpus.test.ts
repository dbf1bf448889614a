/** The scale corpus generator: deterministic, and every generated document is read back by the reader. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateCorpus } from '../bench/corpus.js';
import { findRepeals } from '../src/extract/repeals.js';
import { parseText } from '../src/ingest/index.js';

const parse = (file: string, text: string) => parseText(text, { file, sha256: '', encoding: 'utf-8', bytes: Buffer.byteLength(text) });

test('generated issues parse into exactly the generated documents, with distinct 文号', () => {
  const issues = [...generateCorpus(400, 7)];
  assert.equal(issues.reduce((n, i) => n + i.documents, 0), 400);
  const ids = new Set<string>();
  let repeals = 0;
  for (const i of issues) {
    const r = parse(i.file, i.text);
    assert.equal(r.documents.length, i.documents, i.file);
    assert.ok(r.issue?.year && r.issue.number, `${i.file}: issue year and number read`);
    for (const d of r.documents) {
      assert.ok(d.docNumber, `${i.file}: ${d.title} has its 文号`);
      ids.add(d.id);
      if (d.title.includes('关于废止《')) repeals += findRepeals(d).length;
    }
  }
  assert.equal(ids.size, 400);
  assert.ok(repeals > 0, 'some repeal decisions name earlier documents');
  // Many governments and years, not one district repeated.
  assert.ok(new Set(issues.map((i) => i.file.split('/')[0])).size >= 20);
});

test('the same seed gives the same corpus; another seed another', () => {
  const a = [...generateCorpus(60, 3)].map((i) => i.text).join('');
  assert.equal([...generateCorpus(60, 3)].map((i) => i.text).join(''), a);
  assert.notEqual([...generateCorpus(60, 4)].map((i) => i.text).join(''), a);
});
