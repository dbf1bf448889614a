/**
 * Personal data in a document's text (the district's 政务公开 rules ask for 去标识化 before
 * publication): private persons' names beside a contact label, mobile and landline numbers,
 * 18-digit ID numbers (checksum verified), e-mail and QQ addresses, bank card numbers (Luhn).
 * Never a 文号, date, amount or postcode: numbers are read only in the shapes and places a phone,
 * ID or card is printed. A unit's phone printed as a public service line (110, 12345, 举报电话,
 * 服务热线, 区交通局：85613456, the masthead's 电话) is public and reported only when asked.
 * Pure: text in, findings with positions (UTF-16 offsets into the text as given) out.
 */
import { headName, isPersonName, UNIT_SUFFIX } from './privacy-names.js';
import { originalSpan, privacyView, type PrivacyView } from './privacy-view.js';

export const PERSONAL_KINDS = ['name', 'mobile', 'landline', 'id-number', 'email', 'qq', 'bank-card'] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

export interface Finding {
  readonly kind: PersonalKind;
  /** As printed (a line break inside stays). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A public service line (only with `includePublic`). */
  readonly public?: true;
}

export interface FindOptions {
  /** Also report public service lines (110, 举报电话, a unit's hotline), flagged `public`. */
  readonly includePublic?: boolean;
}

interface Hit {
  readonly kind: PersonalKind;
  readonly from: number;
  readonly to: number;
  readonly public: boolean;
}

const HAN = /[\u3400-\u9fff]/;
const NOT_WORD = '(?<![0-9A-Za-z@._-])';
// Not an amount: 15000000000元.
const MOBILE = /(?<![0-9A-Za-z@._-])1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z@]|元|万|亿)/g;
/** A landline with its area code needs no label: 023-77723209, （023）77723209, 023—77723209. */
const AREA_LANDLINE = new RegExp(`${NOT_WORD}(?:[（(]0\\d{2,3}[）)]|0\\d{2,3}[-—–－])\\d{7,8}(?![0-9A-Za-z@])`, 'g');
const ID_NUMBER = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const CARD = /(?<![0-9A-Za-z])(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?)(?![0-9A-Za-z])/g;
const QQ = /(?:QQ|qq|Qq)(?:号码|号|邮箱|邮|群号|群)?[：:]?(\d{5,11})(?![0-9A-Za-z@])/g;
const PHONE_LABEL = /(?:电话|手机|座机|传真|联系方式|热线|专线|tel|phone)(?:号码|号)?[：:]?/gi;
/** Numbers a phone label is followed by: landline (area code optional), mobile, or a service number. */
const LISTED_NUMBER = /^(?:[（(]?0\d{2,3}[）)]?[-—–－]?)?\d{7,8}(?!\d)|^1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)|^\d{3,6}(?!\d)/;
const LIST_SEPARATOR = /^(?:[，,、/]|或|和|及)/;
/** Words before a phone label that make it a public line. */
const PUBLIC_LINE = /(?:举报|投诉|监督|报警|服务|值班|公开|咨询|救援|急救|求助|便民|受理|抢险|火警|热线|专线|查询|办事)[^，。；;]{0,3}$/;
const ADDRESS_BLOCK = /地址|邮编|邮政编码/;
const NAME_LABEL = /(?:联系人员|联系人|联络人|联络员|经办人|负责人|责任人|填报人|报送人|对接人|承办人)[：:]/g;
const BANK_LABEL = /(?:卡号|账号|帐号|银行卡|账户|帐户|开户|收款)[^，。；]{0,8}$/;
const CODE_LABEL = /(?:代码|索引号|编号|编码|登记号|文号|证号)[^，。；]{0,8}$/;

/** Nothing to find without a digit, an @ or a name label (人：/员：): most blocks and cells. */
const MAY_HOLD = /[0-9０-９@＠]|[人员][\s\u3000]*[：:]/;

export function findPersonalData(text: string, opts: FindOptions = {}, view?: PrivacyView): Finding[] {
  if (view !== undefined || text.length < REMEMBER_FROM) return scan(text, opts, view);
  const pub = opts.includePublic ?? false;
  const hit = recent.find((r) => r.pub === pub && r.text === text);
  if (hit) return [...hit.found];
  const found = scan(text, opts);
  recent.unshift({ text, pub, found: [...found] });
  if (recent.length > 4) recent.pop();
  return found;
}

/**
 * The last few answers for whole texts: at ingest a document's text is read for the search feed,
 * the editors' review and the registers in turn. Short strings (table cells) are not kept.
 */
const REMEMBER_FROM = 1000;
const recent: Array<{ text: string; pub: boolean; found: Finding[] }> = [];

