/** Facts declared beside a file (`<file>.meta.json`) fill what the text does not print, and nothing else. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { UserError } from '../src/domain/errors.js';
import { documentYear } from '../src/domain/doc-year.js';
import { extractTargets } from '../src/extract/targets.js';
import { parseFile } from '../src/ingest/index.js';
import { sample } from './helpers/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-declared-'));
const copy = (id: string, name: string, sidecar?: string) => {
  const p = join(dir, name);
  copyFileSync(sample(id), p);
  if (sidecar !== undefined) writeFileSync(`${p}.meta.json`, sidecar);
  return p;
};

test('the bundled 001 report fragment gets its year from its sidecar, and its 2024 targets with it', async () => {
  const r = await parseFile(sample('001'));
  assert.equal(r.source.declared?.year, 2024);
  const [doc] = r.documents;
  assert.equal(doc!.declaredYear, 2024);
  assert.equal(documentYear(doc!), 2024);
  const targets = extractTargets(doc!);
  assert.ok(targets.length > 50, `${targets.length} targets`);
  assert.ok(targets.every((t) => t.year === 2024 && t.kind === 'promise'));
  assert.deepEqual(extractTargets(doc!), extractTargets(doc!, { reportYear: 2024 }));
});

test('without a sidecar 001 has no year, so no targets are read (never a guessed year)', async () => {
  const r = await parseFile(copy('001', 'bare.txt'));
  assert.equal(r.source.declared, undefined);
  assert.equal(documentYear(r.documents[0]!), null);
  assert.deepEqual(extractTargets(r.documents[0]!), []);
});

test('a declared year never overrides a printed one', async () => {
  const r = await parseFile(copy('002', 'issue.txt', '{"year": 1999}'));
  assert.equal(r.source.declared?.year, 1999);
  assert.ok(r.documents.length > 0);
  for (const d of r.documents) {
    assert.equal(d.declaredYear, undefined, d.title);
    assert.ok(documentYear(d)! >= 2023, d.title);
  }
});

test('the sidecar is part of the content hash: a corrected sidecar is a new edition', async () => {
  const a = await parseFile(copy('001', 'a.txt', '{"year": 2024}'));
  const b = await parseFile(copy('001', 'b.txt', '{"year": 2025}'));
  const bare = await parseFile(copy('001', 'c.txt'));
  assert.equal(new Set([a.source.sha256, b.source.sha256, bare.source.sha256]).size, 3);
});

test('a malformed sidecar is a one-line error naming it', async () => {
  for (const [name, text, why] of [
    ['bad-json.txt', '{year: 2024', /bad-json\.txt\.meta\.json: not valid JSON/],
    ['bad-year.txt', '{"year": "2024"}', /bad-year\.txt\.meta\.json: year: /],
    ['unknown.txt', '{"yaer": 2024}', /unknown\.txt\.meta\.json: .*allowed fields: year, note/],
  ] as const) {
    await assert.rejects(parseFile(copy('001', name, text)), (e: unknown) => e instanceof UserError && why.test(e.message) && !e.message.includes('\n'));
  }
});
