/**
 * One repaired paragraph → one BodyBlock: its heading level from the marker it opens with
 * (一、=1 （一）=2 1.／1．=3 （1）=4 ①=5; decimal section numbers 1 / 1.1 / 1.1.1 by depth; else 0) and the run-in heading phrase, e.g. 禁火时间 in
 * 一、禁火时间：每年1月1日至5月10日… or 强化组织领导 in （一）强化组织领导。全区各级…
 */
import type { BodyBlock } from '../domain/types.js';
import { headingMarker } from './markers.js';

// A run-in heading is a phrase, not a sentence: keep it short.
const MAX_HEADING = 40;

/** The run-in heading after the marker, when the block opens a section. */
export function runInHeading(afterMarker: string): string | undefined {
  const rest = afterMarker.trim();
  if (rest === '') return undefined;
  const stop = /[。：:！？]/.exec(rest);
  if (stop) {
    const phrase = rest.slice(0, stop.index).trim();
    if (phrase.length === 0 || phrase.length > MAX_HEADING) return undefined;
    // A long lone sentence (四、森林…的经营单位和个人，在其经营范围内承担…。) is not a heading;
    // a short phrase alone on its line is (（二）我们聚焦稳大盘，经济运行有力有效。).
    const alone = rest.slice(stop.index + 1).trim() === '';
    // …and a lead-in ending in ： (三、在禁火期间，严禁出现下列行为：) introduces a list.
    if (alone && /[，,；]/.test(phrase) && (phrase.length > 24 || rest[stop.index] !== '。')) return undefined;
    return phrase;
  }
  // No sentence end at all: the whole block is a heading line (一、2022年工作回顾).
  return rest.length <= MAX_HEADING && !/[，；]/.test(rest) ? rest : undefined;
}

// Plans and 预案 number their sections 1 / 1.1 / 1.1.1 (1 总则, 1.1 编制目的) instead of 一、（一）.
// Such a line is a heading when it is short and carries no sentence punctuation; its depth is its
// level, so the plan's outline comes out like a notice's.
// A measure word after the number makes it a quantity (1.63 万亩), not a section.
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){0,3})\s+(?![万亿千百个元年月日天人户家项处米吨倍%])([^。；，,;]{1,40})$/;

const CHAPTER = /^(第[一二三四五六七八九十百零〇]{1,4}([章节]))\s*([^。；，,;]{1,30})$/;

/** Classify one paragraph. `attachment` is the 1-based attachment it belongs to, if any. */
export function toBlock(text: string, attachment?: number): BodyBlock {
  // Markdown list bullets sometimes precede the marker (- 一、本通知自印发之日起实施。).
  const bare = text.trimStart().replace(/^[-•*]\s+/, '');
  const m = headingMarker(bare);
  const base = attachment === undefined ? {} : { attachment };
  if (!m) {
    // Chapters and sections of an 办法 / 条例 (第一章 总则) carry its outline; articles (第一条) don't.
    const c = CHAPTER.exec(bare);
    if (c) return { level: c[2] === '章' ? 1 : 2, marker: c[1]!, heading: c[3]!.replace(/\s+/g, ''), text, ...base };
    const d = DECIMAL.exec(bare);
    if (!d) return { level: 0, text, ...base };
    return { level: d[1]!.split('.').length, marker: d[1]!, heading: d[2]!.trim(), text, ...base };
  }
  const afterMarker = bare.slice(m.marker.length);
  const heading = runInHeading(afterMarker);
  return { level: m.level, marker: m.marker, ...(heading === undefined ? {} : { heading }), text, ...base };
}