function scan(text: string, opts: FindOptions, view?: PrivacyView): Finding[] {
  if (!MAY_HOLD.test(text)) return [];
  const v = view ?? privacyView(text);
  const hits: Hit[] = [...emails(v.s), ...qqNumbers(v.s), ...labelledPhones(v.s), ...idNumbers(v.s), ...cards(v.s)];
  // Numbers read without a label count only where no labelled reading (public or not) claims them.
  const claimed = coverage(v.s.length, hits);
  for (const re of [MOBILE, AREA_LANDLINE]) {
    for (const m of v.s.matchAll(re)) {
      const h = { kind: re === MOBILE ? 'mobile' : 'landline', from: m.index, to: m.index + m[0].length, public: false } as const;
      if (!claimed(h)) hits.push(h);
    }
  }
  const names = labelledNames(v);
  hits.push(...names, ...namesBesidePhones(v, hits, coverage(v.s.length, names)), ...phonesAfterNames(v.s, names));
  return settle(hits)
    .filter((h) => opts.includePublic || !h.public)
    .map((h) => {
      const { start, end } = originalSpan(v, h.from, h.to);
      return { kind: h.kind, text: text.slice(start, end), start, end, ...(h.public ? { public: true as const } : {}) };
    });
}

/** Overlaps: the earliest, then the longest, wins (an ID number is not also a card). Linear after the sort. */
function settle(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.from - b.from || b.to - b.from - (a.to - a.from));
  const out: Hit[] = [];
  let end = 0;
  for (const h of sorted) {
    if (h.from < end) continue;
    out.push(h);
    end = h.to;
  }
  return out;
}

/** Does a span overlap one of these hits? One mark per character, so a text full of numbers stays linear. */
function coverage(length: number, hits: readonly Hit[]): (h: { from: number; to: number }) => boolean {
  const covered = new Uint8Array(length);
  for (const h of hits) covered.fill(1, h.from, h.to);
  return (h) => covered.subarray(h.from, h.to).includes(1);
}

/** Found from each @ outwards (a regex from every start would be quadratic on long ASCII runs). */
function emails(s: string): Hit[] {
  const out: Hit[] = [];
  for (let at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
    let from = at;
    while (from > 0 && /[A-Za-z0-9._%+-]/.test(s[from - 1]!)) from--;
    while (from < at && !/[A-Za-z0-9]/.test(s[from]!)) from++;
    let to = at + 1;
    while (to < s.length && /[A-Za-z0-9.-]/.test(s[to]!)) to++;
    while (to > at + 1 && !/[A-Za-z]/.test(s[to - 1]!)) to--;
    const domain = s.slice(at + 1, to);
    if (from === at || !/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) continue;
    // A unit's mailbox on a government domain is its public address.
    out.push({ kind: 'email', from, to, public: /(?:^|\.)gov\.cn$/i.test(domain) });
    at = to - 1;
  }
  return out;
}

function qqNumbers(s: string): Hit[] {
  // The pattern opens with an alternation, which V8 scans for at every position: a quarter of a
  // millisecond a document for a word most never print.
  if (s.indexOf('Q') < 0 && s.indexOf('q') < 0) return [];
  return [...s.matchAll(QQ)].map((m) => {
    const from = m.index + m[0].length - m[1]!.length;
    return { kind: 'qq' as const, from, to: from + m[1]!.length, public: false };
  });
}

/** 电话：110，77712037 / 联系方式：77723967 / 联系电话：区交通局：85613456 — each listed number, public or not. */
function labelledPhones(s: string): Hit[] {
  const out: Hit[] = [];
  for (const m of s.matchAll(PHONE_LABEL)) {
    const before = s.slice(Math.max(0, m.index - 12), m.index);
    const labelPublic = PUBLIC_LINE.test(before + m[0].replace(/[：:]$/, '')) || UNIT_SUFFIX.test(before) || addressBlock(s, m.index);
    let p = m.index + m[0].length;
    for (;;) {
      const rest = s.slice(p, p + 40);
      // A unit directory entry: 区交通局：85613456.
      const unit = /^([\u3400-\u9fff]{2,16}?)[：:]/.exec(rest);
      const unitLine = unit !== null && UNIT_SUFFIX.test(unit[1]!);
      const at = unitLine ? p + unit![0].length : p;
      const n = LISTED_NUMBER.exec(s.slice(at, at + 24));
      if (!n) break;
      const digits = n[0].replace(/\D/g, '');
      const kind = /^1[3-9]\d{9}$/.test(digits) ? 'mobile' : 'landline';
      // 3–6 digits: 110, 12345, 96xxx — a service number, never a person's.
      const service = digits.length <= 6;
      out.push({ kind, from: at, to: at + n[0].length, public: service || labelPublic || unitLine });
      p = at + n[0].length;
      const sep = LIST_SEPARATOR.exec(s.slice(p, p + 2));
      if (!sep) break;
      p += sep[0].length;
    }
  }
  return out;
}

/** The masthead's 地址…电话…邮编 block: the publisher's own line. */
function addressBlock(s: string, at: number): boolean {
  const around = s.slice(Math.max(0, at - 40), at + 40);
  return ADDRESS_BLOCK.test(around) && !/联系人|联络员|经办人/.test(around);
}

