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

/** Parse one 文号 written in any of the variants seen in extracted text; null when it is not one. */
export function parseDocNumber(input: string): DocNumber | null {
  const m = EXACT.exec(normaliseDocNumberText(input));
  if (!m) return null;
  return { agency: trimAgency(m[1]!), year: Number(m[2]), serial: Number(m[3]) };
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
const SCAN = new RegExp(
  `([\\u4e00-\\u9fa5](?:${WS}[\\u4e00-\\u9fa5]){0,11})${WS}[${OPEN}]${WS}((?:19|20|１９|２０)${WS}[\\d０-９]${WS}[\\d０-９])${WS}[${CLOSE}]${WS}第?${WS}([\\d０-９](?:${WS}[\\d０-９]){0,4})${WS}[号號]`,
  'g',
);

/** Every 文号 in a text, in order, with its position. */
export function findDocNumbers(text: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  for (const m of text.matchAll(SCAN)) {
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
