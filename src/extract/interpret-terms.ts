/**
 * 关键词 (the words a document is about, by frequency under the search segmentation, generic
 * administrative words left out) and 专业名词 (terms the document defines or coins: 以下简称,
 * 所称…是指, 术语：系…, and “quoted” terms such as “四化”, each with the clause that explains it).
 */
import type { OfficialDocument } from '../domain/types.js';
import type { InterpretItem } from './interpret.js';
import { clausePieces, condense, dedupe, item, sentencePieces } from './interpret-text.js';

/** Cuts a text into words (the search Segmenter's `cut`), injected so extract stays below search. */
export type WordCutter = (text: string) => string[];

const KEYWORDS = 8;
const STOP = new Set(
  ('武隆区 武隆 重庆市 重庆 人民政府 区政府 政府 办公室 街道 乡镇 街道办事处 工作 进一步 加强 有关 相关 规定 按照 根据 实施 开展 推进 推动 落实 ' +
    '单位 部门 牵头 责任 配合 应当 可以 要求 情况 全区 我区 本区 以上 以下 不得 严格 确保 做好 提升 建立 健全 完善 强化 加快 组织 负责 ' +
    '通知 办法 方案 意见 决定 通告 文件 本办法 本方案 本通知 印发 执行 有效 方面 其他 依法 管理局 委员会 主管部门 区级 各级 坚持 积极 ' +
    '关于 或者 以及 其中 通过 对于 办发 办事处 各街道 各镇 单位 人员 区级 本地 有关部门 ' +
    '发展 建设 管理 服务 机制 制度 体系 能力 水平 全面 重点 主要 及时 统一 具体 年度 年底 力争 达到 实行 相应 给予 予以')
    .split(/\s+/),
);

export function keywordItems(doc: OfficialDocument, cut: WordCutter): InterpretItem[] {
  const counts = new Map<string, number>();
  const title = doc.title;
  for (const b of doc.body) {
    // Who leads a task (（牵头单位：区应急管理局）) is not what the document is about.
    for (const w of cut(b.text.replace(/[（(](?:牵头单位|责任单位|配合单位)[^（）()]*[）)]/g, ''))) {
      if (w.length < 2 || STOP.has(w) || /\d|[A-Za-z]/.test(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const score = (w: string, n: number) => n * (w.length >= 3 ? 1.5 : 1) * (title.includes(w) ? 2 : 1);
  const least = doc.body.length <= 3 ? 1 : 2; // a one-paragraph decision repeats little
  const ranked = [...counts].filter(([, n]) => n >= least).sort((a, b) => score(b[0], b[1]) - score(a[0], a[1]) || a[0].localeCompare(b[0]));
  const out: InterpretItem[] = [];
  const pieces = sentencePieces(doc).flatMap(clausePieces);
  for (const [w, n] of ranked) {
    if (out.length >= KEYWORDS) break;
    if (out.some((i) => i.text.startsWith(w) || i.text.split('（')[0]!.includes(w))) continue; // 征收 after 房屋征收
    const at = pieces.find((p) => p.text.includes(w));
    if (at) out.push(item(`${w}（出现${n}次）`, at));
  }
  return out;
}

const ALIAS = /[（(]以下(?:简称|称)[“"]?([^”"）)]{2,16})[”"]?[）)]/;
const DEFINED = /(?:所称|所指)的?[“"]?([^，。；“”"]{2,16}?)[”"]?[，,]?(?:是指|系指|指)/;
const COLON_DEF = /^([^，。；：:]{2,10})[：:](?:系|是指|指)/;
const QUOTED = /[“"]([^“”"]{2,10})[”"]/g;

export function termItems(doc: OfficialDocument): InterpretItem[] {
  const out: InterpretItem[] = [];
  for (const s of sentencePieces(doc)) {
    const alias = ALIAS.exec(s.text);
    if (alias) {
      const full = s.text.slice(0, alias.index).split(/[，。；、]/).pop()!.replace(/^(?:保障|根据|对|在|按照|为了?)/, '');
      out.push(item(`${alias[1]}：${condense(full, 40) || alias[1]}的简称`, s));
    }
    const def = DEFINED.exec(s.text) ?? COLON_DEF.exec(s.text);
    if (def) out.push(item(`${def[1]}：${condense(s.text.slice(def.index + def[0].length), 60)}`, s));
    for (const q of s.text.matchAll(QUOTED)) {
      const term = q[1]!;
      if (/^本|[，。；]/.test(term) || (alias && alias[1] === term)) continue;
      const clause = clausePieces(s).find((c) => c.text.includes(q[0])) ?? s;
      out.push(item(`${term}：见“${condense(clause.text, 40)}”`, clause));
    }
  }
  // One entry per term: the first (defining) mention wins.
  const seen = new Set<string>();
  return dedupe(out).filter((i) => {
    const t = i.text.split('：')[0]!;
    if (seen.has(t)) return false;
    seen.add(t);
    return true;
  }).slice(0, 12);
}
