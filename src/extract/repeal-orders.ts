/**
 * 规章 carry no 文号: a decision repealing them names each by the 令 that promulgated it —
 * 《常州市城市市容管理办法》（2016年12月1日常州市人民政府令第2号发布）, 山东省信访规定（省政府令第114号）.
 * The items follow the decision's own sentence (决定对以下2件市政府规章予以废止：); a short
 * 令 issuer (省政府令, 市政府令) is the repealing government's own.
 */
import { formatDocNumber, formatOrderNumber, parseDocNumber, parseOrderNumber, resolveOrderIssuer } from '../domain/doc-number.js';
import type { BodyBlock } from '../domain/types.js';
import type { ListedTarget } from './repeal-lists.js';
import { compactBlock } from './text.js';

/** The sentence that opens a list of repealed texts. */
const OPENS = /决定(?:对)?(?:以下|下列).{0,24}(?:予以)?废止|决定废止(?:以下|下列)|(?:以下|下列).{0,16}(?:予以|决定)废止[:：]/;
const ITEM = /^(?:[一二三四五六七八九十]+、|\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]+[）)])\s*/;
const ORDER = /(?:\d{4}年\d{1,2}月\d{1,2}日)?([\u4e00-\u9fa5]{0,24}?(?:令|公告)(?:[〔\[［]\d{4}[〕\]］])?第[\d一二三四五六七八九十百]+号)(?:发布|公布)?/;
const DOC_NUMBER = /[\u4e00-\u9fa5]{2,12}[〔\[［(（](?:19|20)\d\d[〕\]］)）]第?\d{1,5}号/;

/** One listed item → its target: the 令 number (resolved) or the 文号, and the title. */
function itemTarget(item: string, issuer: string | null): { docNumber: string | null; title: string | null } | null {
  const body = item.replace(ITEM, '');
  const quoted = /《([^《》]{2,80})》/.exec(body);
  const paren = /[（(]([^（）()]{4,60})[）)]/.exec(body);
  let docNumber: string | null = null;
  if (paren) {
    const o = ORDER.exec(paren[1]!);
    const order = o ? parseOrderNumber(o[1]!) : null;
    if (order) docNumber = formatOrderNumber(resolveOrderIssuer(order, issuer));
    else {
      const d = DOC_NUMBER.exec(paren[1]!);
      const n = d ? parseDocNumber(d[0]) : null;
      if (n) docNumber = formatDocNumber(n);
    }
  }
  const title = quoted ? quoted[1]! : paren && paren.index > 2 ? body.slice(0, paren.index).replace(/[。；;，,]$/, '') : null;
  return docNumber || title ? { docNumber, title } : null;
}

/** Items of a list that lost its line breaks: split before each 一、 / 1. / （一）. */
function items(text: string): string[] {
  return text.split(/(?=(?:^|[。；;）)])\s*(?:[一二三四五六七八九十]+、|\d{1,3}[.．、](?!\d)|[（(][一二三四五六七八九十]+[）)]))/)
    .map((s) => s.replace(/^[。；;]\s*/, '').trim()).filter((s) => s !== '');
}

export function orderTargets(body: readonly BodyBlock[], issuer: string | null, isDecision: boolean): ListedTarget[] {
  const out: ListedTarget[] = [];
  let open = false;
  body.forEach((b, i) => {
    let text = compactBlock(b);
    if (!open) {
      const m = OPENS.exec(text);
      if (!m) return;
      open = true;
      text = text.slice(m.index + m[0].length).replace(/^[^：:]*[：:]/, '');
    }
    for (const item of items(text)) {
      if (/^本决定/.test(item)) {
        open = false;
        return;
      }
      if (!ITEM.test(item) && !isDecision) continue;
      const t = itemTarget(item, issuer);
      if (t && (t.docNumber || /(规定|办法|细则|条例|决定|通知|意见|规则)$/.test(t.title ?? ''))) {
        out.push({ target: t, reason: null, quote: item, block: i, source: 'list', notedRepealed: [] });
      }
    }
  });
  return out;
}
