/**
 * OFD (GB/T 33190-2016): a sample document typeset into an OFD package in the test — OFD.xml →
 * Doc_0/Document.xml → Pages/Page_N/Content.xml with TextObject/TextCode runs at their positions
 * (mm, y down), 仿宋 三号 set solid as GB/T 9704 prints, page numbers — reads back as the same
 * document as its text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { UserError } from '../src/domain/errors.js';
import type { OfficialDocument } from '../src/domain/types.js';
import { extract } from '../src/ingest/formats/index.js';
import { expandDeltas } from '../src/ingest/formats/ofd.js';
import { parseBuffer, parseText } from '../src/ingest/index.js';
import { toOfd, typeset } from './helpers/formats.js';
import { documentLines } from './helpers/sample-document.js';

const same = (d: OfficialDocument) => ({ docNumber: d.docNumber, title: d.title, signedOn: d.signedOn, kind: d.kind, text: d.text.replace(/\s+/g, '') });

describe('OFD (GB/T 33190-2016)', () => {
  const lines = documentLines('002', '武隆府办发〔2024〕36号');
  const fromText = parseText(lines.join('\n'), { file: '36.txt', sha256: '', encoding: 'utf-8', bytes: 0 });

  it('DeltaX with the g shorthand expands', () => {
    assert.deepEqual(expandDeltas('g 3 5.6 2 g 2 1'), [5.6, 5.6, 5.6, 2, 1, 1]);
  });

  it('a sample document typeset into an OFD gives the same document as its text', async () => {
    const buf = await toOfd(lines);
    const r = await parseBuffer(buf, '36.ofd');
    assert.equal(r.source.encoding, 'ofd');
    assert.ok(typeset(lines).length >= 2, 'the document runs over pages');
    assert.equal(r.documents.length, 1);
    assert.deepEqual(same(r.documents[0]!), same(fromText.documents[0]!));
    assert.ok(r.discarded.some((a) => a.kind === 'page-number' && a.text === '— 2 —'), 'page numbers taken out by position');
  });

  it('a vertical TextCode (DeltaY) reads top to bottom', async () => {
    const zip = await JSZip.loadAsync(await toOfd(lines));
    const path = 'Doc_0/Pages/Page_0/Content.xml';
    const motto = '<ofd:TextObject ID="9001" Boundary="199 60 8 40" Font="2" Size="6"><ofd:TextCode X="0" Y="6" DeltaY="g 3 7">此件公开</ofd:TextCode></ofd:TextObject>';
    zip.file(path, (await zip.file(path)!.async('string')).replace('</ofd:Layer>', `${motto}</ofd:Layer>`));
    const { text } = await extract(await zip.generateAsync({ type: 'nodebuffer' }), 'v.ofd');
    assert.match(text, /^此件公开$/m);
  });

  it('an OFD missing its Document.xml is one clear line', async () => {
    const zip = await JSZip.loadAsync(await toOfd(lines));
    zip.remove('Doc_0/Document.xml');
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    await assert.rejects(parseBuffer(buf, 'bad.ofd'), (e: unknown) => e instanceof UserError && e.message === 'bad.ofd: not a readable OFD (Doc_0/Document.xml missing)');
  });
});
