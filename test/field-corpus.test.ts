/**
 * The reader on the field corpus (test/field): real documents from many governments, scored
 * against hand-checked truth. Holds the reader to the goals of issue 8 so a change that breaks
 * another government's documents fails here, not in a user's hands.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { UserError } from '../src/domain/errors.js';
import { parseFile } from '../src/ingest/index.js';
import { scorePage, type Field, type Outcome, type Truth } from './field/scoring.js';

const DIR = new URL('./field/docs', import.meta.url).pathname;

test('field corpus: split, 文号, titles, dates, repeals at or above the goals; nothing official refused', async () => {
  const totals: Record<string, [number, number]> = {};
  let found = 0;
  let declared = 0;
  let falseRepeals = 0;
  let rejected = 0;
  let documents = 0;
  const issuers = new Set<string>();
  for (const f of readdirSync(DIR).filter((x) => x.endsWith('.txt'))) {
    const truth = JSON.parse(readFileSync(join(DIR, f.replace(/\.txt$/, '.truth.json')), 'utf8')) as Truth;
    documents += truth.documents.length;
    for (const d of truth.documents) for (const i of d.issuers) issuers.add(i);
    let outcome: Outcome;
    try {
      outcome = { documents: (await parseFile(join(DIR, f))).documents };
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      outcome = { rejected: err.message };
    }
    const s = scorePage(f, truth, outcome);
    for (const [k, [r, n]] of Object.entries(s.counts) as Array<[Field, [number, number]]>) {
      const t = (totals[k] ??= [0, 0]);
      t[0] += r;
      t[1] += n;
    }
    found += s.repealsFound;
    declared += s.repealsDeclared;
    falseRepeals += s.falseRepeals;
    if (s.rejected) rejected++;
  }
  const rate = (k: Field) => totals[k]![0] / totals[k]![1];
  assert.ok(documents >= 80 && issuers.size >= 25, `${documents} documents from ${issuers.size} issuers`);
  assert.ok(rate('split') >= 0.95, `split ${rate('split')}`);
  assert.ok(rate('docNumber') >= 0.95, `文号 ${rate('docNumber')}`);
  assert.ok(rate('titleExact') >= 0.9, `title exact ${rate('titleExact')}`);
  assert.ok(rate('titleNear') >= 0.97, `title near ${rate('titleNear')}`);
  assert.ok(rate('writtenDate') >= 0.95, `成文日期 ${rate('writtenDate')}`);
  assert.equal(found, declared, 'every declared repeal found');
  assert.equal(falseRepeals, 0, 'no false repeal');
  assert.equal(rejected, 0, 'no official page refused');
});
