/**
 * The annual 规范性文件清理 report: what has expired, what expires within 90 days, what has been
 * repealed, what states no validity at all, and live documents still citing a repealed one.
 *
 * Only 规范性文件 are expected to state their validity (`classifyNormative`): the "no validity
 * clause" list leaves out work plans, personnel and body set-up notices, and repeal decisions
 * (which take effect once and leave nothing to expire). Every row says whether its document is a
 * 规范性文件 and why, so the clerk can check the call.
 */
import { compareDocNumbers } from '../domain/doc-number.js';
import type { LegalStatus } from '../domain/types.js';
import { addDays } from '../extract/text.js';
import { statusAsOf } from './status-as-of.js';
import type { DocFacts, Evidence, StatusEvent, StatusVerdict, StatusWorld } from './types.js';

export interface CleanupRow {
  readonly id: string;
  readonly docNumber: string | null;
  readonly title: string | null;
  readonly status: LegalStatus;
  readonly since: string | null;
  /** What the finding is about: the expiry date, or the cited repealed document. */
  readonly detail: string;
  readonly evidence: Evidence[];
  /** Is the document a 规范性文件? null when we do not hold its text (known by reference only). */
  readonly normative: boolean | null;
  readonly normativeReasons: string[];
}

export interface CleanupReport {
  readonly at: string;
  readonly expired: CleanupRow[];
  readonly expiringSoon: CleanupRow[];
  readonly repealed: CleanupRow[];
  readonly noValidityClause: CleanupRow[];
  readonly citesRepealed: CleanupRow[];
}

export const EXPIRY_WINDOW_DAYS = 90;
const LIVE: readonly LegalStatus[] = ['现行有效', '已修改', '部分失效'];

export function verdictOf(world: StatusWorld, id: string, at: string): StatusVerdict | null {
  const f = world.docs.get(id);
  if (!f) return null;
  return statusAsOf(f, world.events.get(id) ?? [], world.corrections.get(id) ?? [], at);
}

/** A held 规范性文件 that does more than repeal others: the kind that should state its validity. */
export function expectsValidityClause(f: DocFacts): boolean {
  return f.held && f.normative?.normative === true && f.normative.repealDecision !== true;
}

const order = (a: CleanupRow, b: CleanupRow) => compareDocNumbers(a.docNumber ?? a.id, b.docNumber ?? b.id);

/**
 * Who repealed it: the repealing documents. A document that only states another is repealed
 * (上位文件…已废止) is not its repealer, and the row says so instead of naming it.
 */
function repealedDetail(events: readonly StatusEvent[], evidence: readonly Evidence[]): string {
  const by = [...new Set(events.filter((e) => e.kind !== 'noted-repealed' && e.kind !== 'amend').map((e) => e.byDocNumber).filter(Boolean))];
  if (by.length > 0) return by.join('、');
  const noted = [...new Set(events.filter((e) => e.kind === 'noted-repealed').map((e) => e.byDocNumber ?? '其他文件'))];
  if (noted.length > 0) return `废止文件未载明（${noted.join('、')}称其已废止）`;
  return evidence.map((e) => e.docNumber).filter(Boolean).join('、');
}

export function cleanupReport(world: StatusWorld, at: string): CleanupReport {
  const verdicts = new Map<string, StatusVerdict>();
  for (const id of world.docs.keys()) verdicts.set(id, verdictOf(world, id, at)!);
  const row = (f: DocFacts, detail: string): CleanupRow => {
    const v = verdicts.get(f.id)!;
    return {
      id: f.id, docNumber: f.docNumber, title: f.title, status: v.status, since: v.since, detail, evidence: v.evidence,
      normative: f.normative?.normative ?? null, normativeReasons: f.normative?.reasons ?? [],
    };
  };
  const report: CleanupReport = { at, expired: [], expiringSoon: [], repealed: [], noValidityClause: [], citesRepealed: [] };
  const horizon = addDays(at, EXPIRY_WINDOW_DAYS);

  for (const f of world.docs.values()) {
    const v = verdicts.get(f.id)!;
    const expires = f.validity?.expiresOn ?? null;
    if (v.status === '已失效') report.expired.push(row(f, `有效期至${expires ?? '（更正）'}`));
    if (v.status === '已废止') report.repealed.push(row(f, repealedDetail(world.events.get(f.id) ?? [], v.evidence)));
    if (!f.held || !LIVE.includes(v.status)) continue;
    if (expires !== null && expires >= at && expires <= horizon) report.expiringSoon.push(row(f, `有效期至${expires}`));
    if (!expectsValidityClause(f)) continue;
    const v2 = f.validity;
    if (!v2 || (v2.trigger === null && v2.expiresOn === null && v2.dissolvesWhen === null)) report.noValidityClause.push(row(f, '未载明施行日期或有效期'));
  }

  // A repealing document names what it repeals; that citation is the repeal, not a finding.
  const actors = new Set<string>();
  for (const [target, evs] of world.events) for (const e of evs) actors.add(`${e.byId}|${target}`);
  const flagged = new Set<string>();
  for (const c of world.cites) {
    const subject = world.docs.get(c.subjectId);
    const object = world.docs.get(c.objectId);
    if (!subject?.held || !object || actors.has(`${c.subjectId}|${c.objectId}`)) continue;
    if (!LIVE.includes(verdicts.get(subject.id)!.status) || verdicts.get(object.id)!.status !== '已废止') continue;
    const key = `${c.subjectId}|${c.objectId}`;
    if (flagged.has(key)) continue;
    flagged.add(key);
    const cited = `${object.docNumber ?? ''}${object.title ? `《${object.title}》` : ''}`;
    report.citesRepealed.push({ ...row(subject, `引用已废止的${cited}（${c.raw}）`), evidence: verdicts.get(object.id)!.evidence });
  }
  for (const list of Object.values(report)) if (Array.isArray(list)) list.sort(order);
  return report;
}
