/**
 * Quantitative targets and outcomes of a 政府工作报告: 指标, value, unit, year.
 * A report states last year's outcomes (回顾: 实现地区生产总值265.94亿元、增长2.5%) and this
 * year's promises (预期目标是：地区生产总值增长6%；…分别增长7%、10%…); comparing the two
 * across years is the promise-versus-outcome register.
 *
 * CONTRACT (shared by src/store, src/server, src/cli): the names below are fixed; optional
 * fields and the optional `options` argument were added later and may be ignored.
 *
 * Precision first: a figure is read only when it closes a clause (so 年产10万套…项目 and ranges
 * like 1—2家 are never read), the phrase before it names a quantity (see acceptableIndicator),
 * and the section says whether it is a promise or an outcome and for which year. A wrong figure
 * in a register is worse than a missing one.
 */
import type { BodyBlock, OfficialDocument } from '../domain/types.js';
import {
  FIGURE_SOURCE,
  acceptableIndicator,
  indicatorKey as keyOf,
  isCountUnit,
  isGeneric,
  namesQuantity,
  normaliseFigures,
  parseHead,
  type HeadParse,
  type Measure,
  type Qualifier,
} from './indicators.js';

/** promise: a target set for `year`; outcome: what the report says was achieved in `year`. */
export type TargetKind = 'promise' | 'outcome';

export interface Target {
  readonly documentId: string;
  readonly docNumber: string | null;
  /** The indicator as printed, e.g. 规上工业增加值. */
  readonly indicator: string;
  /** Normalised key that joins the same indicator across years and reports (see indicatorKey). */
  readonly indicatorKey: string;
  readonly kind: TargetKind;
  /** The year the figure is about (not the year of the report). */
  readonly year: number;
  /** 增长 (growth rate), 达到/实现 (level), 下降, 控制在, 提高…个百分点, …: what the figure measures. */
  readonly measure: 'growth' | 'level' | 'decline' | 'share' | 'points' | 'count';
  readonly value: number;
  /** %, 亿元, 万元, 人, 个, 家, 万人次, 个百分点, … */
  readonly unit: string;
  /** 以上 / 左右 / 以内 / 以下 when printed; null for an exact figure. */
  readonly qualifier: '以上' | '左右' | '以内' | '以下' | null;
  /** The clause the figure was read from, verbatim (repaired text). */
  readonly quote: string;
  /** Index of the body block it came from. */
  readonly block: number;
  /**
   * Set when the indicator is a generic word (投资, 产量, 增加值…): the indicator printed before
   * it in the same clause (粮食播种面积…、产量19.5万吨 → 粮食播种面积), else the 交通方面： prefix,
   * else the paragraph's run-in topic (推动生态工业延链强链). The indicatorKey is qualified by it,
   * so the 投资 of one paragraph never joins the 投资 of another.
   */
  readonly topic?: string;
  /** Set when the outcome is printed as an estimate (预计增长30%以上). */
  readonly estimated?: true;
}

export interface ExtractTargetsOptions {
  /**
   * The year of the report when the document does not print it (001_ is a fragment without
   * title date, 回顾 or 重点工作 heading). Without it and without a printed year, nothing is read.
   */
  readonly reportYear?: number;
}

const FIGURE_END = new RegExp(`^(.*?)${FIGURE_SOURCE}$`);
const FIGURE_ONLY = new RegExp(`^${FIGURE_SOURCE}$`);

/** Whether the document is (or carries) a 政府工作报告. */
export function isWorkReport(doc: OfficialDocument): boolean {
  return /政府工作报告/.test(doc.title) || (doc.kind === '报告' && /工作报告/.test(doc.title));
}

type SectionKind = TargetKind | 'skip';

function classifySection(heading: string): SectionKind | null {
  if (/过去五年|五年来|十三五|十四五/.test(heading)) return 'skip';
  if (/回顾|过去一年|去年工作/.test(heading)) return 'outcome';
  if (/重点工作|工作安排|主要任务|目标任务|总体要求|预期目标|今年|自身建设/.test(heading)) return 'promise';
  return null;
}

const headingOf = (b: BodyBlock): string => b.heading ?? b.text;

