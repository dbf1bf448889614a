/**
 * Line shapes of a document printed on its own (a web page, a reprint, a newspaper): titles that
 * end with a 文种 or a 规章 name, issuer-only lines, 文号 and 令 number lines (also damaged),
 * addressees, and the first line of 正文. Every test runs on a line's key: simplified characters,
 * pinyin glosses and whitespace removed, so traditional mirrors read the same way.
 */
import { normaliseDocNumber, parseOrderNumber, type OrderNumber } from '../domain/doc-number.js';
import type { DocKind } from '../domain/types.js';
import { headingMarker, kindOfTitle } from './markers.js';
import { signatureDate } from './page-dates.js';
import { stripPinyin, toSimplified } from './traditional.js';

export interface PageLine {
  /** Index into the page's lines. */
  readonly n: number;
  /** As printed (artefacts removed). */
  readonly text: string;
  /** Simplified, no pinyin glosses, no whitespace. */
  readonly key: string;
  /** As printed without pinyin glosses and whitespace: what titles and names are cut from. */
  readonly plain: string;
  /** Simplified, no pinyin glosses, runs of whitespace as one space (for one-line headers). */
  readonly spaced: string;
}

export function pageLine(n: number, text: string): PageLine {
  const stripped = stripPinyin(text);
  const simple = toSimplified(stripped);
  return { n, text, key: simple.replace(/[\s\u3000]+/g, ''), plain: stripped.replace(/[\s\u3000]+/g, ''), spaced: simple.replace(/[\s\u3000]+/g, ' ').trim() };
}

/** Names a 规章 or an internal rule carries instead of a 公文 文种. */
const RULE_NAMES = /(规定|办法|规则|条例|细则|方案|制度|要点|规划|纲要|章程|决议|解读|议事规则|工作规则|实施意见|若干意见|措施)$|^中华人民共和国.{2,30}法$|^(文字|图文|政策)?解读《.+》$/;

/** The 文种 of a title: one of the fifteen, else null (规章 names are titles without a 文种). */
export function titleKind(key: string): DocKind | null {
  return kindOfTitle(key);
}

/** A piece of a title: no sentence punctuation, not a heading, not a date, short. */
export function isTitlePiece(key: string): boolean {
  if (docNumberOfLine(key) || orderOfLine(key)) return false;
  return key.length >= 2 && key.length <= 100 && !/[：:，,。；;！？!?<>|]/.test(key) && !headingMarker(key)
    && !signatureDate(key) && !/^(第[一二三四五六七八九十百\d]+[章条节]|根据|为了|为|按照|经|现将|请|各)/.test(key);
}

/** A complete title, or the last piece of one: it ends with a 文种 or a 规章 name. */
export function endsTitle(key: string): boolean {
  return isTitlePiece(key) && ((titleKind(key) !== null && key.length >= 4) || (RULE_NAMES.test(key) && key.length >= 6));
}

const ORGAN = /(人民政府|人民政府办公室|人民政府办公厅|办公室|办公厅|委员会|联合会|常委会|国务院|政府|公署|行署|法院|检察院|党组|党委|市委|县委|区委|省委|[部局厅署委院])$/;

/** A line that names only issuing bodies (惠州市人民政府; 财政部、司法部; 中共岳阳市委办公室). */
export function isIssuerLine(printed: string): boolean {
  // 甘肃省人民政府???? (a bad extraction), …等10部门 (a joint document's lead and count).
  const key = printed.replace(/[?？]+$/, '').replace(/等[\d一二三四五六七八九十]+个?(部门|单位)$/, '');
  if (key.length < 2 || key.length > 60 || !/^[\u4e00-\u9fa5、]+$/.test(key) || endsTitle(key)) return false;
  return key.split('、').every((p) => p.length >= 2 && ORGAN.test(p));
}

/** Drop a province in front of a city or county organ (江西省吉安市人民政府办公室 → 吉安市…). */
export function localIssuer(name: string): string {
  const m = /^[\u4e00-\u9fa5]{2,3}(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区)(.{2,}?(?:市|州|盟|县|区|地区).+)$/.exec(name);
  return m ? m[1]! : name;
}

