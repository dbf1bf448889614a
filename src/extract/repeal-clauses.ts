/**
 * Repeal and amendment clauses inside a sentence: 原《…》（文号）同时废止, 决定对《…》予以废止,
 * 《…》不再执行, 第N条废止, 对《…》作如下修改. Procedural wording (修改或者废止, 应当及时废止,
 * 与本办法不一致的…) names no document and states no act, so it is never a repeal.
 */
import type { RepealKind, RepealTarget } from './repeal-types.js';
import { clauses, findRefs, type TextRef } from './text.js';

const REPEAL_VERB = /同时废止|予以废止|一并废止|宣布废止|废止|不再执行|停止执行|不再施行|停止施行|同时失效|自行失效/;
const AMEND_VERB = /作如下修改|作出如下修改|作以下修改|修改为|予以修改|修正为/;
/** A text holding neither verb holds no clause (neither spans a comma or a sentence break). */
export const ANY_VERB = new RegExp(`${REPEAL_VERB.source}|${AMEND_VERB.source}`);
/** Words that make the verb a rule about the future, not an act: 应当及时废止, 提请废止… */
const MODAL = /(应当|应该|应|须|必须|要|及时|适时|定期|可以|可|提请|建议|申请|拟|需|需要|由|或者|或|、)(依法|依照规定|按程序)?(予以)?$/;
/** The verb named as a topic, not performed: 关于废止…的决定, 废止的…目录, 废止理由, 已废止. */
const TOPIC_BEFORE = /(关于|已|被|修改或者|修改或|修改、)$/;
const TOPIC_AFTER = /^(的|理由|原因|目录|清单|情况|工作|程序|[\d一二三四五六七八九十百]+件)/;
const PARTIAL = /第[一二三四五六七八九十百零〇\d]+(条|款|项|章|节)|部分条款|相关条款|有关条款|部分内容|附件[一二三四五六七八九十\d]|(确定|公布|所列|列入)的.{0,20}(名单|名录|目录|清单|事项)/;
/** Clauses that give the legal basis; documents cited there are not targets. */
const BASIS = /^(根据|依据|按照|参照|依照|为|经)/;

export interface ClauseHit {
  readonly kind: Exclude<RepealKind, 'replace' | 'noted-repealed'>;
  readonly target: RepealTarget;
}

function isAct(clause: string, verb: RegExpExecArray): boolean {
  const before = clause.slice(0, verb.index);
  const after = clause.slice(verb.index + verb[0].length);
  return !(MODAL.test(before) || TOPIC_BEFORE.test(before) || TOPIC_AFTER.test(after));
}

function targetOf(r: TextRef): RepealTarget {
  return { docNumber: r.docNumber, title: r.title };
}

/** Repeal/amend acts in one (compacted) sentence, each with its target document. */
export function findClauseHits(sentence: string): ClauseHit[] {
  if (!ANY_VERB.test(sentence)) return [];
  const parts = clauses(sentence);
  const hits: ClauseHit[] = [];
  parts.forEach((clause, i) => {
    const rv = REPEAL_VERB.exec(clause);
    const av = AMEND_VERB.exec(clause);
    const verb = rv ?? av;
    if (!verb || !isAct(clause, verb)) return;
    // Targets stand before the verb in the clause; 《…》（文号），自…起停止执行 puts them one clause back.
    let host = clause.slice(0, verb.index);
    let refs = findRefs(host);
    let between = (r: TextRef) => host.slice(r.end);
    const prev = parts[i - 1];
    const after = clause.slice(verb.index + verb[0].length);
    if (refs.length === 0 && rv && /^《|^[\u4e00-\u9fa5]{1,12}[〔\[［(（]\d{4}/.test(after)) {
      // 同时废止《X》（文号） / 不再执行武隆府发〔2019〕1号: the target follows the verb.
      host = after;
      refs = findRefs(after);
      between = () => '';
    } else if (refs.length === 0 && prev !== undefined && !BASIS.test(prev) && !REPEAL_VERB.test(prev) && !AMEND_VERB.test(prev)) {
      host = prev;
      refs = findRefs(prev);
      between = (r: TextRef) => prev.slice(r.end) + clause.slice(0, verb.index);
    }
    for (const r of refs) {
      // 与《X》不一致的…不再执行 / 按照《X》规定予以废止: X is the yardstick, not the target.
      if (/不一致|相抵触|抵触|相冲突|不符/.test(between(r))) continue;
      if (/(根据|依据|按照|依照|参照|与|同)$/.test(host.slice(0, r.start))) continue;
      const kind = rv ? (PARTIAL.test(between(r)) ? 'partial-repeal' : 'repeal') : 'amend';
      hits.push({ kind, target: targetOf(r) });
    }
  });
  return hits;
}
