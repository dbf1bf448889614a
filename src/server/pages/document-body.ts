/** 正文 rendering: heading outline, paragraphs by level, tables where they stood, attachments. */
import type { DocumentDetailT } from '../api/schemas.js';
import { html, raw, type Html } from '../html.js';

type Block = DocumentDetailT['body'][number];
type Table = DocumentDetailT['tables'][number];

/** A numbered block that is only a heading (一、总体要求), not a paragraph that starts with one. */
function isHeadingOnly(b: Block): boolean {
  if (b.level < 1 || b.level > 4) return false;
  // （一）基本原则。 — the heading alone, closed by its full stop.
  if (b.heading && b.text.replace(/[。：:]$/, '') === (b.marker ?? '') + b.heading) return true;
  return b.text.length <= 40 && !/[。；;，,]$/.test(b.text);
}

/**
 * Blocks that appear in the outline: level 一、 and （一） headings, run-in or standalone, and
 * every numbered level-一 item, so the outline never skips one (一、二、三、十 when 四–九 are
 * sentences rather than headings).
 */
function inOutline(b: Block): boolean {
  if (b.level === 1 && b.marker) return true;
  return (b.level === 1 || b.level === 2) && (isHeadingOnly(b) || Boolean(b.heading));
}

/** A sentence-item is named by its first clause, cut short. */
const OUTLINE_CHARS = 24;

function outlineLabel(b: Block): string {
  if (b.heading) return `${b.marker ?? ''}${b.heading}`;
  if (isHeadingOnly(b)) return b.text;
  const clause = b.text.split(/[，。；：,;:]/)[0]!;
  return [...clause].length > OUTLINE_CHARS ? `${[...clause].slice(0, OUTLINE_CHARS).join('')}…` : clause;
}

function renderBlock(b: Block, i: number): Html {
  const id = `b${i}`;
  if (isHeadingOnly(b)) {
    // Only numbers go into raw(): the heading level and the block index.
    const h = Math.min(b.level + 2, 6);
    return html`${raw(`<h${h} id="${id}" class="l${b.level}">`)}${b.text}${raw(`</h${h}>`)}`;
  }
  const lead = b.heading && b.marker && b.text.startsWith(b.marker + b.heading) ? b.marker + b.heading : null;
  return html`<p id="${id}" class="l${b.level}">${lead ? html`<strong>${lead}</strong>${b.text.slice(lead.length)}` : b.text}</p>`;
}

/** Columns holding running text get a readable minimum width; the frame scrolls on a phone. */
const WIDE_CELL = 30;

function renderTable(t: Table, n: number): Html {
  const wide = (col: number) => t.rows.some((r) => (r[col]?.length ?? 0) > WIDE_CELL);
  const cls = (col: number) => (wide(col) ? html` class="wide"` : '');
  return html`<div class="table-wrap" role="region" aria-labelledby="t${n}" tabindex="0"><table>
<caption id="t${n}">${t.title ?? `表${n + 1}`}</caption>
${t.header.length ? html`<thead><tr>${t.header.map((c, i) => html`<th scope="col"${cls(i)}>${c}</th>`)}</tr></thead>` : ''}
<tbody>${t.rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

export function renderBody(d: DocumentDetailT): { outline: Html; body: Html } {
  const tablesAfter = new Map<number, Array<[Table, number]>>();
  d.tables.forEach((t, n) => {
    const at = t.afterBlock >= 0 && t.afterBlock < d.body.length ? t.afterBlock : d.body.length - 1;
    tablesAfter.set(at, [...(tablesAfter.get(at) ?? []), [t, n]]);
  });
  const parts: Html[] = [];
  const outline: Html[] = [];
  let section: number | undefined;
  d.body.forEach((b, i) => {
    if (b.attachment !== undefined && b.attachment !== section) {
      section = b.attachment;
      const att = d.attachments.find((a) => a.number === b.attachment);
      const label = `附件${b.attachment}${att ? ` ${att.title}` : ''}`;
      parts.push(html`<h2 id="att-${b.attachment}" class="attachment">${label}</h2>`);
      outline.push(html`<li class="o0"><a href="#att-${b.attachment}">${label}</a></li>`);
    }
    parts.push(renderBlock(b, i));
    if (inOutline(b)) outline.push(html`<li class="o${b.level}"><a href="#b${i}">${outlineLabel(b)}</a></li>`);
    for (const [t, n] of tablesAfter.get(i) ?? []) parts.push(renderTable(t, n));
  });
  if (d.body.length === 0) d.tables.forEach((t, n) => parts.push(renderTable(t, n)));
  return {
    outline: outline.length ? html`<nav class="outline" aria-labelledby="outline-h"><h2 id="outline-h">提纲</h2><ol>${outline}</ol></nav>` : html``,
    body: html`${parts}`,
  };
}
