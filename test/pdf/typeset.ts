/**
 * Typeset a sample gazette the way a publisher does and print it with the real Chromium: A4,
 * 仿宋/宋体 bodies (Debian's fonts-cwtex-fs, fonts-arphic-uming, fonts-noto-cjk), a red
 * letter-spaced masthead with a vertical motto, a two-column 目录, running headers and ·N· page
 * numbers, each document from a new page, 下转/上接 jumps on page breaks, tables across pages.
 * The text printed is the sample's own, line for line; only the layout is the publisher's.
 *
 *   node --import tsx test/pdf/typeset.ts 002 [out.pdf]
 *
 * Tests call `typesetSample(id)`: the PDF lands in a temp directory, keyed by a hash of this
 * script and the sample, so a second run reuses it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { sample } from '../helpers/samples.js';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CACHE = join(tmpdir(), 'gongbao-typeset');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const MASTHEAD = /^\S{2,20}(人民政府|办公室|委员会)文件$/;
const DOC_NUMBER = /^[\u4e00-\u9fa5]{2,12}[〔［[（(]\d{4}[〕］\]）)]\d+号$/;
const INDEX_START = /^(文\s*件\s*索\s*引|文件检索)$/;
const JUMP_OUT = /[（(]下转第\d+页[）)]\s*$/;
const JUMP_IN = /^[（(]上接第\d+页[）)]/;

interface Regions {
  cover: string[];
  contents: string[];
  board: string[];
  body: string[];
}

/** Cover up to the first group heading, 目录 up to 编辑委员会, the board up to the first document. */
function regions(lines: string[]): Regions {
  const contentsAt = lines.findIndex((l) => MASTHEAD.test(l.trim()));
  const boardAt = lines.findIndex((l, i) => i > contentsAt && /^编辑委员会$/.test(l.trim()));
  const bodyAt = lines.findIndex((l, i) => i > boardAt && MASTHEAD.test(l.trim()));
  return {
    cover: lines.slice(0, contentsAt),
    contents: lines.slice(contentsAt, boardAt),
    board: lines.slice(boardAt, bodyAt),
    body: lines.slice(bodyAt),
  };
}

const nonBlank = (ls: string[]) => ls.map((l) => l.trim()).filter((l) => l !== '');

function cover(lines: string[], title: string): string {
  const ls = nonBlank(lines);
  const motto = ls.filter((l) => /^[\u4e00-\u9fa5]{4}$/.test(l) && l !== title);
  const rest = ls.filter((l) => l !== title && !motto.includes(l));
  return `<section class="cover">
  <div class="cover-title">${esc(title)}</div>
  <div class="motto">${motto.map((m) => `<span>${esc(m)}</span>`).join('')}</div>
  ${rest.map((l) => `<p>${esc(l)}</p>`).join('\n  ')}
</section>`;
}

/** 目录: group headings and entries (an entry may run over several sample lines; it ends in its page). */
function contents(lines: string[]): string {
  const out: string[] = [];
  let entry = '';
  const flush = () => {
    if (!entry) return;
    const m = /^(.*?)[.…·\s]*(\d{1,3})$/.exec(entry);
    out.push(m ? `<p class="entry">${esc(m[1]!)}<span class="leader">……</span>${m[2]}</p>` : `<p class="entry">${esc(entry)}</p>`);
    entry = '';
  };
  for (const raw of lines) {
    let l = raw.trim().replace(/^- /, '');
    if (l === '' || /^\|[\s|:-]*\|$/.test(l)) continue;
    const cells = /^\|(.*)\|$/.exec(l);
    if (cells) l = cells[1]!.split('|').map((c) => c.trim()).filter(Boolean).join('');
    if (MASTHEAD.test(l) || INDEX_START.test(l)) {
      flush();
      out.push(`<h3 class="group">${esc(l)}</h3>`);
      continue;
    }
    entry += l;
    // Ends in its page number (not 第2、3 inside a title cut at the line end).
    if (/[^\d、第]\d{1,3}$/.test(l)) flush();
  }
  flush();
  return `<section class="contents"><h2 class="contents-title">目　　录</h2><div class="cols">${out.join('\n')}</div></section>`;
}

