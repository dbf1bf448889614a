/**
 * Sentence and clause pieces of a document kept verbatim (so each can be quoted as printed), and
 * the one condensing step every 解读 item goes through.
 */
import type { OfficialDocument } from '../domain/types.js';
import type { InterpretItem } from './interpret.js';
import { clauses, sentences } from './text.js';

export interface Piece {
  /** Verbatim substring of body[block].text, trimmed. */
  readonly text: string;
  readonly block: number;
  readonly level: number;
  readonly heading?: string;
  readonly attachment?: number;
}

/** Every sentence of the body, in order, as printed. */
export function sentencePieces(doc: OfficialDocument): Piece[] {
  const out: Piece[] = [];
  doc.body.forEach((b, block) => {
    for (const s of sentences(b.text)) {
      const text = s.trim();
      if (text !== '') out.push({ text, block, level: b.level, ...(b.heading ? { heading: b.heading } : {}), ...(b.attachment ? { attachment: b.attachment } : {}) });
    }
  });
  return out;
}

/** The clauses of a sentence (split on commas outside brackets), each verbatim and trimmed. */
export function clausePieces(p: Piece): Piece[] {
  return clauses(p.text).map((c) => ({ ...p, text: c.trim() })).filter((c) => c.text !== '');
}

const MARKER = /^(?:[-•·]\s*|[一二三四五六七八九十]+、\s*|[（(][一二三四五六七八九十\d]+[）)]\s*|\d{1,2}[.．、]\s*(?!\d)|第[一二三四五六七八九十百零〇\d]+[条章节]\s*)+/;
/** Parentheticals that annotate rather than state: who leads, what it is called below. */
const ASIDE = /[（(](?:牵头单位|责任单位|配合单位|以下简称|简称|含)[^（）()]*[）)]/g;

/** Without its leading heading number (一、 （三） 2. 第五条). */
export function stripMarker(s: string): string {
  return s.replace(MARKER, '');
}

/**
 * The statement a quote condenses to: no heading number, no asides, no closing punctuation, at
 * most `max` characters cut at a clause boundary (… marks a cut).
 */
export function condense(s: string, max = 60): string {
  let t = stripMarker(s.trim()).replace(ASIDE, '').replace(/[\s\u3000]+/g, (ws, i: number, all: string) => (/[A-Za-z0-9]/.test(all[i - 1] ?? '') && /[A-Za-z]/.test(all[i + ws.length] ?? '') ? ' ' : ''));
  t = t.replace(/[。；;：:，,！]+$/, '');
  if (t.length <= max) return t;
  const parts = clauses(t);
  let out = '';
  for (const p of parts) {
    if (out.length + p.length + 1 > max) break;
    out += (out ? '，' : '') + p;
  }
  return (out || t.slice(0, max)) + '…';
}

/** Items in order, without a second item on the same quote or the same text. */
export function dedupe(items: InterpretItem[]): InterpretItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = `${i.paragraph}|${i.quote}|${i.text}`;
    const t = `text|${i.text}`;
    if (seen.has(k) || seen.has(t)) return false;
    seen.add(k);
    seen.add(t);
    return true;
  });
}

export function item(text: string, p: Pick<Piece, 'text' | 'block'>, extra: Partial<InterpretItem> = {}): InterpretItem {
  return { text, quote: p.text, paragraph: p.block, ...extra };
}

/** Blocks before the first heading of the main text, and of each attachment: where a preamble sits. */
export function isPreamble(doc: OfficialDocument, block: number): boolean {
  const b = doc.body[block]!;
  for (let i = block - 1; i >= 0; i--) {
    const prev = doc.body[i]!;
    if (prev.attachment !== b.attachment) return true;
    if (prev.level >= 1) return false;
  }
  return true;
}
