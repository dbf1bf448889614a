/**
 * 问答库 candidates drafted from a document and its 解读: who qualifies, how much, by when, since
 * when, whom to ask (a unit and its public line), what it repealed. Each answer rests on one
 * sentence of the document (`quote`, verbatim, with its paragraph) and names the unit that
 * answers for it. A candidate naming a private person (a mobile number, a 联系人) is never made.
 */
import type { OfficialDocument } from '../domain/types.js';
import type { Interpretation, InterpretItem } from './interpret.js';
import { condense, sentencePieces, stripMarker, type Piece } from './interpret-text.js';
import { namesPrivatePerson } from './qa-privacy.js';
import { clauses, findRefs } from './text.js';

export type QaKind = '适用对象' | '标准' | '期限' | '施行' | '咨询' | '变化';

export interface QaCandidate {
  readonly question: string;
  readonly answer: string;
  readonly docNumber: string | null;
  readonly quote: string;
  readonly paragraph: number;
  readonly kind: QaKind;
  /** The unit that answers: the one named with the contact line, else the issuer. */
  readonly unit: string | null;
}

const PER_KIND = 3;
/** Answers quote their clause nearly whole: a cut answer sends the reader to the document anyway. */
const ANSWER = 160;
const MONEY = /\d+(?:\.\d+)?(?:万元|亿元|元)/;
const MONEY_KIND = /罚款|补助|补贴|奖补|奖励|补偿|资助|费用|经费/;
const DEADLINE = /\d+个?(?:工作日|日|天|个月)(?:内|以内)|(?:19|20)\d\d年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:前|底前|年底)/;
/** A public line: 110/119/12345, 8-digit landlines with or without 023-; never a mobile. */
/** 区住房城乡建委作为房屋征收部门，负责… / 区林业局负责… */
const RESPONSIBLE = /^(区[^，。；、（）]{1,14}?(?:局|委|中心|办公室|办))(?:作为[^，。]{1,12}，)?(?:负责|主管)/;
const PHONE = /(?:咨询|举报|报警|投诉|服务|联系)?电话[：:]\s*((?:\d{3,4}[-－])?\d{3,8}(?:[，,、]\s*(?:\d{3,4}[-－])?\d{3,8})*)/;

/** 《武隆区…办法》 for 印发…的通知, else the title from 关于 on: how a citizen names the policy. */
export function policyName(doc: OfficialDocument): string {
  const issued = /关于印发(.+?)的通知$/.exec(doc.title);
  if (issued) return `《${issued[1]}》`;
  return `《${doc.title.replace(/^.*?(?=关于)/, '')}》`;
}

function firstClause(s: string, max = 30): string {
  return condense(clauses(stripMarker(s))[0] ?? s, max);
}

function make(doc: OfficialDocument, kind: QaKind, question: string, answer: string, p: Pick<Piece, 'text' | 'block'>, unit: string | null = doc.issuer): QaCandidate | null {
  const c = { question, answer, docNumber: doc.docNumber, quote: p.text, paragraph: p.block, kind, unit };
  // The clause too: an answer drawn from a line naming a person would lead to that person.
  return namesPrivatePerson(`${question}${answer}${p.text}`) ? null : c;
}

const cite = (doc: OfficialDocument) => (doc.docNumber ? `（${doc.docNumber}）` : '');

/** The sentence an interpretation item's quote stands in (an item may quote one clause). */
function sentenceOf(doc: OfficialDocument, i: InterpretItem): Piece | null {
  const s = sentencePieces(doc).find((p) => p.block === i.paragraph && p.text.includes(i.quote));
  // An item may quote a whole paragraph (东：…；南：…；西：…): then the paragraph is the clause.
  return s ?? (doc.body[i.paragraph]?.text.includes(i.quote) ? { text: i.quote, block: i.paragraph, level: 0 } : null);
}

