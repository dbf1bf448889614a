/**
 * Validity clauses: when a document enters into force, when it lapses, whether it is provisional.
 * Only the document's own clause counts (本办法/本通知…自…之日起施行); deadlines inside the text
 * (自收到评估报告之日起10日内, 在获奖有效期内) look alike and are not validity.
 */
import type { BodyBlock } from '../domain/types.js';
import { addDays, addYears, blockSentences, compact, parseCnDate, quoteOf } from './text.js';

export interface ValidityClause {
  /** YYYY-MM-DD, or null when the clause ties it to an event whose date we do not know. */
  readonly effectiveFrom: string | null;
  /** What the entry into force hangs on: the signing/issuing, publication, or a stated date. */
  readonly trigger: 'issued' | 'published' | 'date' | null;
  /** Last day in force (inclusive), from 有效期N年 / 有效期至… / 试行N年. */
  readonly expiresOn: string | null;
  /** 试行 / 暂行 in the title or the clause. */
  readonly provisional: boolean;
  /** 工作完成后自动撤销: lapses on an event with no date (working groups). */
  readonly dissolvesWhen: string | null;
  /** The sentences the facts were read from, joined. */
  readonly quote: string;
  /** Body block of the entry-into-force clause (else of the first fact found). */
  readonly block: number | null;
}

export interface ValiditySource {
  readonly title: string;
  readonly signedOn: string | null;
  readonly body: readonly BodyBlock[];
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function cnInt(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二两三四五六七八九])?十?([一二三四五六七八九])?$/.exec(s);
  if (!m) return null;
  if (s.includes('十')) return (m[1] ? CN_NUM[m[1]]! : 1) * 10 + (m[2] ? CN_NUM[m[2]]! : 0);
  return CN_NUM[s] ?? null;
}

// 自印发之日起施行 — the verb must follow 起 directly, which rules out 自…之日起10日内.
const FROM_EVENT = /自(印发|发布|公布|颁布|下发|发文|签发|公告|通告发布)之日起(?:施行|实施|执行|生效|试行)/;
const FROM_DATE = /自((?:19|20)\d\d年\d{1,2}月\d{1,2}日)(?:起|开始)(?:施行|实施|执行|生效|试行)/;
const VALID_YEARS = /有效期(?:为|暂定为?)?([0-9一二两三四五六七八九十]+)年/;
const VALID_UNTIL = /有效期(?:至|到|截至|截止到?)((?:19|20)\d\d年\d{1,2}月\d{1,2}日)/;
const TRIAL_YEARS = /试行(?:期为?|期限为?)?([0-9一二两三四五六七八九十]+)年/;
const DISSOLVE = /([^，。；]*?)(?:后|结束后|完成后)?自(?:动|行)(?:撤销|解散|终止)/;
const DISSOLVE_CORE = /自[动行](?:撤销|解散|终止)/;
/** Every pattern above holds one of these: a block without any states no validity. */
const ANY_CLAUSE = /之日起|有效期|试行|自[动行](?:撤销|解散|终止)|自(?:19|20)\d\d年/;

const found = new WeakMap<ValiditySource, ValidityClause | null>();

/** The document's validity clause, or null when it states none (read once per document: the status inputs and the normative judgement both ask). */
export function findValidity(doc: ValiditySource): ValidityClause | null {
  let v = found.get(doc);
  if (v === undefined) found.set(doc, (v = readValidity(doc)));
  return v;
}

function readValidity(doc: ValiditySource): ValidityClause | null {
  let effectiveFrom: string | null = null;
  let trigger: ValidityClause['trigger'] = null;
  let expiresOn: string | null = null;
  let years: number | null = null;
  let dissolvesWhen: string | null = null;
  let provisional = /试行|暂行/.test(compact(doc.title));
  let block: number | null = null;
  const quotes: string[] = [];

  for (const [i, b] of doc.body.entries()) {
    for (const s of blockSentences(b, ANY_CLAUSE)) {
      let hit = false;
      const ev = FROM_EVENT.exec(s);
      const dt = FROM_DATE.exec(s);
      if (trigger === null && dt) {
        effectiveFrom = parseCnDate(dt[1]!);
        trigger = 'date';
        hit = true;
      } else if (trigger === null && ev) {
        trigger = ev[1] === '发布' || ev[1] === '公布' || ev[1] === '公告' || ev[1] === '通告发布' ? 'published' : 'issued';
        hit = true;
      }
      if (hit) block = i;
      if (hit && /试行/.test(ev?.[0] ?? dt?.[0] ?? '')) provisional = true;
      const until = VALID_UNTIL.exec(s);
      const ys = VALID_YEARS.exec(s) ?? TRIAL_YEARS.exec(s);
      if (until && expiresOn === null) {
        expiresOn = parseCnDate(until[1]!);
        hit = true;
      } else if (ys && years === null) {
        years = cnInt(ys[1]!);
        hit = years !== null;
      }
      // The lazy prefix backtracks over the whole sentence: run it only where its core is printed.
      const dis = DISSOLVE_CORE.test(s) ? DISSOLVE.exec(s) : null;
      if (dis && dissolvesWhen === null && /工作|任务|完成|结束/.test(dis[0])) {
        dissolvesWhen = quoteOf(dis[0]);
        hit = true;
      }
      if (hit) {
        quotes.push(quoteOf(s));
        if (block === null) block = i;
      }
    }
  }

  if (trigger === 'issued' || trigger === 'published') effectiveFrom = doc.signedOn;
  // 有效期N年 runs from entry into force; the last day in force is the day before the anniversary.
  if (years !== null && expiresOn === null) {
    const start = effectiveFrom ?? doc.signedOn;
    if (start) expiresOn = addDays(addYears(start, years), -1);
  }
  if (quotes.length === 0 && !provisional) return null;
  return { effectiveFrom, trigger, expiresOn, provisional, dissolvesWhen, quote: quotes.join(''), block };
}
