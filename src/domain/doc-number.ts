/**
 * 发文字号 (文号): 机关代字〔年份〕序号号. The whole agency code is part of the identity —
 * 武隆府办发 and 武隆府办 are different series, 渝府办发 is not 武隆府办发.
 */
export interface DocNumber {
  /** 机关代字, e.g. 武隆府办发 */
  readonly agency: string;
  readonly year: number;
  readonly serial: number;
}

const FULLWIDTH_DIGITS = /[０-９]/g;
const OPEN = '〔\\[［(（【〖';
const CLOSE = '〕\\]］)）】〗';
/** Traditional forms seen in printed 文号 (辦/號 on traditional pages), for the characters looked up below. */
const TRAD: Record<string, string> = { 辦: '办', 號: '号', 發: '发', 區: '区', 國: '国', 務: '务' };

/** Words that end up glued before an agency code in running text and are never part of one. */
const LEADING_NOISE = ['上位文件', '根据', '依据', '按照', '参照', '对照', '贯彻', '落实', '印发', '转发', '详见', '参见', '以及', '精神', '要求', '规定', '和', '及', '与', '即', '是', '的', '见', '原', '文件', '通知', '号', '为', '将', '对', '经', '由', '已', '在'];

/** Normalise the characters that vary between editions and extractions. */
export function normaliseDocNumberText(s: string): string {
  return s
    .replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[辦號發區國務]/g, (c) => TRAD[c] ?? c)
    .replace(/\s+/g, '');
}

// Agency: 1–12 CJK characters (some codes carry a letter or digit-free suffix); year: 4 digits; serial: digits.
const CORE = `([\\u4e00-\\u9fa5]{1,12})[${OPEN}]\\s*((?:19|20)\\d\\d)\\s*[${CLOSE}]\\s*第?\\s*(\\d{1,5})\\s*号`;
const EXACT = new RegExp(`^${CORE}$`);

function trimAgency(agency: string): string {
  let a = agency;
  let changed = true;
  while (changed && a.length > 1) {
    changed = false;
    for (const w of LEADING_NOISE) {
      if (a.startsWith(w) && a.length > w.length + 1) {
        a = a.slice(w.length);
        changed = true;
      }
    }
  }
  return a;
}

// Before the 1990s the year came first, in two digits: (78)交公路字412号.
const OLD_STYLE = new RegExp(`^[${OPEN}]([5-9]\\d)[${CLOSE}]([\\u4e00-\\u9fa5]{1,12})第?(\\d{1,5})号$`);

/** Parse one 文号 written in any of the variants seen in extracted text; null when it is not one. */
export function parseDocNumber(input: string): DocNumber | null {
  const text = normaliseDocNumberText(input);
  const m = EXACT.exec(text);
  if (m) return { agency: trimAgency(m[1]!), year: Number(m[2]), serial: Number(m[3]) };
  const old = OLD_STYLE.exec(text);
  return old ? { agency: old[2]!, year: 1900 + Number(old[1]), serial: Number(old[3]) } : null;
}

/** Canonical printed form, used as the document key: 武隆府办发〔2024〕17号. */
export function formatDocNumber(n: DocNumber): string {
  return `${n.agency}〔${n.year}〕${n.serial}号`;
}

/** Parse and print canonically; null when the input is not a 文号. */
export function normaliseDocNumber(input: string): string | null {
  const n = parseDocNumber(input);
  return n ? formatDocNumber(n) : null;
}

export function sameDocNumber(a: DocNumber, b: DocNumber): boolean {
  return a.agency === b.agency && a.year === b.year && a.serial === b.serial;
}

export interface DocNumberMatch {
  readonly docNumber: DocNumber;
  /** The characters as printed (before normalisation). */
  readonly raw: string;
  /** Offsets into the searched text, covering `raw`. */
  readonly start: number;
  readonly end: number;
}

// For scanning running text: whitespace (line breaks from narrow columns) may sit anywhere inside.
const WS = '[\\s\\u3000]*';
/** Every 文号 of running text (exported for the test that findDocNumbers matches as it would from every character). */
export const SCAN = new RegExp(
  `([\\u4e00-\\u9fa5](?:${WS}[\\u4e00-\\u9fa5]){0,11})${WS}[${OPEN}]${WS}((?:19|20|１９|２０)${WS}[\\d０-９]${WS}[\\d０-９])${WS}[${CLOSE}]${WS}第?${WS}([\\d０-９](?:${WS}[\\d０-９]){0,4})${WS}[号號]`,
  'g',
);

