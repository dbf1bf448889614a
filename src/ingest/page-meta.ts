/**
 * The metadata block a government site prints above a document (索引号 / 发文机关 / 文号 /
 * 成文日期 / 发布日期 / 有效性 / 废止时间…), and the `label：value` lines an HTML adapter
 * emits from a page's metadata table: read as declared facts, never as a second document.
 * Forms seen: `文号：…` (any colon), several pairs on one line, `• 发文字号:` with the value on a
 * later line, a label alone on its line above its value, `| 索引号: | … |` tables, `【发布文号】…`,
 * labels letter-spaced (文  号) or in traditional characters (發文字號), glued (发文机关国务院办公厅).
 */
import { looseDate } from './page-dates.js';
import { stripPinyin, toSimplified } from './traditional.js';

export interface PageFacts {
  docNumber?: string;
  title?: string;
  issuer?: string;
  /** 成文日期. */
  writtenDate?: string;
  /** 发文日期 / 生成日期: a site's date of issue, the 成文日期 when the document prints none. */
  issuedDate?: string;
  publishedDate?: string;
  validity?: string;
  effectiveDate?: string;
  repealDate?: string;
  indexNumber?: string;
}

type Key = keyof PageFacts | 'other';

const LABELS: Array<[string, Key]> = [
  ['发文字号', 'docNumber'], ['发布文号', 'docNumber'], ['文件编号', 'docNumber'], ['文号', 'docNumber'],
  ['文件名称', 'title'], ['信息名称', 'title'], ['名称', 'title'], ['标题', 'title'],
  ['发布机构', 'issuer'], ['发文机构', 'issuer'], ['发文机关', 'issuer'], ['发文单位', 'issuer'], ['发布部门', 'issuer'], ['制发机关', 'issuer'],
  ['成文日期', 'writtenDate'], ['发文日期', 'issuedDate'], ['生成日期', 'issuedDate'], ['产生日期', 'issuedDate'],
  ['发布日期', 'publishedDate'], ['公开日期', 'publishedDate'], ['发布时间', 'publishedDate'],
  ['有效性', 'validity'], ['时效性', 'validity'], ['文件状态', 'validity'], ['效力状态', 'validity'],
  ['生效时间', 'effectiveDate'], ['生效日期', 'effectiveDate'], ['实施日期', 'effectiveDate'], ['施行日期', 'effectiveDate'],
  ['废止时间', 'repealDate'], ['废止日期', 'repealDate'], ['失效日期', 'repealDate'], ['失效时间', 'repealDate'],
  ['索引号', 'indexNumber'],
  ...['主题分类', '信息分类', '组配分类', '体裁分类', '公文目录', '公开目录', '公文种类', '主题词', '关键词', '信息来源', '文件来源', '来源',
    '公开方式', '公开时限', '统一编号', '内容概述', '浏览次数', '所属类别', '效力级别', '中央/地方', '分类'].map((l): [string, Key] => [l, 'other']),
];

// Longest first; letters may be spaced out (文  号, 索 引 号).
const LABEL_SRC = [...LABELS].sort((a, b) => b[0].length - a[0].length).map(([l]) => [...l].map((c) => c.replace('/', '\\/')).join('[ \\u3000]*')).join('|');
const LABEL_AT_START = new RegExp(`^[\\s\\u3000•·\\-—|｜【\\[]*(${LABEL_SRC})[ \\u3000]*([:：|｜】\\]])?`);
const LABEL_ANYWHERE = new RegExp(`(?:^|[\\s\\u3000|｜【\\[]+)(${LABEL_SRC})(?:[ \\u3000]*[:：|｜】\\]]|(?=[ \\u3000]))`, 'g');
/** Labels strong enough to be read glued to their value (发文机关国务院办公厅) at a line start. */
const GLUED = /^(发文机关|发文日期|时效性|发文字号|施行日期|效力级别|成文日期|索引号)/;

const keyOf = (label: string): Key => {
  const l = label.replace(/[\s\u3000]+/g, '');
  return LABELS.find(([x]) => x === l)?.[1] ?? 'other';
};

const clean = (v: string): string => v.replace(/^[\s\u3000:：|｜】\]]+/, '').replace(/[\s\u3000|｜【\[]+$/, '').trim();

export interface MetaBlock {
  readonly facts: PageFacts;
  /** Indices of the lines the block took (label lines and the value lines under them). */
  readonly lines: ReadonlySet<number>;
}

function store(facts: PageFacts, key: Key, value: string): void {
  const v = clean(value);
  if (key === 'other' || v === '' || facts[key] !== undefined) return;
  if (key === 'writtenDate' || key === 'issuedDate' || key === 'publishedDate' || key === 'effectiveDate' || key === 'repealDate') {
    const d = looseDate(v);
    if (d) facts[key] = d;
    return;
  }
  if (key === 'title') {
    facts.title = v.replace(/^【[^】]{1,6}】/, '');
    return;
  }
  facts[key] = v;
}

/** Split one line into label/value pairs; null when it does not open with a label. */
function pairs(printed: string): Array<[Key, string, string]> | null {
  const line = stripPinyin(printed);
  const s = toSimplified(line);
  const start = LABEL_AT_START.exec(s);
  if (!start) return null;
  // Without a separator a label is only taken glued to a value when it is a strong one.
  const hits = [...s.matchAll(LABEL_ANYWHERE)].filter((h) => h.index! >= start[0].length);
  // Without a separator a label is taken only glued to its value when it is a strong one, or in a
  // space-separated table (索引号 001008… 主题分类 综合类).
  const spaced = hits.length > 0;
  if (!start[2] && !GLUED.test(start[1]!.replace(/[\s\u3000]+/g, '')) && !spaced && s.slice(start[0].length).trim() !== '') return null;
  const out: Array<[Key, string, string]> = [];
  const first = { index: 0, end: start[0].length, label: start[1]! };
  const marks = [first, ...hits.map((h) => ({ index: h.index!, end: h.index! + h[0].length, label: h[1]! }))];
  marks.forEach((m, k) => {
    const to = k + 1 < marks.length ? marks[k + 1]!.index : line.length;
    out.push([keyOf(m.label), line.slice(m.end, to), k === 0 && !start[2] ? 'bare' : 'separated']);
  });
  return out;
}

const isBlank = (s: string): boolean => s.trim() === '';

/** Read the metadata block(s) in the first `span` lines. */
export function readMetadata(lines: readonly string[], span = 60): MetaBlock {
  const facts: PageFacts = {};
  const taken = new Set<number>();
  const end = Math.min(lines.length, span);
  for (let i = 0; i < end; i++) {
    const ps = pairs(lines[i]!);
    if (!ps) continue;
    taken.add(i);
    for (const [key, value] of ps) store(facts, key, value);
    // A label alone on its line: its value is the next non-blank line, unless that is a label too.
    const [lastKey, lastValue, form] = ps[ps.length - 1]!;
    // A bare label (索引号 / value / 发文机构 / value…) owns the next line; an empty `来源:` owns
    // it only when its value matters — a title or an issuer may follow an empty field.
    if (ps.length === 1 && clean(lastValue) === '' && (form === 'bare' || lastKey !== 'other')) {
      let j = i + 1;
      while (j < end && isBlank(lines[j]!)) j++;
      if (j < end && !pairs(lines[j]!) && lines[j]!.trim().length <= 60) {
        store(facts, lastKey, stripPinyin(lines[j]!));
        taken.add(j);
        i = j;
      }
    }
  }
  return { facts, lines: taken };
}
