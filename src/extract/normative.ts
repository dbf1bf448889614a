/**
 * Is a document a 规范性文件 (an administrative normative document binding the public, subject to
 * the annual 清理 and the 现行有效/失效 library), or an internal/one-off paper (a 批复, a personnel
 * notice, a 报告)? The portal's 规范性文件库 and the cleanup report's "no validity clause" list
 * depend on it.
 *
 * CONTRACT (shared by src/store, src/status, src/server): the names below are fixed; optional
 * fields may be added.
 *
 * The test is the State Council's definition (国办发〔2018〕37号): a 公文 made by an administrative
 * organ within its powers, publicly released, that touches the rights and obligations of citizens,
 * legal persons and other organisations, binds generally and applies repeatedly for a period. The
 * evidence, in the order it is weighed:
 *
 * 1. Exclusions, whatever else the document says: 报告/批复/函/纪要/请示; personnel and leaders'
 *    division of work; setting up or adjusting a 领导小组/指挥部/联席会议 (internal bodies);
 *    工作要点/任务分工/目标任务/事项目录 (internal work lists); one-off or single-year work (a year
 *    in the title, 普查, 春运, 专项整治/攻坚/排查整治 campaigns); 转发 of another body's document
 *    (the forwarded instrument is that body's); 应急预案 (the government's own response
 *    organisation); 表彰.
 * 2. Repeal decisions: normative when they repeal 规范性文件 (making, amending and repealing a
 *    规范性文件 follow the same procedure — 武隆府发〔2021〕11号, 〔2023〕16号, 〔2024〕13号);
 *    a decision repealing ordinary 区政府文件 is not (武隆府发〔2021〕10号 was issued the same day
 *    as 11号 precisely to keep the two apart). A repeal decision exhausts itself on taking effect:
 *    `repealDecision` tells the cleanup not to expect a validity clause from it.
 * 3. Rule-shaped instruments: the document calls itself 规范性文件 or prints a 登记号; it issues a
 *    办法/规定/细则/规则/标准; it is an 通告/公告 imposing prohibitions; its 文种 is 意见 or 决定.
 * 4. Plans (方案/计划/措施…) and plain notices: normative only when they set something for the
 *    public themselves — an own entry-into-force clause (the drafting mark of an instrument meant
 *    to apply), concrete entitlements (补助…N万元), or repeated prohibitions/obligations (不得,
 *    禁止, 应当…). A plan that assigns tasks to 牵头单位/责任单位 and restates policies made
 *    elsewhere is a work deployment, not a rule.
 *
 * The 文号 series is recorded as context (武隆府发/武隆府办发 carry the district's normative
 * documents; 武隆府办/武隆府函/武隆府办函 are routine series) and decides only plans in a routine
 * series, which need a rule-shaped instrument (3) to count.
 */
import type { OfficialDocument } from '../domain/types.js';
import { toSimplified } from '../ingest/traditional.js';
import { compact } from './text.js';
import { findValidity } from './validity.js';

export interface NormativeJudgement {
  readonly normative: boolean;
  /** Why, in words a clerk can check: 文种 通知 with 印发…办法; has 有效期 clause; … */
  readonly reasons: string[];
  /**
   * Set on a normative decision whose whole content is repealing other 规范性文件: it takes effect
   * once and leaves nothing to apply or to expire, so no 有效期 is expected of it.
   */
  readonly repealDecision?: boolean;
}

/** One exclusion rule: a pattern over the simplified title (or body), and the reason it gives. */
interface Rule {
  readonly re: RegExp;
  readonly reason: (m: RegExpExecArray) => string;
}

const NON_NORMATIVE_KINDS = new Set(['报告', '批复', '函', '纪要', '请示', '议案', '通报']);

const TITLE_EXCLUSIONS: readonly Rule[] = [
  { re: /任命|任免|免去|职务的通知|领导同志工作分工|工作分工的通知/, reason: (m) => `人事任免或领导分工（标题含“${m[0]}”），不涉及公民、法人权利义务` },
  { re: /(?:成立|调整|设立|撤销|建立)[^的]*?(领导小组|工作小组|协调小组|指挥部|委员会|联席会议制度|联席会议|工作站|专班)/, reason: (m) => `设立或调整议事协调、工作机构（${m[1]}），属内部机构事项` },
  { re: /政府工作报告/, reason: () => '政府工作报告：人民代表大会审议通过的施政报告，不是行政机关制定的规则' },
  { re: /工作要点|任务分工|职责分工|任务分解|目标任务|重点任务|事项目录/, reason: (m) => `内部工作安排（标题含“${m[0]}”），不为公众设定权利义务` },
  { re: /转发/, reason: () => '转发其他机关的文件：所转发的规范性内容属原制定机关' },
  { re: /应急预案/, reason: () => '应急预案：规定政府及部门的应急组织和处置程序，不为公众设定普遍的权利义务' },
  { re: /表彰|表扬|通报批评|嘉奖/, reason: (m) => `表彰奖惩（标题含“${m[0]}”），针对特定对象` },
  { re: /普查|春运|对口协同|专项整治|整治攻坚|攻坚行动|排查整治|除险清患|整改提升/, reason: (m) => `一次性工作或专项行动（标题含“${m[0]}”），不在一定期限内反复适用` },
  // A single year (2023年, 2021年度) but not a period (2024—2026年, 十四五).
  { re: /(?<![—\-－~～至到])((?:19|20)\d\d)年度?(?![—\-－~～至到])/, reason: (m) => `限于${m[1]}年的当年工作（标题含“${m[0]}”），不在一定期限内反复适用` },
];