// What every match holds: an opening bracket before a year. Found first, it tells where SCAN can start.
const BRACKET_YEAR = new RegExp(`[${OPEN}]${WS}(?:19|20|１９|２０)`, 'g');
const AT = new RegExp(SCAN.source, 'y');
const HAN = /[\u4e00-\u9fa5]/;
const SPACE = /[\s\u3000]/;

/**
 * SCAN's matches, tried only from the characters before each bracket-and-year: the agency is at
 * most twelve characters (with whitespace) before its bracket, so no match starts earlier, and
 * none spans another bracket. SCAN from every character tried twelve characters ahead at each.
 */
function* scanMatches(text: string): Generator<RegExpExecArray> {
  for (let pos = 0; pos < text.length; ) {
    BRACKET_YEAR.lastIndex = pos;
    const b = BRACKET_YEAR.exec(text);
    if (b === null) return;
    let from = b.index;
    for (let han = 0; from > pos; from--) {
      const c = text[from - 1]!;
      if (HAN.test(c)) {
        if (han++ === 12) break;
      } else if (!SPACE.test(c)) break;
    }
    let m: RegExpExecArray | null = null;
    for (let at = from; at < b.index && m === null; at++) {
      AT.lastIndex = at;
      m = AT.exec(text);
    }
    if (m === null) {
      pos = b.index + 1;
      continue;
    }
    yield m;
    pos = m.index + m[0].length;
  }
}

/** Every 文号 in a text, in order, with its position. */
export function findDocNumbers(text: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  for (const m of scanMatches(text)) {
    const rawAgency = m[1]!.replace(/\s+/g, '');
    const agency = trimAgency(normaliseDocNumberText(rawAgency));
    // Recompute where the trimmed agency starts so `raw` is exactly the 文号.
    let start = m.index!;
    let skip = rawAgency.length - agency.length;
    while (skip > 0) {
      if (!/\s/.test(text[start]!)) skip--;
      start++;
    }
    while (/\s/.test(text[start]!)) start++;
    const end = m.index! + m[0].length;
    const year = Number(normaliseDocNumberText(m[2]!));
    const serial = Number(normaliseDocNumberText(m[3]!));
    out.push({ docNumber: { agency, year, serial }, raw: text.slice(start, end), start, end });
  }
  return out;
}

/**
 * Near spellings of a 文号 that listings print for the same document: the 主要文件目录 of 003_
 * gives 武隆府办发〔2023〕11号 for a document printed as 武隆府办〔2023〕11号. Only the trailing 发 of
 * the agency differs; they are different series, so a match is offered with a note, never merged.
 */
export function nearDocNumbers(n: DocNumber): DocNumber[] {
  const other = n.agency.endsWith('发') ? n.agency.slice(0, -1) : `${n.agency}发`;
  return other.length > 0 ? [{ ...n, agency: other }] : [];
}

/**
 * Order of 文号 as a clerk files them: by agency, then year, then serial as numbers
 * (〔2023〕8号 before 〔2023〕13号); text that is not a 文号 sorts after, as text.
 */
export function compareDocNumbers(a: string | null, b: string | null): number {
  const pa = a ? parseDocNumber(a) : null;
  const pb = b ? parseDocNumber(b) : null;
  if (pa && pb) return pa.agency.localeCompare(pb.agency, 'zh-CN') || pa.year - pb.year || pa.serial - pb.serial;
  if (pa || pb) return pa ? -1 : 1;
  return (a ?? '').localeCompare(b ?? '', 'zh-CN');
}

/**
 * 令 numbers identify 规章 and 行政法规, which carry no 文号: 上海市人民政府令第84号,
 * 国务院令第238号, 广西壮族自治区人民政府令2016年第116号, 国土资源部第55号令, 公告 of a
 * standing committee (…常务委员会公告第28号). `issuer` is what is printed before 令; it may be
 * short (渝府, 省政府, 政府) or empty when the header prints 第84号 alone: resolveOrderIssuer
 * completes it from the document's own issuer.
 */
export interface OrderNumber {
  readonly issuer: string;
  readonly form: '令' | '公告';
  readonly year: number | null;
  readonly serial: number;
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一百四十三 → 143 (the serials printed in words: 主席令第三十七号). */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇○一二三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in CN_DIGIT) digit = CN_DIGIT[c]!;
    else {
      const unit = c === '十' ? 10 : c === '百' ? 100 : 1000;
      total += (digit || 1) * unit;
      digit = 0;
    }
  }
  return total + digit;
}