function table(rows: string[][]): string {
  return `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
}

/** Body lines: mastheads open a page, 文号 and the title lines after it are centred, tables are tables. */
function body(lines: string[]): string {
  const out: string[] = [];
  let rows: string[][] = [];
  let inIndex = false;
  let titleNext = false;
  const flushTable = () => {
    if (rows.length) out.push(table(rows));
    rows = [];
  };
  for (const raw of lines) {
    const l = raw.trim();
    const md = /^\|(.*)\|$/.exec(l);
    if (md || raw.includes('\t')) {
      if (md && /^[\s|:-]*$/.test(md[1]!)) continue;
      rows.push(md ? md[1]!.split('|').map((c) => c.trim()) : raw.split('\t').map((c) => c.trim()));
      continue;
    }
    flushTable();
    if (l === '') {
      titleNext = false;
      continue;
    }
    const text = esc(l.replace(/^- /, ''));
    if (INDEX_START.test(l)) {
      inIndex = true;
      out.push(`<h2 class="index-title">${text}</h2>`);
    } else if (!inIndex && MASTHEAD.test(l)) {
      out.push(`<h1 class="masthead">${text}</h1>`);
    } else if (DOC_NUMBER.test(l)) {
      out.push(`<p class="docno">${text}</p>`);
      titleNext = true;
    } else if (titleNext) {
      out.push(`<h2 class="title">${text}</h2>`);
    } else if (JUMP_OUT.test(l)) {
      out.push(`<p class="jump-out">${text}</p>`);
    } else if (JUMP_IN.test(l)) {
      out.push(`<p class="jump-in">${text}</p>`);
    } else {
      out.push(`<p>${text}</p>`);
    }
  }
  flushTable();
  return out.join('\n');
}

const CSS = `
@page { size: A4; margin: 30mm 26mm 28mm 28mm; }
body { margin: 0; font-family: "cwTeXFangSong", "AR PL UMing CN", "Noto Sans CJK SC"; font-size: 15.5pt; line-height: 1.55; }
p { margin: 0 0 0.35em; text-indent: 2em; text-align: justify; }
.cover { page-break-after: always; text-align: center; }
.cover p { text-indent: 0; text-align: center; }
.cover-title { font-family: "Noto Sans CJK SC"; font-weight: bold; color: #c00; font-size: 24pt; letter-spacing: 0.3em; margin: 20mm 0 14mm; }
.motto { display: flex; justify-content: center; gap: 14mm; margin-bottom: 20mm; }
.motto span { writing-mode: vertical-rl; font-family: "AR PL UMing CN"; font-size: 18pt; letter-spacing: 0.3em; }
.contents { page-break-after: always; }
.contents-title { text-align: center; letter-spacing: 0.5em; font-family: "Noto Sans CJK SC"; }
.cols { column-count: 2; column-gap: 10mm; }
.group { font-family: "Noto Sans CJK SC"; font-size: 13pt; margin: 0.6em 0 0.3em; }
.entry { font-family: "AR PL UMing CN"; font-size: 11pt; text-indent: 0; margin-bottom: 0.5em; }
.board { page-break-after: always; font-size: 12pt; }
.board p { text-indent: 0; margin: 0; }
.masthead { page-break-before: always; font-family: "Noto Sans CJK SC"; color: #c00; font-size: 22pt; text-align: center; letter-spacing: 0.1em; white-space: nowrap; border-bottom: 2pt solid #c00; padding-bottom: 6mm; margin: 0 0 6mm; }
.docno { text-align: center; text-indent: 0; }
.title { font-family: "AR PL UMing CN"; font-size: 19pt; text-align: center; margin: 0.6em 2em; font-weight: normal; }
.index-title { page-break-before: always; text-align: center; }
.jump-out { page-break-after: always; }
.jump-in { page-break-before: always; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; margin: 0.4em 0; }
td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; }
tr { page-break-inside: avoid; }
`;

/** The sample's text as a gazette publisher would lay it out. */
export function gazetteHtml(text: string): { html: string; header: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const r = regions(lines);
  const title = nonBlank(r.cover)[0] ?? '';
  const issueNo = nonBlank(r.cover).find((l) => /^\d{4}年第\d+期$/.test(l)) ?? '';
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${CSS}</style></head><body>
${cover(r.cover, title)}
${contents(r.contents)}
<section class="board">${nonBlank(r.board).map((l) => `<p>${esc(l)}</p>`).join('\n')}</section>
${body(r.body)}
</body></html>`;
  return { html, header: `${title}　　${issueNo}` };
}

/** Print one sample to PDF with Chromium; `browser` may be shared between samples. */
export async function printPdf(text: string, out: string, browser?: Browser): Promise<void> {
  const own = browser ?? (await chromium.launch({ executablePath: CHROMIUM, args: ARGS }));
  try {
    const page = await own.newPage();
    const { html, header } = gazetteHtml(text);
    await page.setContent(html, { waitUntil: 'load' });
    const small = 'font-family: \'AR PL UMing CN\'; font-size: 9pt; width: 100%; text-align: center;';
    await page.pdf({
      path: out,
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small} border-bottom: 0.5pt solid #000; margin: 0 26mm 0 28mm; padding-bottom: 1mm;">${esc(header)}</div>`,
      footerTemplate: `<div style="${small}">·<span class="pageNumber"></span>·</div>`,
      margin: { top: '30mm', bottom: '28mm', left: '28mm', right: '26mm' },
      preferCSSPageSize: false,
    });
    await page.close();
  } finally {
    if (!browser) await own.close();
  }
}

const SCRIPT = fileURLToPath(import.meta.url);

/** The typeset PDF of sample `id` (cached in the temp directory by script + sample hash). */
export async function typesetSample(id: string, browser?: Browser): Promise<string> {
  const text = readFileSync(sample(id), 'utf8');
  const key = createHash('sha256').update(readFileSync(SCRIPT)).update(text).digest('hex').slice(0, 16);
  mkdirSync(CACHE, { recursive: true });
  const out = join(CACHE, `${id}-${key}.pdf`);
  if (existsSync(out)) return out;
  const tmp = `${out}.${process.pid}.tmp`;
  await printPdf(text, tmp, browser);
  renameSync(tmp, out);
  return out;
}

if (process.argv[1] === SCRIPT) {
  const [id, out] = process.argv.slice(2);
  if (!id) {
    console.error('usage: typeset.ts <sample id> [out.pdf]');
    process.exit(2);
  }
  const made = await typesetSample(id);
  if (out) writeFileSync(out, readFileSync(made));
  console.log(out ?? made);
}
