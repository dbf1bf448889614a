/**
 * Repeal and amendment events of one document: the targets of a 关于废止…的决定 (table or list),
 * repeal/amend clauses in any document, a revised edition (修订稿) replacing its predecessor, and
 * documents stated to be already repealed (上位文件…已废止).
 */
import { ANY_VERB, findClauseHits } from './repeal-clauses.js';
import { listTargets, tableTargets } from './repeal-lists.js';
import { orderTargets } from './repeal-orders.js';
import { targetKey, type RepealEvent, type RepealSource } from './repeal-types.js';
import { blockSentences, compact, findRefs, quoteOf } from './text.js';
import { findValidity, type ValidityClause } from './validity.js';

export type { RepealEvent, RepealKind, RepealSource, RepealTarget } from './repeal-types.js';
export { targetKey } from './repeal-types.js';

export function isRepealDecision(title: string): boolean {
  return /关于(?:废止|宣布废止|宣布失效).*的决定/.test(compact(title));
}

/** A revised edition: its title says 修订稿 / 修订版 / （修订）. */
export function isRevisedEdition(title: string): boolean {
  return /修订稿|修订版|[（(]修订[）)]|修订本/.test(compact(title));
}

/** The date the document's acts take effect: its stated date, else its 成文日期. */
export function actDate(doc: RepealSource): string | null {
  return findValidity(doc)?.effectiveFrom ?? doc.signedOn;
}

/** `validity`: the document's validity clause when already found (the date is taken from it). */
export function findRepeals(doc: RepealSource, validity?: ValidityClause | null): RepealEvent[] {
  const date = validity === undefined ? actDate(doc) : (validity?.effectiveFrom ?? doc.signedOn);
  const base = { repealingId: doc.id, repealingDocNumber: doc.docNumber, date };
  const events: RepealEvent[] = [];
  const seen = new Set<string>();
  const self = doc.docNumber ? `ref:${doc.docNumber}` : null;
  const push = (e: RepealEvent) => {
    const key = `${e.kind === 'noted-repealed' ? 'noted' : 'act'}|${targetKey(e.target)}`;
    if (seen.has(key) || key.endsWith(`|${self}`)) return;
    seen.add(key);
    events.push(e);
  };

  // Lists and tables first: they carry the reason, so they win over the decision's summary sentence.
  const decision = isRepealDecision(doc.title);
  const listed = decision ? [...tableTargets(doc.tables), ...listTargets(doc.body)] : [];
  // 规章 named by their 令 numbers after 决定对以下…予以废止：, in a decision or a 令's text.
  listed.push(...orderTargets(doc.body, doc.issuer ?? null, decision));
  {
    for (const t of listed) {
      push({ ...base, kind: 'repeal', block: t.block, quote: t.quote, reason: t.reason, target: t.target, source: t.source });
      for (const n of t.notedRepealed) {
        push({ ...base, kind: 'noted-repealed', block: t.block, quote: t.reason ?? t.quote, reason: t.reason, target: { docNumber: n, title: null }, source: t.source });
      }
    }
  }

  const revised = isRevisedEdition(doc.title);
  doc.body.forEach((b, i) => {
    for (const s of blockSentences(b, ANY_VERB)) {
      for (const h of findClauseHits(s)) {
        const kind = h.kind === 'repeal' && revised ? 'replace' : h.kind;
        const quote = quoteOf(s);
        push({ ...base, kind, block: i, quote, reason: null, target: h.target, source: 'clause' });
      }
    }
  });
  // 关于修改《X》（文号）的决定 whose body only lists the changed articles (将第三条修改为…).
  if (/关于修改/.test(compact(doc.title)) && !events.some((e) => e.kind === 'amend')) {
    for (const r of findRefs(compact(doc.title))) {
      push({ ...base, kind: 'amend', block: null, quote: compact(doc.title), reason: null, target: { docNumber: r.docNumber, title: r.title }, source: 'clause' });
    }
  }
  return events;
}
