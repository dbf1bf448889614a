/**
 * The vocabulary of work-report figures: number normalisation, units, qualifiers, measure verbs,
 * which printed phrases count as an indicator name, and the join key of an indicator.
 * Pure functions; used by targets.ts.
 */

/** A string with the extraction whitespace removed and digits made ASCII, mapped back to the original. */
export interface Normalised {
  readonly text: string;
  /** map[i] = index in the original string of text[i]. */
  readonly map: number[];
}

const FULL_DIGIT = /[０-９]/;

/** Drop whitespace (22.2 亿元 → 22.2亿元), full-width digits/％/．→ ASCII; keep a map to the original. */
export function normaliseFigures(s: string): Normalised {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s[i]!;
    if (/\s/.test(c)) continue;
    if (FULL_DIGIT.test(c)) c = String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30);
    else if (c === '％') c = '%';
    else if (c === '．' && /\d$/.test(text) && /[0-9０-９]/.test(s.slice(i + 1).trimStart()[0] ?? '')) c = '.';
    text += c;
    map.push(i);
  }
  return { text, map };
}

/** Units, longest first so 万人次 wins over 人次 and 人. */
export const UNITS = [
  '个百分点', '百分点', '个基点', '亿立方米', '万立方米', '立方米', '万平方米', '平方公里', '平方米', '万美元', '亿美元',
  '万人次', '亿元', '万元', '美元', '人次', '万人', '万亩', '万吨', '万头', '万只', '万套', '万群', '万户', '公里', '公顷',
  '标箱', '亿条', '元', '人', '亩', '吨', '头', '只', '套', '群', '个', '家', '户', '项', '件', '座', '处', '所', '条', '场',
  '组', '栋', '块', '台', '名', '天', '级', '%',
] as const;

/** Units of discrete things counted (measure `count` when no change verb is printed). */
const COUNT_UNITS = new Set([
  '人', '人次', '个', '家', '户', '项', '件', '座', '处', '所', '条', '场', '组', '栋', '块', '台', '名', '套', '群', '只', '头', '标箱',
]);
export const isCountUnit = (unit: string): boolean => COUNT_UNITS.has(unit);

export type Qualifier = '以上' | '左右' | '以内' | '以下';
export type Measure = 'growth' | 'level' | 'decline' | 'share' | 'points' | 'count';

/** A figure: number + unit + optional qualifier, e.g. 15%以上, 3000人, 52%左右. */
export const FIGURE_SOURCE = `(\\d+(?:\\.\\d+)?)(${UNITS.join('|')})(以上|左右|以内|以下)?`;

/** Verbs printed right before a figure, longest first, and what they make the figure measure. */
const MEASURE_VERBS: Array<[RegExp, 'change' | 'decline' | 'level' | 'ceiling' | 'floor' | 'share']> = [
  [/(?:同比)?(?:增长|增加|提高|提升|上升|增速为?|增幅为?)(?:到|至)$/, 'level'],
  [/(?:同比)?(?:增长|提高|提升|上升)$/, 'change'],
  [/(?:同比)?(?:下降|降低|压降|压减|减少)$/, 'decline'],
  [/(?:控制在|保持在)$/, 'ceiling'],
  [/(?:突破|超过|超)$/, 'floor'],
  [/(?:稳定在|巩固在|稳定达到?|稳定达|达到|达|实现|完成|为|缩小到|缩小至|降至|降到|精简至|增至|提升至|提高至|累计|共计)$/, 'level'],
];

export interface HeadParse {
  /** The indicator phrase as printed before the verb (may be empty: shares the previous one). */
  readonly indicator: string;
  readonly verb: 'change' | 'decline' | 'level' | 'ceiling' | 'floor' | 'share' | null;
}

/** Leading words that are not part of an indicator name. */
const LEADING = /^(?:我们将|我们要|其中|并|同时|力争|确保|努力|争取|带动|全年|年内|今年|累计|实现|完成|推动|达到|预计|共)+/;

/** Split the text printed before a figure into indicator phrase and measure verb. */
export function parseHead(head: string): HeadParse {
  let h = head;
  let verb: HeadParse['verb'] = null;
  for (const [re, v] of MEASURE_VERBS) {
    const m = re.exec(h);
    if (m) {
      verb = v;
      h = h.slice(0, m.index);
      break;
    }
  }
  h = h.replace(/(?:同比|预计)+$/, '');
  // an inner level verb: 新能源汽车产业实现产值 → 新能源汽车产业产值; 90个重点项目完成投资 → 投资
  const inner = /(实现|完成|达到)/.exec(h.replace(LEADING, ''));
  let indicator = h.replace(LEADING, '');
  if (inner && inner.index > 0) {
    const subject = indicator.slice(0, inner.index);
    const object = indicator.slice(inner.index + inner[1]!.length);
    // a subject with figures or a 的-clause (其中…19个市级重点项目完成投资) is a part of something: not read
    if (/[\d的]/.test(subject.replace(/“[^”]*”/g, 'X'))) return { indicator: '', verb: null };
    indicator = subject + object;
    if (!verb) verb = 'level';
  }
  if (/占/.test(indicator) && !verb) verb = 'share';
  return { indicator: indicator.replace(LEADING, ''), verb };
}

