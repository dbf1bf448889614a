/**
 * 执行标准: the figures a reader acts on — amounts, rates, thresholds, deadlines, periods, the
 * entry into force and the term of validity — each with its figure and unit as printed and the
 * clause that states it. Table cells (补偿标准 tables) count as clauses of the block they follow.
 */
import type { OfficialDocument } from '../domain/types.js';
import type { FigureKind, InterpretItem } from './interpret.js';
import { clausePieces, condense, dedupe, item, sentencePieces, type Piece } from './interpret-text.js';
import { findValidity } from './validity.js';

const MAX_STANDARDS = 30;
const NUM = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)';

interface FigureRule {
  readonly kind: FigureKind;
  readonly re: RegExp;
  /** [value, unit] from the match. */
  readonly read: (m: RegExpExecArray) => [string, string];
}

const RULES: readonly FigureRule[] = [
  { kind: '时段', re: /每年(\d{1,2}月\d{1,2}日)至(?:每年)?(\d{1,2}月\d{1,2}日)/, read: (m) => [`${m[1]}至${m[2]}`, '每年'] },
  { kind: '期限', re: new RegExp(`${NUM}(个)?(工作日|日|天|个月|月|年)(?:内|以内|之内)`), read: (m) => [m[1]!, `${m[2] ?? ''}${m[3]}内`] },
  { kind: '期限', re: /((?:19|20)\d\d年(?:\d{1,2}月)?(?:\d{1,2}日)?)(?:前|底前|年底|底)/, read: (m) => [m[1]!, '前'] },
  { kind: '金额', re: /(\d+(?:\.\d+)?)(万元|亿元|元)(\/[^\s，。；、）]{1,6})?/, read: (m) => [m[1]!, m[2]! + (m[3] ?? '')] },
  { kind: '比例', re: /(\d+(?:\.\d+)?)(%|‰)/, read: (m) => [m[1]!, m[2]!] },
  { kind: '比例', re: /(1:\d+|1∶\d+)/, read: (m) => [m[1]!, '配比'] },
  {
    kind: '数量标准',
    re: new RegExp(`(?:不低于|不少于|不超过|不高于|不大于|不小于|最高|最低|达到|超过|控制在|大于|小于)${NUM}(个工作日|工作日|个月|平方米|立方米|万吨|吨|公里|千米|毫米|厘米|米|千克|克|人|户|家|座|个(?![月工])|台|套|张|次|名|层|倍|小时|分钟)`),
    read: (m) => [m[1]!, m[2]!],
  },
  { kind: '数量标准', re: new RegExp(`${NUM}(平方米|万吨|吨|米|克|毫米|人|户|台|小时)(?:以上|以下|以内)`), read: (m) => [m[1]!, m[2]!] },
];

function figureItems(p: Piece): InterpretItem[] {
  const out: InterpretItem[] = [];
  for (const rule of RULES) {
    const m = rule.re.exec(p.text);
    if (!m) continue;
    const [value, unit] = rule.read(m);
    out.push(item(`${rule.kind}：${value}${unit.startsWith('每年') ? '' : unit}（${condense(p.text, 40)}）`, p, { figure: { value, unit, kind: rule.kind } }));
    break; // one figure per clause: the first rule that reads it is the most specific
  }
  return out;
}

export function standardItems(doc: OfficialDocument): InterpretItem[] {
  const out: InterpretItem[] = [];
  const v = findValidity(doc);
  if (v && v.block !== null) {
    const clause = sentencePieces(doc).find((p) => p.block === v.block && /起(?:施行|实施|执行|生效|试行)|有效期/.test(p.text));
    if (clause && v.trigger !== null) {
      const when = v.effectiveFrom ?? (v.trigger === 'issued' ? '印发之日' : '发布之日');
      out.push(item(`施行日期：${when}（${condense(clause.text, 30)}）`, clause, { figure: { value: when, unit: '日', kind: '施行日期' } }));
    }
    const term = sentencePieces(doc).find((p) => /有效期|试行期/.test(p.text));
    if (term && v.expiresOn) out.push(item(`有效期：至${v.expiresOn}（${condense(term.text, 30)}）`, term, { figure: { value: v.expiresOn, unit: '止', kind: '有效期' } }));
  }
  for (const s of sentencePieces(doc)) for (const c of clausePieces(s)) out.push(...figureItems(c));
  for (const t of doc.tables) {
    for (const row of t.rows) {
      const label = row.slice(0, 2).map((c) => c.trim()).filter((c) => c && !/^\d+$/.test(c)).join('·');
      for (const cell of row) {
        const text = cell.trim();
        if (!text || !doc.text.includes(text)) continue;
        for (const c of text.split(/(?<=[。；])/).map((x) => x.trim()).filter(Boolean)) {
          if (!doc.text.includes(c)) continue;
          out.push(...figureItems({ text: c, block: t.afterBlock, level: 0 }).map((i) => ({ ...i, text: label ? `${label}｜${i.text}` : i.text })));
        }
      }
    }
  }
  return dedupe(out).slice(0, MAX_STANDARDS);
}