function idNumbers(s: string): Hit[] {
  return [...s.matchAll(ID_NUMBER)].filter((m) => idChecksumOk(m[0])).map((m) => ({ kind: 'id-number' as const, from: m.index, to: m.index + 18, public: false }));
}

/** GB 11643: the 18th character checks the first 17. */
export function idChecksumOk(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

export function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** A card number passes Luhn and is printed as one (a bank label, or a UnionPay 62… number), not as a code. */
function cards(s: string): Hit[] {
  const out: Hit[] = [];
  for (const m of s.matchAll(CARD)) {
    const digits = m[0].replace(/ /g, '');
    const before = s.slice(Math.max(0, m.index - 14), m.index);
    if (!luhnOk(digits) || CODE_LABEL.test(before)) continue;
    if (digits.length === 18 && idChecksumOk(digits)) continue;
    if (BANK_LABEL.test(before) || digits.startsWith('62')) out.push({ kind: 'bank-card', from: m.index, to: m.index + m[0].length, public: false });
  }
  return out;
}

/** 联系人：何小双；/ 联系人：李欣，/ 联络员：李琴涛 区科技局… / 联系人：张三、李四 */
function labelledNames(v: PrivacyView): Hit[] {
  const out: Hit[] = [];
  for (const m of v.s.matchAll(NAME_LABEL)) {
    let p = m.index + m[0].length;
    for (;;) {
      const at = personAt(v, p) ?? personAfterUnit(v, p);
      if (!at) break;
      const [from, name] = at;
      out.push({ kind: 'name', from, to: name, public: false });
      // 张三、李四 / 张三，李四 / 张三 李四: the next name, if one follows (联系电话 does not pass as one).
      const sep = /^[、/和及，,]/.test(v.s[name] ?? '') ? 1 : v.gap[name] ? 0 : -1;
      if (sep < 0) break;
      p = name + sep;
    }
  }
  return out;
}

/** [start, end) of the person's name at p, if one stands there. */
function personAt(v: PrivacyView, p: number): [number, number] | null {
  const end = nameAt(v, p);
  return end !== null && isPersonName(v.s.slice(p, end)) ? [p, end] : null;
}

/** 联系人：区发展改革委何小双 — the person after their unit's name. */
function personAfterUnit(v: PrivacyView, p: number): [number, number] | null {
  for (let j = p + 2; j <= p + 16 && j < v.s.length && HAN.test(v.s[j - 1]!); j++) {
    if (UNIT_SUFFIX.test(v.s.slice(p, j))) {
      const at = personAt(v, j);
      if (at) return at;
    }
  }
  return null;
}

/**
 * The end of the name starting at p: a run of Han characters up to a break, a post or a label
 * word. A letter-spaced name (李 欣) is one character between breaks.
 */
function nameAt(v: PrivacyView, p: number): number | null {
  let end = p;
  while (end < v.s.length && HAN.test(v.s[end]!) && end - p < 8) {
    if (end > p && v.gap[end] && !(end - p === 1 || letterSpaced(v, p, end))) break;
    end++;
  }
  if (end - p < 2) return null;
  return p + headName(v.s.slice(p, end)).length;
}

/** Every character so far stood alone between breaks: 李 琴 涛. */
function letterSpaced(v: PrivacyView, p: number, end: number): boolean {
  for (let i = p + 1; i <= end; i++) if (!v.gap[i]) return false;
  return true;
}

/** （张三，13800000000）/ 张三 电话：…: a name printed right before a private number. */
function namesBesidePhones(v: PrivacyView, found: readonly Hit[], named: (h: { from: number; to: number }) => boolean): Hit[] {
  const out: Hit[] = [];
  for (const h of found) {
    if (h.public || (h.kind !== 'mobile' && h.kind !== 'landline')) continue;
    // Step back over 电话： and one separator to where the name would end.
    const head = v.s.slice(Math.max(0, h.from - 12), h.from).replace(/[：:]$/, '').replace(/(?:联系电话|联系方式|电话|手机)$/, '').replace(/[，,：:]$/, '');
    const to = Math.max(0, h.from - 12) + head.length;
    for (const n of [3, 2]) {
      const from = to - n;
      if (from < 0 || ![...v.s.slice(from, to)].every((c) => HAN.test(c))) continue;
      const boundary = from === 0 || !HAN.test(v.s[from - 1]!) || v.gap[from];
      if (boundary && isPersonName(v.s.slice(from, to), true) && !named({ from, to })) {
        out.push({ kind: 'name', from, to, public: false });
        break;
      }
    }
  }
  return out;
}

/** 联系人：张三，77727458: a bare 7–8 digit number right after a name is that person's line. */
function phonesAfterNames(s: string, names: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const n of names) {
    const m = /^[，,：:（(]?(\d{7,8})(?!\d)/.exec(s.slice(n.to, n.to + 12));
    if (m) out.push({ kind: 'landline', from: n.to + m[0].length - m[1]!.length, to: n.to + m[0].length, public: false });
  }
  return out;
}