export function suggestQa(doc: OfficialDocument, interp: Interpretation): QaCandidate[] {
  const name = policyName(doc);
  const out: Array<QaCandidate | null> = [];
  const items = (section: string) => interp.sections.find((s) => s.name === section)?.items ?? [];
  const pieces = sentencePieces(doc);

  // Who qualifies: the document's own scope statements.
  for (const i of items('适用对象和范围').slice(0, 2)) {
    const s = sentenceOf(doc, i);
    if (!s) continue;
    // 禁放区域：东：…；南：… — the label the item carries, then the clause in full.
    const label = i.text.includes('：') && !stripMarker(s.text).startsWith(i.text.split('：')[0]!) ? `${i.text.split('：')[0]}：` : '';
    out.push(make(doc, '适用对象', `${name}适用于哪些对象或范围？`, `${label}${condense(s.text, ANSWER)}。${cite(doc)}`, s));
  }

  // How much: sentences with an amount and what it is (a fine, a subsidy, a reward…).
  let money = 0;
  for (const s of pieces) {
    if (money >= PER_KIND || !MONEY.test(s.text)) continue;
    const what = MONEY_KIND.exec(s.text);
    if (!what) continue;
    money++;
    out.push(make(doc, '标准', `按${name}，${firstClause(s.text)}，${what[0]}标准是多少？`, `${condense(s.text, ANSWER)}。${cite(doc)}`, s));
  }

  // By when: time limits the public or the administration must keep.
  let due = 0;
  for (const s of pieces) {
    if (due >= PER_KIND) break;
    const m = DEADLINE.exec(s.text);
    if (!m || /^到|力争/.test(stripMarker(s.text))) continue; // 到2025年年底…达到100%: a target, not a time limit
    due++;
    out.push(make(doc, '期限', `按${name}，${firstClause(s.text)}，时限是多久？`, `${condense(s.text, ANSWER)}。${cite(doc)}`, s));
  }

  // Since when: the entry into force.
  const start = items('执行标准').find((i) => i.figure?.kind === '施行日期');
  if (start) {
    const s = sentenceOf(doc, start);
    // 自印发之日起施行 dates from the document's own date: the answer says both.
    const printed = /自(.{2,12}?)之日起/.exec(s?.text ?? '')?.[1];
    const when = printed && doc.signedOn ? `自${printed}之日（${doc.signedOn}）起施行` : `自${start.figure!.value}起施行`;
    if (s) out.push(make(doc, '施行', `${name}从什么时候开始施行？`, `${when}。${cite(doc)}`, s));
  }

  // Whom to ask: a unit printed with its public line.
  for (const s of pieces) {
    for (const part of s.text.split(/[；;。]/)) {
      const m = PHONE.exec(part);
      if (!m) continue;
      const unit = /([^，。；：:、\s]*?(?:局|委|办|中心|所|队|部|公司|政府|指挥部))?(?:咨询|举报|报警|投诉|服务|联系)?电话/.exec(part)?.[1] ?? null;
      const what = /举报/.test(part) ? '举报' : /报警|火灾/.test(part) ? '报警' : '咨询';
      const who = unit ?? (/森林火灾/.test(part) ? '森林火灾报警' : null);
      if (!who) continue;
      out.push(make(doc, '咨询', `对${name}所涉事项，向哪里${what}？`, `${who}${what === '报警' && !unit ? '' : what}电话：${m[1]}。${cite(doc)}`, s, unit ?? doc.issuer));
    }
  }

  // Whom to ask when no line is printed: the district unit the document puts in charge.
  for (const s of pieces) {
    const m = RESPONSIBLE.exec(stripMarker(s.text));
    if (!m) continue;
    out.push(make(doc, '咨询', `${name}的具体工作由哪个单位负责？`, `${m[1]}。${condense(stripMarker(s.text), ANSWER)}。${cite(doc)}`, s, m[1]!));
    break;
  }

  // What changed: what the document repealed, and which document now governs.
  let changed = 0;
  for (const s of pieces) {
    if (changed >= PER_KIND || !/废止|不再执行|停止执行/.test(s.text)) continue;
    const bare = s.text.replace(/《[^》]*》/g, '');
    if (!/废止|不再执行|停止执行/.test(bare)) continue;
    // Only what the repealing clause names: not the 根据《…》 it rests on.
    const named = clauses(s.text).filter((c) => /废止|不再执行|停止执行/.test(c.replace(/《[^》]*》/g, '')) && !/^(?:根据|按照|依据)/.test(c));
    for (const c of named) {
      for (const r of findRefs(c)) {
        if (!r.docNumber || r.docNumber === doc.docNumber || changed >= PER_KIND) continue;
        changed++;
        const old = r.title ? `《${r.title}》（${r.docNumber}）` : r.docNumber;
        out.push(make(doc, '变化', `${old}现在还有效吗？`, `已废止。${doc.title}${cite(doc)}规定：“${stripMarker(c.trim()).replace(/[。；]$/, '')}”。`, s));
      }
    }
  }
  // What changed against the predecessor: the first changed and the first added clause (each quotes this document).
  const before = interp.previous ? `原文件${interp.previous.docNumber ? `（${interp.previous.docNumber}）` : ''}` : '原文件';
  for (const [change, verb] of [['changed', '修改'], ['added', '新增']] as const) {
    const all = items('新旧文件差异对比').filter((x) => x.change === change);
    const i = all[0];
    const s = i ? sentenceOf(doc, i) : null;
    const more = all.length > 1 ? `（共${all.length}处，其余见本文件解读的新旧文件差异对比）` : '';
    if (i && s) out.push(make(doc, '变化', `与${before}相比，${name}${verb}了哪些规定？`, `${i.text}${more}。${cite(doc)}`, s));
  }
  const seen = new Set<string>();
  const key = (c: QaCandidate) => `${c.question}\n${c.quote}`;
  return out.filter((c): c is QaCandidate => c !== null && !seen.has(key(c)) && Boolean(seen.add(key(c))));
}
