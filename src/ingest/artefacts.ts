/**
 * First pass over the lines: take out what the PDF layout injected and no author wrote —
 * page numbers, vertical one-character-per-line mastheads, jump markers — recording each
 * removal so that every input character stays accounted for (`gongbao parse --explain`).
 */
import type { Artefact } from '../domain/types.js';
import { compact, isBlank, isPageNumber, JUMP_MARKER, jumpMarkers, type JumpMarker } from './patterns.js';

export interface CleanLine {
  /** 0-based index in the decoded input. */
  readonly n: number;
  /** Text with artefacts cut out; '' when the whole line was an artefact. */
  readonly text: string;
  /** Jump markers this line carried (removed from `text`). */
  readonly jumps: JumpMarker[];
}

export interface ArtefactPass {
  readonly lines: CleanLine[];
  readonly artefacts: Artefact[];
}

const SINGLE_CJK = /^[\s\u3000]*[\u4e00-\u9fa5][\s\u3000]*$/;

/** Runs of ≥3 one-character lines (blank lines allowed between) that spell a masthead. */
function verticalRuns(lines: readonly string[]): Set<number> {
  const hit = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    if (!SINGLE_CJK.test(lines[i]!)) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    while (j < lines.length && (SINGLE_CJK.test(lines[j]!) || (isBlank(lines[j]!) && run.length > 0))) {
      if (!isBlank(lines[j]!)) run.push(j);
      j++;
    }
    const spelled = run.map((k) => compact(lines[k]!)).join('');
    // Vertical mastheads spell (part of) …人民政府文件; a page break can leave just 重/庆.
    const masthead = run.length >= 3 ? /(文件|政府|人民|重庆)/.test(spelled) : /^(重庆|人民|政府|文件)$/.test(spelled);
    if (masthead) run.forEach((k) => hit.add(k));
    i = j;
  }
  return hit;
}

export function removeArtefacts(input: readonly string[]): ArtefactPass {
  const vertical = verticalRuns(input);
  const artefacts: Artefact[] = [];
  const lines: CleanLine[] = input.map((raw, n) => {
    if (vertical.has(n)) {
      artefacts.push({ kind: 'masthead', text: raw, line: n + 1 });
      return { n, text: '', jumps: [] };
    }
    if (isPageNumber(raw)) {
      artefacts.push({ kind: 'page-number', text: raw, line: n + 1 });
      return { n, text: '', jumps: [] };
    }
    const jumps = jumpMarkers(raw);
    if (jumps.length === 0) return { n, text: raw, jumps };
    for (const j of jumps) artefacts.push({ kind: 'jump-marker', text: j.text, line: n + 1 });
    const text = raw.replace(JUMP_MARKER, '');
    return { n, text: isBlank(text) ? '' : text, jumps };
  });
  return { lines, artefacts };
}
