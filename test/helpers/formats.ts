/**
 * A sample document written in the other formats an office holds, for the adapter tests: a Word
 * file (the `docx` library), an OFD package typeset to GB/T 9704 (GB/T 33190-2016 structure), and
 * a district site's 政府信息公开 page with its chrome and metadata table.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { documentBlocks } from './sample-document.js';

export async function toDocx(lines: readonly string[]): Promise<Buffer> {
  const children = documentBlocks(lines).map((b) => {
    switch (b.kind) {
      case 'masthead':
        return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.text, color: 'C00000', bold: true, size: 44 })] });
      case 'docno':
        return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(b.text)] });
      case 'title':
        return new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun(b.text)] });
      case 'p':
        return new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: b.text, font: 'FangSong' })] });
      case 'table':
        return new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
        });
    }
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const NS = 'http://www.ofdspec.org/2016';
const W = 210;
const H = 297;
const LEFT = 28;
const WIDTH = 156;
const TOP = 37;
const BOTTOM = 262;

interface Code {
  x: number;
  y: number;
  size: number;
  text: string;
  advance: number;
}

/** Lay the document's blocks out on A4 pages: lines of fixed advance, wrapped at the text width. */
export function typeset(lines: readonly string[]): Code[][] {
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

export async function toOfd(lines: readonly string[]): Promise<Buffer> {
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


/** The page: chrome around a content div; the masthead is not on the web, the 文号 and title are. */
/** `list`: the metadata as <li><b>label：</b>value</li> items instead of a table. */
export function webPage(lines: readonly string[], meta: Record<string, string>, charset: string, layout: 'table' | 'list' = 'table'): string {
  const blocks = documentBlocks(lines).filter((b) => b.kind !== 'masthead');
  const title = blocks.find((b) => b.kind === 'title');
  const rows = Object.entries(meta);
  const table = [];
  for (let i = 0; i < rows.length; i += 2) {
    table.push(`<tr>${rows.slice(i, i + 2).map(([k, v]) => `<td class="t1">${k}：</td><td class="t2">${esc(v)}</td>`).join('')}</tr>`);
  }
  const body = blocks
    .map((b) => (b.kind === 'table' ? `<table border="1">${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>` : b.kind === 'docno' ? `<p style="text-align:center">${esc(b.text)}</p>` : b.kind === 'title' ? `<p style="text-align:center"><strong>${esc(b.text)}</strong></p>` : `<p style="text-indent:2em">${esc(b.text)}</p>`))
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${title && 'text' in title ? esc(title.text) : ''}_重庆市武隆区人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script><style>.nav li{float:left}</style></head>
<body>
<div class="top-bar">无障碍浏览 | 长者模式 | 登录 | 注册</div>
<div class="header"><img src="logo.png" alt="重庆市武隆区人民政府"><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjwl/">走进武隆</a></li></ul></div></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; 政策文件</div>
<div class="zwgk-box">
  ${layout === 'table' ? `<table class="xxgk-table">${table.join('\n')}</table>` : `<ul class="xxgk-info">${rows.map(([k, v]) => `<li><b>${k}：</b>${esc(v)}</li>`).join('')}</ul>`}
  <div class="article">
    <h1 class="article-title">${title && 'text' in title ? esc(title.text) : ''}</h1>
    <div class="article-info">来源：重庆市武隆区人民政府办公室 发布时间：${esc(meta['发布日期'] ?? '')} 字号：大 中 小 打印本页</div>
    <div class="view TRS_UEDITOR">
${body}
    </div>
    <div class="share">分享到：微信 微博 QQ空间</div>
  </div>
  <div class="related"><h3>相关文件</h3><ul><li><a href="/a">重庆市武隆区人民政府办公室关于印发某方案的通知</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：重庆市武隆区人民政府办公室 版权所有</p><p>网站标识码：5000000000 渝ICP备00000000号 渝公网安备 50023202000000号</p></div>
</body></html>`;
}

export const META = {
  索引号: '11500232009285432L/2024-00036',
  主题分类: '生态环境',
  发布机构: '武隆区政府办公室',
  成文日期: '2024-07-24',
  文号: '武隆府办发〔2024〕36号',
  发布日期: '2024-07-26',
  有效性: '有效',
  废止日期: '',
};


/** The page in GBK as a GB2312 site serves it; characters GBK lacks (m³) as character references. */
export function gbkPage(html: string): Buffer {
  const gbk = html.replace(/[^\x00-\x7f]/gu, (c) => (iconv.decode(iconv.encode(c, 'gbk'), 'gbk') === c ? c : `&#${c.codePointAt(0)};`));
  return iconv.encode(gbk, 'gbk');
}