/** Endings of phrases that name a measured quantity (a bare list item must end in one to share a predicate). */
const QUANTITY_SUFFIX =
  /(?:值|额|率|幅|数|量|收入|投资|利润|营收|指数|占比|比重|支出|税收|游客|消费|成本|价值|水平|强度|规模|面积|产量|就业|人口|度|资金|产值|种植|贷款|客运量|运输量|比例|投入|增速)$/;

/** Verbs that make a phrase name a flow of counted things (新增规上工业企业7家, 引进青年人才300人). */
const FLOW_VERB =
  /(?:新增|新培育|培育|引进|招引|新建|建成|建设|创建|打造|实施|开工|新开工|改造|新认证|认证|新申报|申报|授权|获授权|接待|组客|引种|新发展|开发|治理|启动|投产|新投产|签约|入驻|培养|柔性引进|完成|评选|举办|办好|改厕|归集)/;

/** Generic words that name no indicator by themselves; their key is qualified by the topic. */
const GENERIC = new Set(['金额', '投资', '产值', '增加值', '总产值', '收入', '总额', '占比', '比重', '营收', '利润', '资金', '产量', '规模', '治理', '项目', '企业']);
export const isGeneric = (indicator: string): boolean => GENERIC.has(indicator);

/** Prepositional openings of a phrase that is a circumstance, not an indicator. */
const NOT_INDICATOR_START = /^(?:按|通过|围绕|依托|对|在|以|把|将|从|与|和|向外)/;

/**
 * Whether `indicator` may be stored as the name of what a figure measures. Conservative: a
 * phrase naming a quantity (…值/额/率/收入/投资…), or a counted thing after a flow verb
 * (新增…企业, 引进…人才) for count units. No digits, lists, 的-clauses or circumstances.
 */
export function acceptableIndicator(indicator: string, unit: string, verbLed = false, change = false): boolean {
  if (indicator.length < 2 || indicator.length > 20) return false;
  // a verb with nothing or a generic word after it (已开工4个, 启动治理5个, 获授权30件) names nothing
  const noun = indicator.replace(new RegExp(FLOW_VERB.source, 'g'), '').replace(/^已/, '');
  if (noun.length < 2 || (noun !== indicator && /^(?:治理|投资|资金|产值|收入)$/.test(noun))) return false;
  if (/[\d、，,：；的等]/.test(indicator.replace(/“[^”]*”/g, 'X'))) return false;
  if (NOT_INDICATOR_START.test(indicator) || /(?:后|前|时|以来|期间)$/.test(indicator)) return false;
  if (/增加(?!值)|增长|提高|提升|下降|降低/.test(indicator)) return false;
  if (QUANTITY_SUFFIX.test(indicator)) return true;
  if (change && unit === '%') return true; // 有效注册商标增长7%以上: what grows is named by the phrase
  if (isCountUnit(unit) || unit === '亩' || unit === '万亩' || unit === '公里' || unit === '万人次' || unit === '万人') {
    return verbLed || FLOW_VERB.test(indicator);
  }
  return false;
}

/** Whether a bare list item (before 分别/均 or sharing one predicate) names a quantity by itself. */
export const namesQuantity = (item: string): boolean => QUANTITY_SUFFIX.test(item) && item.length >= 2;

const SYNONYMS: Array<[RegExp, string]> = [
  [/规模以上/g, '规上'],
  [/限额以上/g, '限上'],
  [/社会消费品零售总额/g, '社零总额'],
  [/居民消费价格指数/g, '居民消费价格'],
  [/GDP/gi, '地区生产总值'],
  [/R&D/gi, '研发'],
  [/同比/g, ''],
];

/**
 * Join key of an indicator: 规上工业增加值 and 规模以上工业增加值 are one indicator, as are
 * 社会消费品零售总额 and 社零总额, 城镇新增就业 and 新增城镇就业. Full-width letters and digits
 * are folded; leading 全区/全年/我区 dropped; quotes and whitespace removed.
 *
 * Deliberately NOT joined: 工业增加值 and 规上工业增加值 — different statistical scopes, and the
 * 2023 Wulong report sets both (工业增加值 7%, 规上工业增加值 5.5%) in one report.
 */
export function indicatorKey(indicator: string): string {
  let k = indicator.normalize('NFKC').replace(/\s+/g, '').replace(/[“”"'‘’「」]/g, '');
  k = k.replace(/^(?:全区|全年|我区)+/, '');
  for (const [re, to] of SYNONYMS) k = k.replace(re, to);
  k = k.replace(/^(城镇|农村|城乡)新增/, '新增$1');
  return k;
}
