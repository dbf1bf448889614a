/**
 * A saved 政府信息公开 page end to end: the format adapter puts the metadata table first as
 * `label：value` lines, and the one reader takes them as declared facts beside what the text
 * prints. A disagreement is a warning; the printed fact stands.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBuffer } from '../src/ingest/index.js';
import { gbkPage, META, webPage } from './helpers/formats.js';
import { documentLines } from './helpers/sample-document.js';

describe('a saved page with a metadata table', () => {
  const lines = documentLines('002', '武隆府办发〔2024〕36号');

  it('gives one document, and the table facts as declared facts of the source', async () => {
    const r = await parseBuffer(gbkPage(webPage(lines, META, 'gb2312')), '36.html');
    assert.equal(r.documents.length, 1);
    assert.equal(r.documents[0]!.docNumber, '武隆府办发〔2024〕36号');
    const d = r.source.declared;
    assert.equal(d?.docNumber, '武隆府办发〔2024〕36号');
    assert.equal(d?.writtenDate, '2024-07-24');
    assert.equal(d?.publishedDate, '2024-07-26');
    assert.equal(d?.validity, '有效');
    assert.equal(d?.indexNumber, '11500232009285432L/2024-00036');
    assert.ok(!r.documents[0]!.warnings.some((w) => w.code === 'declared-disagrees'));
  });

  it('a table that disagrees with the text is a warning, never a silent override', async () => {
    const r = await parseBuffer(Buffer.from(webPage(lines, { ...META, 文号: '武隆府办发〔2024〕37号', 成文日期: '2024-07-25' }, 'utf-8')), '37.html');
    assert.equal(r.documents.length, 1);
    const doc = r.documents[0]!;
    assert.equal(doc.docNumber, '武隆府办发〔2024〕36号');
    assert.equal(doc.signedOn, '2024-07-24');
    const said = doc.warnings.filter((w) => w.code === 'declared-disagrees').map((w) => w.message);
    assert.equal(said.length, 2, said.join(' / '));
    assert.match(said[0]!, /37号.*36号/);
    assert.match(said[1]!, /2024-07-25.*2024-07-24/);
  });
});