const RULE_INSTRUMENT = /(办法|规定|细则|规则|标准|规程|准则)(?:（[^）]*）)?(?:的通知|的决定|$)/;
const SELF_LABEL = /本(?:办法|规定|细则|通告|决定|意见|通知)(?:为|属于?)?规范性文件|规范性文件(?:统一)?登记号|[A-Z]{2,}(?:DR|GF)〔\d{4}〕\d+号/;
/** 补助资金8万元, 按照平均100万元的标准给予奖补, 奖励5万元. */
const ENTITLEMENT = /(?:补助|补贴|奖励|奖补|资助|津贴)[^。；，]{0,12}?\d+(?:\.\d+)?万?元|\d+(?:\.\d+)?万?元(?:的标准)?(?:给予|予以)?(?:一次性)?(?:补助|补贴|奖励|奖补|资助)/;
const OBLIGATION = /不得|禁止|严禁|应当|必须/g;
const ROUTINE_SERIES = /^[^〔]*?(府办|府函|府办函)〔/;
const NORMATIVE_SERIES = /^[^〔]*?(府发|府办发)〔/;

/** Pure: judge one document from its title, 文种, 文号, 附注 and body. */
export function classifyNormative(doc: OfficialDocument): NormativeJudgement {
  const title = compact(toSimplified(doc.title));
  const body = compact(doc.simplifiedText ?? toSimplified(doc.text));
  const kind = doc.kind;
  const series = seriesNote(doc.docNumber);
  const no = (...reasons: string[]): NormativeJudgement => ({ normative: false, reasons: [...reasons, ...series] });
  const yes = (...reasons: string[]): NormativeJudgement => ({ normative: true, reasons: [...reasons, ...publicityNote(doc), ...series] });

  if (kind !== null && NON_NORMATIVE_KINDS.has(kind)) return no(`文种为${kind}，不是对外设定规则的公文`);
  if (!doc.docNumber && kind === null) return no('无文号、无文种，不是以公文形式发布的文件');

  // Repeal decisions, before the title exclusions (their titles name other documents).
  if (/^.*?关于(?:废止|宣布失效|废止和宣布失效)[^》]*的决定$/.test(title)) {
    if (/规范性文件/.test(title)) return { ...yes('废止规范性文件的决定：规范性文件的废止与制定适用同一程序，决定本身按规范性文件管理'), repealDecision: true };
    return no('废止一般文件的决定：标题称“区政府文件”而非“规范性文件”，所废止的不是规范性文件（对照同日的武隆府发〔2021〕10号与11号）');
  }

  const label = SELF_LABEL.exec(body);
  if (label) return yes(`文件自称规范性文件或载有登记号（“${label[0]}”）`);

  for (const rule of TITLE_EXCLUSIONS) {
    const m = rule.re.exec(title);
    if (m) return no(rule.reason(m));
  }

  const validity = findValidity(doc);
  const ownClause = validity && validity.trigger !== null ? `载明施行日期（“${firstSentence(validity.quote)}”）` : null;
  const lapses = validity && validity.expiresOn !== null ? `载明有效期（至${validity.expiresOn}）` : null;
  const support = [ownClause, lapses].filter((s): s is string => s !== null);

  const instrument = RULE_INSTRUMENT.exec(title);
  if (instrument) return yes(`印发或制定${instrument[1]}，以条文为公民、法人和其他组织设定规则`, ...support);
  const obligations = body.match(OBLIGATION)?.length ?? 0;
  if (kind === '通告' || kind === '公告') {
    if (obligations > 0) return yes(`文种为${kind}，直接向社会公众规定禁止或应当遵守的事项`, ...support);
    return no(`文种为${kind}，但未为公众设定义务（告知性）`);
  }
  if (kind === '意见' || kind === '决定') return yes(`文种为${kind}，面向社会发布、在一定期限内指导和约束有关单位与企业`, ...support);

  // Plans and plain notices: normative only when they set something for the public themselves.
  const entitlement = ENTITLEMENT.exec(body);
  const evidence = [
    ...support,
    ...(entitlement ? [`规定具体的补助或奖励（“${entitlement[0]}”）`] : []),
    ...(obligations >= 5 ? [`多处设定义务或禁止（不得/禁止/应当…共${obligations}处）`] : []),
  ];
  if (evidence.length > 0 && doc.docNumber && ROUTINE_SERIES.test(doc.docNumber)) {
    return no('常规文号系列中的工作方案或通知，未以办法、规定等规范形式发布', ...evidence.map((e) => `（另有：${e}）`));
  }
  if (evidence.length > 0 && doc.publicity !== '此件不予公开') return yes('方案或通知本身为公众设定权利义务并反复适用', ...evidence);
  const tasks = (body.match(/牵头单位|责任单位|配合单位/g) ?? []).length;
  return no(
    tasks > 0
      ? `工作部署：向${tasks}处牵头/责任单位分派任务，未为公民、法人设定权利义务`
      : '工作部署或告知：既无自身的施行条款，也无具体补助奖励或成体系的义务、禁止规定',
  );
}

function firstSentence(quote: string): string {
  const end = quote.search(/[。；，]/);
  return end < 0 ? quote : quote.slice(0, end) + (quote[end] === '。' ? '。' : '');
}

function seriesNote(docNumber: string | null): string[] {
  if (!docNumber) return ['无文号'];
  const n = NORMATIVE_SERIES.exec(docNumber);
  if (n) return [`文号系列${n[1]}（规范性文件通常所在的系列）`];
  const r = ROUTINE_SERIES.exec(docNumber);
  if (r) return [`文号系列${r[1]}（常规事务系列）`];
  return [];
}

function publicityNote(doc: OfficialDocument): string[] {
  if (doc.publicity === '此件公开发布') return ['此件公开发布'];
  if (doc.publicity === null) return ['未见公开属性附注'];
  return [`附注“${doc.publicity}”：规范性文件应当公开发布，请核对`];
}
