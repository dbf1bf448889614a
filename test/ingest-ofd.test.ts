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
import { expandDeltas } from '../src/ingest/formats/ofd.js';
import { parseBuffer, parseText } from '../src/ingest/index.js';
import { documentBlocks, documentLines } from './helpers/sample-document.js';

const NS = 'http://www.ofdspec.org/2016';
const W = 210;
const H = 297;
const LEFT = 28;
const WIDTH = 156;
const TOP = 37;
const BOTTOM = 262;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Code {
  x: number;
  y: number;
  size: number;
  text: string;
  advance: number;
}

/** Lay the document's blocks out on A4 pages: lines of fixed advance, wrapped at the text width. */
function typeset(lines: readonly string[]): Code[][] {
  const pages: Code[][] = [[]];
  let y = TOP;
  const put = (text: string, size: number, opts: { indent?: number; centre?: boolean; advance?: number } = {}) => {
    const advance = opts.advance ?? size;
    const perLine = Math.floor((WIDTH - (opts.centre ? 0 : 0)) / advance);
    let rest = [...text];
    let first = true;
    while (rest.length) {
      const indent = first ? (opts.indent ?? 0) : 0;
      const n = perLine - indent;
      const chunk = rest.slice(0, n);
      rest = rest.slice(n);
      if (y + size > BOTTOM) {
        pages.push([]);
        y = TOP;
      }
      y += size;
      const width = (chunk.length - 1) * advance + size;
      const x = opts.centre ? LEFT + (WIDTH - width) / 2 : LEFT + indent * advance;
      pages[pages.length - 1]!.push({ x, y, size, text: chunk.join(''), advance });
      y += size * 0.78;
      first = false;
    }
  };
  for (const b of documentBlocks(lines)) {
    if (b.kind === 'masthead') put(b.text, 8, { centre: true, advance: 9.5 });
    else if (b.kind === 'docno') put(b.text, 5.6, { centre: true });
    else if (b.kind === 'title') put(b.text, 7.7, { centre: true });
    else if (b.kind === 'p') put(b.text, 5.6, { indent: 2, advance: WIDTH / 27 });
    else throw new Error('no tables in this test document');
  }
  return pages;
}

function page(codes: Code[], n: number): string {
  let id = 100 * (n + 1);
  const obj = (c: Code) =>
    `<ofd:TextObject ID="${id++}" Boundary="${c.x.toFixed(2)} ${(c.y - c.size).toFixed(2)} ${((c.text.length + 1) * c.advance).toFixed(2)} ${(c.size * 1.2).toFixed(2)}" Font="2" Size="${c.size}">` +
    `<ofd:TextCode X="0" Y="${c.size.toFixed(2)}" DeltaX="g ${[...c.text].length - 1} ${c.advance.toFixed(3)}">${esc(c.text)}</ofd:TextCode></ofd:TextObject>`;
  const num = `— ${n + 1} —`;
  const folio: Code = { x: W / 2 - (num.length * 4.9) / 2, y: 280, size: 4.9, text: num, advance: 4.9 };
  return `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="${NS}"><ofd:Content><ofd:Layer ID="${id++}">${codes.map(obj).join('')}${obj(folio)}</ofd:Layer></ofd:Content></ofd:Page>`;
}

async function toOfd(lines: readonly string[]): Promise<Buffer> {
  const pages = typeset(lines);
  const zip = new JSZip();
  zip.file(
    'OFD.xml',
    `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID><ofd:Creator>gongbao test</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  zip.file(
    'Doc_0/Document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${W} ${H}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pages.map((_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')}</ofd:Pages></ofd:Document>`,
  );
  zip.file('Doc_0/PublicRes.xml', `<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="仿宋" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>`);
  pages.forEach((codes, i) => zip.file(`Doc_0/Pages/Page_${i}/Content.xml`, page(codes, i)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

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

  it('an OFD missing its Document.xml is one clear line', async () => {
    const zip = await JSZip.loadAsync(await toOfd(lines));
    zip.remove('Doc_0/Document.xml');
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    await assert.rejects(parseBuffer(buf, 'bad.ofd'), (e: unknown) => e instanceof UserError && e.message === 'bad.ofd: not a readable OFD (Doc_0/Document.xml missing)');
  });
});
