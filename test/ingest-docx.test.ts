/** Word (.docx): a sample document written with the `docx` library reads back as the same document as its text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UserError } from '../src/domain/errors.js';
import type { OfficialDocument } from '../src/domain/types.js';
import { extract } from '../src/ingest/formats/index.js';
import { parseBuffer, parseText } from '../src/ingest/index.js';
import { toDocx } from './helpers/formats.js';
import { documentLines } from './helpers/sample-document.js';

const same = (d: OfficialDocument) => ({
  docNumber: d.docNumber,
  title: d.title,
  signedOn: d.signedOn,
  kind: d.kind,
  tables: d.tables.map((t) => [t.header, ...t.rows]),
  text: d.text.replace(/\s+/g, ''),
});

describe('Word .docx', () => {
  const lines = documentLines('004', '武隆府办发〔2021〕32号');
  const fromText = parseText(lines.join('\n'), { file: '32.txt', sha256: '', encoding: 'utf-8', bytes: 0 });

  it('a sample document with tables gives the same document as its text', async () => {
    const buf = await toDocx(lines);
    assert.equal((await extract(buf, '32.docx')).format, 'docx');
    const r = await parseBuffer(buf, '32.docx');
    assert.equal(r.source.encoding, 'docx');
    assert.equal(r.documents.length, 1);
    assert.equal(r.documents[0]!.tables.length, fromText.documents[0]!.tables.length);
    assert.ok(r.documents[0]!.tables[0]!.rows.length >= 8, 'table rows kept');
    assert.deepEqual(same(r.documents[0]!), same(fromText.documents[0]!));
  });

  it('sniffed by content, whatever the name; a broken one is one clear line', async () => {
    const buf = await toDocx(lines);
    assert.equal((await parseBuffer(buf, '32.txt')).documents[0]!.docNumber, '武隆府办发〔2021〕32号');
    const broken = Buffer.concat([buf.subarray(0, 200), Buffer.alloc(100)]);
    await assert.rejects(parseBuffer(broken, 'broken.docx'), (e: unknown) => e instanceof UserError && /^broken\.docx: /.test(e.message));
  });
});
