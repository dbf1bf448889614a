/**
 * 出台背景 and 出台目的, read from the preamble (为…，根据…，结合实际，制定本办法) of the document or of
 * its attachment, and from an instrument's 第一条: the higher-level documents it rests on, the
 * meeting that adopted it, and the aims it states.
 */
import type { OfficialDocument } from '../domain/types.js';
import type { InterpretItem } from './interpret.js';
import { clausePieces, condense, dedupe, isPreamble, item, sentencePieces, type Piece } from './interpret-text.js';
import { findRefs } from './text.js';

const BASIS = /根据|按照|依据|依照|贯彻落实|贯彻|落实|遵照/;
const MEETING = /^经.*?(?:常务会议|会议|审议|同意|批准)/;
const NOT_PURPOSE = /^(?:根据|按照|依据|依照|结合|经|特|现|制定|决定|区政府特|本|遵照)/;

/** Sentences that state why the document exists: preamble sentences and an instrument's 第一条. */
function preambleSentences(doc: OfficialDocument): Piece[] {
  return sentencePieces(doc).filter(
    (p) => (p.level === 0 && isPreamble(doc, p.block) && /^[为根按依经遵]|贯彻|根据/.test(p.text)) || /^第一条/.test(p.text),
  );
}

export function backgroundItems(doc: OfficialDocument): InterpretItem[] {
  const out: InterpretItem[] = [];
  for (const s of preambleSentences(doc)) {
    for (const c of clausePieces(s)) {
      // The basis word must stand outside the titles (《…进一步落实涉企政策…》 is not 落实) and before them.
      const bare = c.text.replace(/《[^《》]*》/g, '《》');
      const at = bare.search(BASIS);
      const refs = findRefs(c.text).filter((r) => r.title !== null);
      if (at >= 0 && at < bare.indexOf('《') && refs.length > 0) {
        for (const r of refs) {
          const label = /贯彻|落实/.test(c.text) ? '贯彻落实' : '依据';
          out.push(item(`${label}《${r.title}》${r.docNumber ? `（${r.docNumber}）` : ''}`, c));
        }
      } else if (MEETING.test(c.text)) {
        out.push(item(condense(c.text), c));
      } else if (/^(?:根据|按照|依据)/.test(c.text) && c.text.length >= 6) {
        out.push(item(condense(c.text), c));
      }
    }
  }
  return dedupe(out);
}

export function purposeItems(doc: OfficialDocument): InterpretItem[] {
  const out: InterpretItem[] = [];
  for (const s of preambleSentences(doc)) {
    let inPurpose = false;
    for (const c of clausePieces(s)) {
      const text = c.text.replace(/^第一条\s*/, '');
      if (/^为了?/.test(text)) inPurpose = true;
      else if (NOT_PURPOSE.test(text) || text.includes('《')) inPurpose = false;
      if (!inPurpose || text.includes('《')) continue;
      const aim = condense(text.replace(/^为了?/, '').replace(/^(?:深入|切实|进一步)?/, ''), 50);
      if (aim.length >= 4) out.push(item(aim, c));
    }
  }
  return dedupe(out);
}
