/**
 * Saved web pages: a 政府信息公开 page as a district site serves it (GB2312 declared in a <meta>,
 * navigation, breadcrumbs, share links, a footer) built from a sample document. The adapter keeps
 * the document and drops the chrome, and puts the metadata table first as `label：value` lines for
 * the reader to take as declared facts; the page gives one document, the same as its text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract } from '../src/ingest/formats/index.js';
import { declaredCharset, looksLikeHtml } from '../src/ingest/formats/html.js';
import { parseBuffer, parseText } from '../src/ingest/index.js';
import { gbkPage, META, webPage } from './helpers/formats.js';
import { documentLines } from './helpers/sample-document.js';

describe('saved web pages', () => {
  const lines = documentLines('002', '武隆府办发〔2024〕36号');
  const bytes = gbkPage(webPage(lines, META, 'gb2312'));

  it('a page is told by its content: doctype, <html>, XHTML with an XML declaration, a comment first', () => {
    for (const head of ['<!DOCTYPE html><html>', '<html lang="zh">', '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">', '<!-- saved from url=(0040)http://cqwl.gov.cn/ -->\n<html>']) {
      assert.ok(looksLikeHtml(Buffer.from(head)), head);
    }
    assert.ok(!looksLikeHtml(Buffer.from('重庆市武隆区人民政府公报\n<html> in a text')));
  });

  it('the charset comes from the page (<meta http-equiv … charset=gb2312>)', () => {
    assert.equal(declaredCharset(bytes), 'gb18030');
    assert.equal(declaredCharset(Buffer.from('<meta charset="utf-8">')), 'utf-8');
  });

  it('the metadata table comes first as label：value lines; the chrome is gone', async () => {
    const got = await extract(bytes, '36.html');
    assert.equal(got.format, 'html');
    assert.equal(got.encoding, 'html/gb18030');
    const head = got.text.split('\n').slice(0, 8);
    assert.deepEqual(head, Object.entries(META).map(([k, v]) => `${k}：${v}`.trimEnd()));
    for (const chrome of ['首页', '无障碍浏览', '当前位置', '分享到', '版权所有', '渝ICP备', '相关文件', '统计代码', '字号']) {
      assert.ok(!got.text.includes(chrome), `chrome left in: ${chrome}`);
    }
    assert.match(got.text, /^武隆府办发〔2024〕36号$/m);
    assert.match(got.text, /具体到点。$/m);
  });

  it('the same facts laid out as a list (<li><b>文号：</b>…) read the same', async () => {
    const got = await extract(Buffer.from(webPage(lines, META, 'utf-8', 'list')), '36-list.html');
    const filled = Object.entries(META).filter(([, v]) => v !== '');
    assert.deepEqual(got.text.split('\n').slice(0, filled.length), filled.map(([k, v]) => `${k}：${v}`));
    assert.equal(got.text.match(/索引号/g)?.length, 1, 'the block is not repeated in the text');
  });

  it('the page gives one document, the same as its text', async () => {
    const r = await parseBuffer(bytes, '36.html');
    const fromText = parseText(lines.join('\n'), { file: '36.txt', sha256: '', encoding: 'utf-8', bytes: 0 });
    assert.equal(r.documents.length, 1);
    const d = r.documents[0]!;
    const t = fromText.documents[0]!;
    assert.deepEqual([d.docNumber, d.title, d.signedOn, d.kind], [t.docNumber, t.title, t.signedOn, t.kind]);
    const flat = (x: typeof d) => x.body.map((b) => b.text).join('').replace(/\s/g, '');
    assert.equal(flat(d), flat(t));
  });
});