/** The year the report is for: printed 2023年重点工作, 2022年工作回顾 (+1), the ——2023年1月31日在…人民代表大会 line, or the title. */
export function reportYearOf(doc: OfficialDocument): number | null {
  for (const b of doc.body) {
    const t = b.level === 1 ? headingOf(b) : '';
    let m = /(\d{4})年(?:重点工作|工作安排|主要任务|工作任务|目标任务)/.exec(t);
    if (m) return Number(m[1]);
    m = /(\d{4})年(?:工作)?回顾/.exec(t);
    if (m) return Number(m[1]) + 1;
    m = /^[—－-]+\s*(\d{4})年\d{1,2}月\d{1,2}日在.*人民代表大会/.exec(b.text);
    if (m) return Number(m[1]);
  }
  const m = /(\d{4})年.*政府工作报告/.exec(doc.title);
  return m ? Number(m[1]) : (doc.declaredYear ?? null);
}

interface Section {
  readonly kind: TargetKind;
  readonly year: number;
}

/** The section (promise or outcome, and year) of every block; null where no figure may be read. */
function sections(doc: OfficialDocument, reportYear: number): Array<Section | null> {
  const out: Array<Section | null> = [];
  const heads = doc.body.map((b, i) => ({ b, i })).filter(({ b }) => b.level === 1);
  let current: Section | null = null;
  // A fragment that starts mid-report: text before 三、…政府自身建设 is the tail of the plans.
  const first = heads[0];
  if (first && first.b.marker !== '一、' && /自身建设/.test(headingOf(first.b))) current = { kind: 'promise', year: reportYear };
  for (const [i, b] of doc.body.entries()) {
    if (b.level === 1) {
      const h = headingOf(b);
      const kind = classifySection(h);
      const printed = /(\d{4})年/.exec(h);
      if (kind === 'outcome') current = { kind, year: printed ? Number(printed[1]) : reportYear - 1 };
      else if (kind === 'promise') current = { kind, year: printed ? Number(printed[1]) : reportYear };
      else current = null;
      out.push(null);
      continue;
    }
    out.push(current);
    void i;
  }
  return out;
}

interface Figure {
  readonly value: number;
  readonly unit: string;
  readonly qualifier: Qualifier | null;
}

function measureOf(verb: HeadParse['verb'], indicator: string, unit: string): Measure | null {
  if (unit === '个百分点' || unit === '百分点') return verb === 'change' ? 'points' : verb === 'decline' ? 'decline' : null;
  if (unit === '%') {
    if (verb === 'change') return 'growth';
    if (verb === 'decline') return 'decline';
    return /(?:涨幅|增速|增幅|增长率)$/.test(indicator) ? 'growth' : 'share';
  }
  if (verb === 'change' || verb === 'share') return null;
  if (verb === 'decline') return 'decline';
  return isCountUnit(unit) ? 'count' : 'level';
}

function qualifierOf(printed: Qualifier | null, verb: HeadParse['verb']): Qualifier | null {
  if (printed) return printed;
  if (verb === 'ceiling') return '以内';
  if (verb === 'floor') return '以上';
  return null;
}

/** Split an indicator list (before 分别/均, or sharing one predicate) into items. */
function splitItems(list: string): string[] {
  const items = list.split('、');
  const last = items.pop()!;
  const joined = /^(.+?)(?:和|及|与)(.+)$/.exec(last);
  if (joined && namesQuantity(joined[1]!) && namesQuantity(joined[2]!)) items.push(joined[1]!, joined[2]!);
  else items.push(last);
  return items.map((s) => s.replace(/^(?:其中|同时|全年)/, ''));
}

interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function splitSpans(s: Span, sep: RegExp): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (let i = 0; i <= s.text.length; i++) {
    if (i === s.text.length || sep.test(s.text[i]!)) {
      if (i > from) out.push({ text: s.text.slice(from, i), start: s.start + from, end: s.start + i });
      from = i + 1;
    }
  }
  return out;
}

interface Read {
  readonly indicator: string;
  readonly measure: Measure;
  readonly figure: Figure;
  readonly span: Span;
}

const toFigure = (m: RegExpExecArray, at: number): Figure => ({
  value: Number(m[at]),
  unit: m[at + 1]!,
  qualifier: (m[at + 2] as Qualifier | undefined) ?? null,
});