const ORDER_PREFIX = /^中华人民共和国(?=国务院|主席)/;
const SERIAL = '([\\d零〇○一二三四五六七八九十百]{1,8})';
const ORDER_FORMS: RegExp[] = [
  // 上海市人民政府令第84号 · 政府令〔2010〕第15号 · …令2016年第116号 · 主席令（九届第37号） · 渝府令第 121 号
  new RegExp(`^(.{0,30}?)(令|公告)[〔(\\[]?((?:19|20)\\d\\d)?[〕)\\]]?年?[(]?(?:[一二三四五六七八九十]+届)?第${SERIAL}号[)]?$`),
  // 国土资源部第55号令 · 建设部〔2007〕第162号令
  new RegExp(`^(.{1,30}?)(?:[〔\\[]((?:19|20)\\d\\d)[〕\\]])?第${SERIAL}号(令)$`),
];

/** Parse a 令／公告 number as printed (one line, spacing and bracket width ignored). */
export function parseOrderNumber(input: string): OrderNumber | null {
  const s = normaliseDocNumberText(input).replace(/[（【]/g, '(').replace(/[）】]/g, ')').replace(/[［]/g, '[').replace(/[］]/g, ']');
  let m = ORDER_FORMS[0]!.exec(s);
  if (m) {
    const serial = chineseNumber(m[4]!);
    if (serial === null || /[，。；：、()《》]/.test(m[1]!)) return null;
    return { issuer: m[1]!.replace(ORDER_PREFIX, ''), form: m[2] as '令' | '公告', year: m[3] ? Number(m[3]) : null, serial };
  }
  m = ORDER_FORMS[1]!.exec(s);
  if (m) {
    const serial = chineseNumber(m[3]!);
    if (serial === null || /[，。；：、()《》]/.test(m[1]!)) return null;
    return { issuer: m[1]!.replace(ORDER_PREFIX, ''), form: '令', year: m[2] ? Number(m[2]) : null, serial };
  }
  return null;
}

export function formatOrderNumber(n: OrderNumber): string {
  return `${n.issuer}${n.form}${n.year ? `〔${n.year}〕` : ''}第${n.serial}号`;
}

/** An organ's full name, not an abbreviation (渝府, 省政府) or a bare 政府. */
function isFullIssuer(s: string): boolean {
  if (s === '国务院' || s === '主席') return true;
  return s.length >= 3 && !/^(省|市|县|区|州|盟|旗)?政府$/.test(s) && /(人民政府|国务院|主席|部|委员会|总局|局|署|院|行|办公厅|办公室)$/.test(s);
}

/** Complete a short or missing 令 issuer with the issuing organ's full name (上海市人民政府). */
export function resolveOrderIssuer(n: OrderNumber, issuer: string | null): OrderNumber {
  if (isFullIssuer(n.issuer) || !issuer) return n;
  return { ...n, issuer: issuer.replace(ORDER_PREFIX, '') };
}

/** Canonical 令 number; null when the input is not one. */
export function normaliseOrderNumber(input: string): string | null {
  const n = parseOrderNumber(input);
  return n ? formatOrderNumber(n) : null;
}

/**
 * The identifier of a document whichever kind it carries: its canonical 文号, else its canonical
 * 令 number; null when the text is neither.
 */
export function normaliseIdentifier(input: string): string | null {
  // 河北省人民政府令〔2010〕第15号 reads as a 文号 too: a 令 or 公告 before 第N号 decides.
  if (/(令|公告)\s*([〔\[［(（]\s*\d{4}\s*[〕\]］)）])?\s*第/.test(input)) return normaliseOrderNumber(input) ?? normaliseDocNumber(input);
  return normaliseDocNumber(input) ?? normaliseOrderNumber(input);
}

/**
 * Keys to look a document up by: the canonical identifier, and for a 令 number printed with its
 * year (河北省人民政府令〔2010〕第15号) also the form without it — a repeal list may cite it so.
 */
export function identifierKeys(input: string): string[] {
  const id = normaliseIdentifier(input);
  if (!id) return [];
  const yearless = id.replace(/(令|公告)〔\d{4}〕第/, '$1第');
  return yearless === id ? [id] : [id, yearless];
}
