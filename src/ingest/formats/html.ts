/**
 * Saved web pages (.html, any charset — GB2312/GBK pages declare it in a <meta>) → text: the
 * page's main content without navigation chrome, one line per paragraph, tables as tab-separated
 * rows. A 政府信息公开 page's metadata table (索引号, 主题分类, 发布机构, 成文日期, 文号, 发布日期,
 * 有效性, 废止日期) is emitted first as `label：value` lines: the reader takes them as declared
 * facts, beside what the text prints.
 */
// cheerio is imported where a page is read: its entry loads undici (fetch), 100 files every command and worker would pay for.
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { UserError } from '../../domain/errors.js';
import type { Extracted } from './types.js';

export function looksLikeHtml(buf: Uint8Array): boolean {
  // After a BOM, an XML declaration (XHTML) and comments, the page opens with its doctype or an HTML element.
  const head = Buffer.from(buf.subarray(0, 2048)).toString('latin1').replace(/^\xEF\xBB\xBF/, '').replace(/^\s*<\?xml[^>]*\?>/i, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^(<!--[\s\S]*?-->\s*)*<(html|head|body|meta)[\s>]/.test(head);
}

/** The charset a page declares (BOM, <meta charset>, <meta http-equiv content="…charset=…">), else UTF-8. */
export function declaredCharset(buf: Uint8Array): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  const head = Buffer.from(buf.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase() ?? 'utf-8';
  // GB2312 pages are in practice GBK or GB18030: decode with the superset.
  return /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(label) ? 'gb18030' : label;
}

/** The 政府信息公开 metadata labels, in the order they are emitted. */
export const METADATA_LABELS = ['索引号', '主题分类', '发布机构', '成文日期', '文号', '发布日期', '有效性', '废止日期'] as const;
const LABEL = new RegExp(`^(${METADATA_LABELS.join('|')}|发文字号|发文机关|生效日期|公开日期|主题词|信息来源)\\s*[:：]?\\s*$`);
const LABEL_INLINE = new RegExp(`^(${METADATA_LABELS.join('|')}|发文字号|发文机关)\\s*[:：]\\s*(.+)$`);
/** Other sites' words for the same facts. */
const CANONICAL: Record<string, string> = { 发文字号: '文号', 发文机关: '发布机构', 公开日期: '发布日期' };

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

const isLabel = (s: string) => LABEL.exec(s.replace(/\s/g, ''));

/** label → value pairs of the metadata table: cells alternate label, value (any number per row). */
function metadataTable($: CheerioAPI): { pairs: Array<[string, string]>; table: Cheerio<Element> | null } {
  for (const t of $('table').toArray()) {
    const cells = $(t).find('td, th').toArray().map((c) => squash($(c).text()));
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < cells.length; i++) {
      const label = cells[i]!.replace(/\s/g, '');
      const lm = LABEL.exec(label);
      if (lm && i + 1 < cells.length && !LABEL.test(cells[i + 1]!.replace(/\s/g, ''))) {
        pairs.push([CANONICAL[lm[1]!] ?? lm[1]!, cells[i + 1]!]);
        i++;
        continue;
      }
      const im = LABEL_INLINE.exec(cells[i]!);
      if (im) pairs.push([CANONICAL[im[1]!] ?? im[1]!, squash(im[2]!)]);
    }
    if (enough(pairs)) return { pairs, table: $(t) };
  }
  return { pairs: [], table: null };
}

const enough = (pairs: ReadonlyArray<[string, string]>) => pairs.filter(([l]) => (METADATA_LABELS as readonly string[]).includes(l)).length >= 3;

/**
 * The same facts laid out without a table: `<li>索引号：…</li>`, `<dt>索引号</dt><dd>…</dd>`,
 * `<span class="label">文号：</span><span>…</span>` — elements with no block inside.
 */
function metadataElements($: CheerioAPI): { pairs: Array<[string, string]>; table: Cheerio<Element> | null } {
  const pairs: Array<[string, string]> = [];
  const used: Element[] = [];
  for (const el of $('li, p, dt, dd, span, div, em, b, strong, label').toArray()) {
    const e = $(el);
    if (e.find('li, p, div, table, dt, dd').length > 0 || used.some((u) => $(u).find(el).length > 0)) continue;
    const text = squash(e.text());
    const inline = LABEL_INLINE.exec(text);
    const label = isLabel(text);
    if (inline && !isLabel(squash(inline[2]!))) {
      pairs.push([CANONICAL[inline[1]!] ?? inline[1]!, squash(inline[2]!)]);
      used.push(el);
    } else if (label) {
      const next = e.next();
      const value = next.length ? squash(next.text()) : '';
      if (next.length && !isLabel(value)) {
        pairs.push([CANONICAL[label[1]!] ?? label[1]!, value]);
        used.push(el, next[0]!);
      }
    }
  }
  if (!enough(pairs)) return { pairs: [], table: null };
  // The block to drop from the content: the nearest element holding every pair.
  let box = $(used[0]!).parent();
  while (box.length && !used.every((u) => box.find(u).length > 0)) box = box.parent();
  return { pairs, table: box.length ? (box as Cheerio<Element>) : null };
}