/** 工业增加值、固定资产投资…分别增长1.2%、11.7%…: N indicators ↔ N values, or nothing. */
function readDistribution(clause: Span): Read[] | null {
  const m = /^(.*?)(?:同比)?分别(.*)$/.exec(clause.text);
  if (!m) return null;
  const items = splitItems(m[1]!.replace(/同比$/, ''));
  const right = /^(同比)?(增长|下降|提高|提升|达到|达|新增|稳定在|控制在|为)?(.*)$/.exec(m[2]!)!;
  const values = right[3]!.split(/[、和]/);
  const figures = values.map((v) => FIGURE_ONLY.exec(v));
  if (figures.some((f) => !f) || figures.length !== items.length) return [];
  if (!items.every(namesQuantity)) return [];
  const verb = parseHead(right[2] ?? '').verb;
  const trailing = figures[figures.length - 1]![3] as Qualifier | undefined;
  const out: Read[] = [];
  for (const [i, item] of items.entries()) {
    const f = toFigure(figures[i]!, 1);
    const figure = { ...f, qualifier: qualifierOf(f.qualifier ?? trailing ?? null, verb) };
    const measure = measureOf(verb, item, f.unit);
    if (!measure || !acceptableIndicator(item, f.unit, false, verb === 'change' || verb === 'decline')) return [];
    out.push({ indicator: item, measure, figure, span: clause });
  }
  return out;
}

/** A、B均增长10%以上 (or …，均增长10%以上 after a clause that named them). */
function readSame(clause: Span, previous: Read[], sentenceStart: number): Read[] | null {
  const m = /^(.*?)(?<![亩人])均(增长|提高|提升|下降|达到|达|为|超过|突破|控制在|在)(.*)$/.exec(clause.text);
  if (!m) return null;
  const f = FIGURE_ONLY.exec(m[3]!);
  if (!f) return [];
  const verb = parseHead(m[2]!).verb;
  const figure0 = toFigure(f, 1);
  const figure = { ...figure0, qualifier: qualifierOf(figure0.qualifier, verb) };
  let items: string[];
  let span = clause;
  if (m[1]) {
    items = splitItems(m[1]);
    if (!items.every(namesQuantity)) return [];
  } else {
    items = [...new Set(previous.map((r) => r.indicator))];
    if (items.length === 0) return [];
    const from = Math.min(...previous.map((r) => r.span.start), clause.start);
    span = { text: '', start: Math.max(from, sentenceStart), end: clause.end };
  }
  const out: Read[] = [];
  for (const item of items) {
    const measure = measureOf(verb, item, figure.unit);
    if (!measure || !acceptableIndicator(item, figure.unit, true)) return [];
    out.push({ indicator: item, measure, figure, span });
  }
  return out;
}

/** 实现地区生产总值265.94亿元、增长2.5%; 新建口袋公园1个、公厕3座; A、B控制在3%以内. */
function readSegments(clause: Span, inherited: string | null): Read[] {
  const raw = splitSpans(clause, /、/);
  // a segment without a figure of its own belongs to the next one (a list sharing a predicate)
  const segs: Span[] = [];
  let pending: Span | null = null;
  for (const s of raw) {
    const merged: Span = pending ? { text: clause.text.slice(pending.start - clause.start, s.end - clause.start), start: pending.start, end: s.end } : s;
    if (FIGURE_END.test(s.text)) {
      segs.push(merged);
      pending = null;
    } else pending = merged;
  }
  const out: Read[] = [];
  let last = inherited;
  let verbLed = false;
  for (const [i, seg] of segs.entries()) {
    const m = FIGURE_END.exec(seg.text)!;
    const head = m[1]!;
    if (/[—\-～~至.]$/.test(head) || /\d$/.test(head)) return out;
    const figure0 = toFigure(m, 2);
    const parsed = parseHead(head);
    const figure = { ...figure0, qualifier: qualifierOf(figure0.qualifier, parsed.verb) };
    if (i === 0) verbLed = /^(?:新增|新建|建成|引进|培育|新培育|实施|完成|打造|创建|开工|招引|改造|新认证|新申报)/.test(head);
    let items: string[];
    if (parsed.indicator.includes('、')) {
      items = splitItems(parsed.indicator);
      if (!items.every(namesQuantity)) return out;
    } else if (parsed.indicator) items = [parsed.indicator];
    else if ((parsed.verb === 'change' || parsed.verb === 'decline') && last) items = [last];
    else return out;
    for (const item of items) {
      const measure = measureOf(parsed.verb, item, figure.unit);
      if (!measure || !acceptableIndicator(item, figure.unit, verbLed && i > 0, parsed.verb === 'change' || parsed.verb === 'decline')) return out;
      out.push({ indicator: item, measure, figure, span: seg });
    }
    last = items[items.length - 1]!;
  }
  return out;
}

