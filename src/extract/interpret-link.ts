/**
 * A 政策解读 text as published beside a policy: recognised by its title (《…》政策解读, 关于…的解读,
 * 解读《…》, …解读) and linked to the documents it explains — by the 文号 it names, or by the
 * 《title》 in its heading matched against the held documents' titles (印发《X》的通知 explains X).
 */
import { findDocNumbers, formatDocNumber } from '../domain/doc-number.js';

const TITLE = /^(?:[《〈].+[》〉].*解读|.*解读[《〈].+[》〉]|关于.+的(?:政策)?解读|.{4,}(?:政策)?解读(?:材料)?)[\s　]*$/;

export interface InterpretationText {
  readonly title: string;
  readonly body: string;
}

/** The title and text of a 解读, or null when the text is not one (its first line is not a 解读 title). */
export function readInterpretationText(text: string): InterpretationText | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return null;
  const title = lines[first]!.trim();
  if (!TITLE.test(title) || title.length > 120) return null;
  return { title, body: lines.slice(first + 1).join('\n').trim() };
}

export interface LinkCandidate {
  readonly id: string;
  readonly docNumber: string | null;
  readonly title: string;
}

const bare = (t: string) => t.replace(/[\s　]/g, '').replace(/^重庆市武隆区人民政府(?:办公室)?/, '');

/** Ids of the held documents the 解读 explains: every 文号 it names, and the 《title》 of its heading. */
export function linkInterpretation(t: InterpretationText, docs: readonly LinkCandidate[]): string[] {
  const out = new Set<string>();
  const numbers = new Set(findDocNumbers(`${t.title}\n${t.body}`).map((n) => formatDocNumber(n.docNumber)));
  for (const d of docs) if (d.docNumber && numbers.has(d.docNumber)) out.add(d.id);
  for (const m of t.title.matchAll(/[《〈]([^》〉]+)[》〉]/g)) {
    const named = bare(m[1]!);
    for (const d of docs) {
      const title = bare(d.title);
      const issued = /关于印发(.+?)的通知$/.exec(title)?.[1];
      if (title === named || issued === named || (named.length >= 8 && title.endsWith(named))) out.add(d.id);
    }
  }
  return [...out];
}