function metadata($: CheerioAPI): { pairs: Array<[string, string]>; table: Cheerio<Element> | null } {
  const t = metadataTable($);
  return t.pairs.length ? t : metadataElements($);
}

const CHROME = 'script, style, noscript, template, iframe, nav, header, footer, aside, form, button, select, input, svg, [role=navigation], [aria-hidden=true]';
const CHROME_NAME = /(^|[-_ ])(nav|navbar|menu|header|footer|breadcrumb|crumb|share|sidebar|bread|search|login|toolbar|copyright|related|top|bottom|foot)([-_ ]|$)/i;

/** The element holding the document: the one with the most CJK text in paragraphs, chrome removed. */
function mainContent($: CheerioAPI): Cheerio<AnyNode> {
  $(CHROME).remove();
  $('[class], [id]').each((_, el) => {
    const e = $(el);
    const name = `${e.attr('class') ?? ''} ${e.attr('id') ?? ''}`;
    if (CHROME_NAME.test(name) && cjk(e.text()) < 200) e.remove();
  });
  const candidates = $('article, main, div, section, td').toArray();
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of candidates) {
    // Paragraph text held directly (in <p>, headings, tables, or bare text between <br>s) counts.
    const own = $(el).children('p, h1, h2, h3, h4, h5, h6, table, div, span, font, center, br').length;
    const bare = $(el).contents().toArray().filter((n) => n.type === 'text').map((n) => (n as unknown as { data: string }).data).join('');
    const score = cjk($(el).children('p, h1, h2, h3, h4, h5, h6, table, center, font').text()) + cjk(bare) + own;
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best ? $(best) : $('body');
}

const WIDE = /[\u3000-\u9fff\uff00-\uffef]/;
const cjk = (s: string) => (s.match(/[\u3400-\u9fff]/g) ?? []).length;

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'main', 'center', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'tr', 'tbody', 'thead', 'body']);

/**
 * Block elements → lines: each paragraph or heading one line, blank lines between, tables as
 * tab-separated rows (one row a line, line breaks inside a cell become spaces).
 */
export function blocksToLines($: CheerioAPI, root: Cheerio<AnyNode>): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    const t = inline.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) out.push(t, '');
    inline = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      // A source line break inside Chinese text is no space; between Latin words it is one.
      inline += node.data.replace(/(\S?)[ \t]*\n\s*(\S?)/g, (_m, a: string, b: string) => (WIDE.test(a) || WIDE.test(b) ? a + b : `${a} ${b}`));
      return;
    }
    if (node.type !== 'tag') return;
    const tag = node.tagName.toLowerCase();
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'table') {
      flush();
      for (const tr of $(node).find('tr').toArray()) {
        if ($(tr).closest('table')[0] !== node) continue;
        const cells = $(tr).children('td, th').toArray().map((c) => squash($(c).text()));
        if (cells.some((c) => c !== '')) out.push(cells.join('\t'));
      }
      out.push('');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const c of node.children) walk(c);
    if (block) flush();
  };
  for (const n of root.toArray()) walk(n);
  flush();
  while (out[out.length - 1] === '') out.pop();
  return out;
}

export async function htmlToText(buf: Uint8Array, name: string): Promise<Extracted> {
  const charset = declaredCharset(buf);
  let html: string;
  try {
    html = new TextDecoder(charset).decode(buf);
  } catch {
    throw new UserError(`${name}: web page in an unknown charset (${charset})`);
  }
  const { load } = await import('cheerio');
  const $ = load(html);
  const { pairs, table } = metadata($);
  table?.remove();
  const title = squash($('title').first().text());
  const lines = blocksToLines($, mainContent($));
  if (lines.join('').trim() === '') throw new UserError(`${name}: web page with no text${title ? ` (${title})` : ''}`);
  const head = pairs.map(([l, v]) => `${l}：${v}`);
  const text = [...head, ...(head.length ? [''] : []), ...lines].join('\n');
  return { format: 'html', encoding: `html/${charset}`, text, furniture: [] };
}