/** Figures printed for another period than the section's year are not read. */
function otherPeriod(sentence: string, year: number): boolean {
  if (/十三五|十四五|五年来|过去五年|到20\d\d年|20\d\d年(?:底)?前/.test(sentence)) return true;
  for (const m of sentence.matchAll(/(20\d\d)年/g)) if (Number(m[1]) !== year) return true;
  return /去年|上年/.test(sentence);
}

function topicOf(b: BodyBlock, previous: string | undefined): string | undefined {
  if (b.heading) return b.heading;
  const first = /^([^。，；\d]{2,24})。/.exec(b.text.trim());
  return first ? first[1] : previous;
}

/** The targets and outcomes stated in one document (empty for documents that state none). */
export function extractTargets(doc: OfficialDocument, options: ExtractTargetsOptions = {}): Target[] {
  if (!isWorkReport(doc)) return [];
  const reportYear = options.reportYear ?? reportYearOf(doc);
  if (reportYear === null) return [];
  const secs = sections(doc, reportYear);
  const out: Target[] = [];
  const seen = new Set<string>();
  let topic: string | undefined;
  for (const [bi, block] of doc.body.entries()) {
    const sec = secs[bi];
    if (!sec) {
      topic = undefined;
      continue;
    }
    topic = topicOf(block, topic);
    const norm = normaliseFigures(block.text);
    const quoteOf = (s: Span) => block.text.slice(norm.map[s.start], norm.map[s.end - 1]! + 1);
    for (const sentence of splitSpans({ text: norm.text, start: 0, end: norm.text.length }, /[。；！？;!?]/)) {
      if (otherPeriod(sentence.text, sec.year)) continue;
      const aspect = /^([^，：\d]{2,8})方面[：:]/.exec(sentence.text)?.[1];
      let sibling: string | undefined;
      let previous: Read[] = [];
      for (const clause of splitSpans(sentence, /[，,：:]/)) {
        const inherited = previous.length ? previous[previous.length - 1]!.indicator : null;
        sibling = undefined;
        const reads = readDistribution(clause) ?? readSame(clause, previous, sentence.start) ?? readSegments(clause, inherited);
        const estimated = /预计/.test(clause.text);
        for (const r of reads) {
          const generic = isGeneric(r.indicator);
          // 投资, 产量, 增加值…: scoped by the indicator printed before it in the clause
          // (粮食播种面积…、产量), else by 交通方面：, else by the paragraph's topic
          const scope = generic ? (sibling ?? aspect ?? topic) : undefined;
          if (generic && !scope) continue;
          if (!generic) sibling = r.indicator;
          const key = generic ? `${keyOf(r.indicator)}｜${keyOf(scope!)}` : keyOf(r.indicator);
          const t: Target = {
            documentId: doc.id,
            docNumber: doc.docNumber,
            indicator: r.indicator,
            indicatorKey: key,
            kind: sec.kind,
            year: sec.year,
            measure: r.measure,
            value: r.figure.value,
            unit: r.figure.unit,
            qualifier: r.figure.qualifier,
            quote: quoteOf(r.span),
            block: bi,
            ...(generic ? { topic: scope! } : {}),
            ...(estimated && sec.kind === 'outcome' ? { estimated: true as const } : {}),
          };
          const id = [t.indicatorKey, t.kind, t.year, t.measure, t.value, t.unit, t.qualifier].join('|');
          if (seen.has(id)) continue;
          seen.add(id);
          out.push(t);
        }
        previous = reads;
      }
    }
  }
  return out;
}

/** Join key for an indicator: 规上工业增加值 and 规模以上工业增加值 are one indicator. */
export function indicatorKey(indicator: string): string {
  return keyOf(indicator);
}

/** One indicator across years: what was promised and what was achieved, year by year. */
export interface IndicatorTimeline {
  readonly indicatorKey: string;
  readonly indicator: string;
  readonly years: Array<{
    readonly year: number;
    readonly promises: Target[];
    readonly outcomes: Target[];
    /** met / missed / unknown when both a comparable promise and outcome exist (same measure and unit). */
    readonly verdict: 'met' | 'missed' | 'unknown' | null;
  }>;
}

export { compareAcrossYears, judge } from './target-verdicts.js';