/** A 文号 printed on its own line, bare or in brackets: the canonical form, or null. */
export function docNumberOfLine(key: string): string | null {
  const k = key.replace(/^[（(]/, '').replace(/[）)]$/, '');
  // 政府令〔2010〕第15号 is a 令 number, read by orderOfLine.
  if (k.length > 26 || /(令|公告)[〔\[［(（]/.test(k)) return null;
  return normaliseDocNumber(k);
}

/** A 文号 lost its closing bracket and 号 in extraction: 牟政办发〔201746 → 牟政办发〔2017〕46号. */
export function damagedDocNumber(key: string): string | null {
  const m = /^([\u4e00-\u9fa5]{2,10})[〔\[［(（]((?:19|20)\d\d)(\d{1,4})号?$/.exec(key);
  return m ? `${m[1]}〔${m[2]}〕${Number(m[3])}号` : null;
}

/** A 令 or 公告 number line; `next` completes 中华人民共和国国务院令 / 第238号 printed over two lines. */
export function orderOfLine(key: string, next?: string, spaced?: string): OrderNumber | null {
  // A title and its 令 on one line (广西壮族自治区土地整治办法 广西壮族自治区人民政府令 第116号).
  const segs = spaced?.split(' ') ?? [];
  for (let k = Math.max(0, segs.length - 2); segs.length > 1 && k < segs.length; k++) {
    const tail = parseOrderNumber(segs.slice(k).join(''));
    if (tail && tail.issuer.length <= 20) return tail;
  }
  const own = key.length <= 40 ? parseOrderNumber(key) : null;
  if (own) return own;
  if (next && /(令|公告)$/.test(key) && /^[（(]?第[\d一二三四五六七八九十百]+号[）)]?$/.test(next)) {
    return parseOrderNumber(key + next.replace(/[（()）]/g, ''));
  }
  return null;
}

/** The note under a 规章 title naming the 令 that promulgated it: （2012年10月12日国土资源部第55号令公布…）. */
export function promulgationNote(key: string): OrderNumber | null {
  const m = /^[（(]\d{4}年\d{1,2}月\d{1,2}日(.{2,40}?(?:令第?[\d]+号|第\d+号令))(?:公布|发布)/.exec(key);
  return m ? parseOrderNumber(m[1]!) : null;
}

/** 主送机关: a list of bodies ending with a colon. */
export function isAddressee(key: string): boolean {
  if (!/[：:]$/.test(key) || key.length > 150 || /[。；]/.test(key) || headingMarker(key)) return false;
  const parts = key.replace(/[：:]$/, '').split(/[，、,]/);
  if (parts.some((p) => p.length === 0 || p.length > 30) || /如下|^(为|根据|按照|经)/.test(key)) return false;
  return /^各/.test(key) || parts.length > 1 || /(单位|部门|政府|机关|委员会|办事处|公司|局|委|厅|处)$/.test(parts[0]!);
}

/** The promulgation sentence of a 令 or a 公告: 《…》已经…通过，现予公布. */
export function isPromulgation(key: string): boolean {
  // 《生猪屠宰管理条例》已经1997年12月12日 / 国务院第六十四次常务会议通过… (broken over lines)
  if (/^《[^》]+》([(（][^)）]*[)）])?(已经|业经|已由|已于)/.test(key)) return true;
  return /^(《.+》)?(已经|业经|已由|已于|\d{4}年\d{1,2}月\d{1,2}日).{0,60}(通过|同意|批准)/.test(key) && /(公布|发布|施行|印发)/.test(key);
}

const CHROME = /(浏览|阅读|来源[:：]|作者[:：]|时间[:：]|下载|字号|分享|打印|关闭|当前位置|您的位置|首页|发布时间|更新[:：])/;

/** The first line of 正文 for sure: an addressee, a promulgation, the first chapter or article. */
export function surelyOpensBody(l: PageLine): boolean {
  const k = l.key;
  if (isAddressee(k) || isPromulgation(k)) return true;
  // 第十一条 第二十一条 第三十一条 is a wiki's list of links, not an article.
  return /^(第[一二三四五六七八九十]+[章条]|[一二三四五六七八九十]+、)/.test(k) && !/^(第[一二三四五六七八九十百]+条)+$/.test(k);
}

/** The first line of 正文: as above, or a sentence. */
export function opensBody(l: PageLine): boolean {
  const k = l.key;
  if (surelyOpensBody(l)) return true;
  if (CHROME.test(k)) return false;
  return /[。；]/.test(k) || (/[，,]/.test(k) && k.length >= 30);
}
