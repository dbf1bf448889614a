/**
 * 新旧文件差异对比: clause-by-clause alignment of a document with the held one it replaces or
 * amends. Sentences that agree once figures are masked are the same clause (a figure changed when
 * the figures differ); the rest are paired by shared character bigrams (≥ 0.6 Dice: the clause was
 * reworded), and what is left was added (new document) or removed (quoted from the old one).
 */
import type { OfficialDocument } from '../domain/types.js';
import type { InterpretItem } from './interpret.js';
import { condense, sentencePieces, stripMarker, type Piece } from './interpret-text.js';

const MAX_ITEMS = 40;
const SIMILAR = 0.6;
const FIGURE = /\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+(?=[个年月日天人户万元%])/g;

const norm = (s: string) => stripMarker(s).replace(/[\s\u3000]/g, '').replace(/[。；;，,：:]$/, '');
const masked = (s: string) => norm(s).replace(FIGURE, '#');
const figures = (s: string) => norm(s).match(FIGURE) ?? [];

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [k, n] of x) common += Math.min(n, y.get(k) ?? 0);
  const total = Math.max(1, a.length - 1) + Math.max(1, b.length - 1);
  return (2 * common) / total;
}

/** Sentences worth comparing: body text of the instrument, not its heading-only lines. */
function clausesOf(doc: OfficialDocument): Piece[] {
  return sentencePieces(doc).filter((p) => norm(p.text).length >= 6);
}

function figureChange(oldS: string, newS: string): string | null {
  const a = figures(oldS);
  const b = figures(newS);
  const pairs = a.map((x, i) => [x, b[i]] as const).filter(([x, y]) => y !== undefined && x !== y);
  return pairs.length > 0 ? pairs.map(([x, y]) => `${x}→${y}`).join('，') : null;
}

export function diffDocuments(doc: OfficialDocument, previous: OfficialDocument): InterpretItem[] {
  const now = clausesOf(doc);
  const before = clausesOf(previous);
  const usedOld = new Set<number>();
  const matched = new Map<number, number>();
  const exact = new Map<string, number[]>();
  before.forEach((p, i) => exact.set(norm(p.text), [...(exact.get(norm(p.text)) ?? []), i]));
  const byMask = new Map<string, number[]>();
  before.forEach((p, i) => byMask.set(masked(p.text), [...(byMask.get(masked(p.text)) ?? []), i]));
  const take = (cands: number[] | undefined) => cands?.find((i) => !usedOld.has(i));
  // Pass 1: identical sentences; pass 2: identical once figures are masked; pass 3: similar wording.
  for (const [lookup, key] of [[exact, norm], [byMask, masked]] as const) {
    now.forEach((p, j) => {
      if (matched.has(j)) return;
      const i = take(lookup.get(key(p.text)));
      if (i !== undefined) {
        usedOld.add(i);
        matched.set(j, i);
      }
    });
  }
  now.forEach((p, j) => {
    if (matched.has(j)) return;
    let best = -1;
    let bestScore = SIMILAR;
    before.forEach((q, i) => {
      if (usedOld.has(i)) return;
      const s = dice(norm(p.text), norm(q.text));
      if (s >= bestScore) [best, bestScore] = [i, s];
    });
    if (best >= 0) {
      usedOld.add(best);
      matched.set(j, best);
    }
  });

  const out: InterpretItem[] = [];
  const oldNo = previous.docNumber ?? previous.id;
  now.forEach((p, j) => {
    const i = matched.get(j);
    if (i === undefined) {
      out.push({ text: `新增：${condense(p.text, 60)}`, quote: p.text, paragraph: p.block, change: 'added' });
      return;
    }
    const q = before[i]!;
    if (norm(p.text) === norm(q.text)) return;
    const figs = figureChange(q.text, p.text);
    const text = figs ? `修改（${figs}）：${condense(p.text, 50)}` : `修改表述：${condense(p.text, 50)}（原为“${condense(q.text, 40)}”）`;
    out.push({ text, quote: p.text, paragraph: p.block, change: 'changed' });
  });
  before.forEach((q, i) => {
    if (!usedOld.has(i)) out.push({ text: `删除：${condense(q.text, 60)}`, quote: q.text, paragraph: q.block, docNumber: oldNo, change: 'removed' });
  });
  return out.slice(0, MAX_ITEMS);
}
