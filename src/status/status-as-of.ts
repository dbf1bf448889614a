/**
 * THE status judgement: one pure function from facts, events and corrections to a status as of a
 * date, with the evidence chain. Everything that shows a status (CLI, portal, search filter,
 * cleanup report) goes through here.
 */
import { addDays } from '../extract/text.js';
import type { StatusCorrection } from '../store/store.js';
import type { DocFacts, Evidence, StatusEvent, StatusVerdict } from './types.js';

const byDate = (a: { date: string | null }, b: { date: string | null }) => (a.date ?? '').localeCompare(b.date ?? '');
/** An event with no known date is taken to apply already: we cannot say when, only that it did. */
const inForce = (e: { date: string | null }, at: string) => e.date === null || e.date <= at;

function evidenceOf(e: StatusEvent): Evidence {
  const reason = e.reason && !e.quote.includes(e.reason) ? `（废止理由：${e.reason}）` : '';
  return { docNumber: e.byDocNumber, quote: e.quote + reason, date: e.date };
}

function ownEvidence(f: DocFacts): Evidence[] {
  if (f.validity && f.validity.quote !== '') return [{ docNumber: f.docNumber, quote: f.validity.quote, date: f.validity.effectiveFrom ?? f.signedOn }];
  if (f.held && f.signedOn) return [{ docNumber: f.docNumber, quote: `未载明施行日期，按成文日期${f.signedOn}计`, date: f.signedOn }];
  return [];
}

/** The status from extracted facts alone. */
export function computedStatus(f: DocFacts, events: readonly StatusEvent[], at: string): StatusVerdict {
  const applied = events.filter((e) => inForce(e, at)).sort(byDate);
  const ended = applied.filter((e) => e.kind === 'repeal' || e.kind === 'replace');
  const sunsetDay = f.validity?.expiresOn ? addDays(f.validity.expiresOn, 1) : null;
  const sunset = sunsetDay !== null && sunsetDay <= at;

  if (ended.length > 0 && !(sunset && sunsetDay! < (ended[0]!.date ?? ''))) {
    return { status: '已废止', since: ended[0]!.date, evidence: ended.map(evidenceOf) };
  }
  if (sunset) {
    const quote = f.validity!.quote;
    return { status: '已失效', since: sunsetDay, evidence: [{ docNumber: f.docNumber, quote, date: f.validity!.expiresOn }] };
  }
  const noted = applied.filter((e) => e.kind === 'noted-repealed');
  // Another document says it is already repealed: we know that it is, not since when.
  if (noted.length > 0) return { status: '已废止', since: null, evidence: noted.map(evidenceOf) };

  const start = f.validity?.effectiveFrom ?? f.signedOn;
  if (f.held && start !== null && at < start) {
    return { status: '尚未施行', since: null, evidence: ownEvidence(f) };
  }
  const partial = applied.filter((e) => e.kind === 'partial-repeal');
  if (partial.length > 0) return { status: '部分失效', since: partial[0]!.date, evidence: [...partial.map(evidenceOf), ...ownEvidence(f)] };
  const amended = applied.filter((e) => e.kind === 'amend');
  if (amended.length > 0) return { status: '已修改', since: amended[0]!.date, evidence: [...amended.map(evidenceOf), ...ownEvidence(f)] };

  if (!f.held) return referencedStatus(f, events, at);
  if (start === null) return { status: '未知', since: null, evidence: ownEvidence(f) };
  return { status: '现行有效', since: start, evidence: ownEvidence(f) };
}

/**
 * A document we know only by reference has no validity clause to read. A later act on it shows it
 * was in force until then (one does not repeal what never stood), once its 文号 year has begun.
 */
function referencedStatus(f: DocFacts, events: readonly StatusEvent[], at: string): StatusVerdict {
  const later = events.filter((e) => e.kind !== 'noted-repealed' && e.date !== null && e.date > at).sort(byDate);
  const year = /〔(\d{4})〕/.exec(f.docNumber ?? '')?.[1];
  if (later.length === 0 || (year !== undefined && at < `${year}-01-01`)) return { status: '未知', since: null, evidence: [] };
  const e = later[0]!;
  const quote = `${e.date}被${e.byDocNumber ?? '其他文件'}${e.kind === 'amend' ? '修改' : '废止'}，此前有效：${e.quote}`;
  return { status: '现行有效', since: null, evidence: [{ docNumber: e.byDocNumber, quote, date: e.date }] };
}

/**
 * Status as of `at` (YYYY-MM-DD). An editor's correction in force on that date overrides the
 * computed status; the extracted evidence stays in the chain behind the correction.
 */
export function statusAsOf(
  f: DocFacts,
  events: readonly StatusEvent[],
  corrections: readonly StatusCorrection[],
  at: string,
): StatusVerdict {
  const computed = computedStatus(f, events, at);
  const applicable = corrections
    .filter((c) => c.effectiveFrom === null || c.effectiveFrom <= at)
    .sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '') || a.createdAt.localeCompare(b.createdAt));
  const c = applicable.at(-1);
  if (!c) return computed;
  const note: Evidence = { docNumber: null, quote: `人工更正（${c.author}，${c.createdAt.slice(0, 10)}）：${c.reason}`, date: c.effectiveFrom };
  return { status: c.status, since: c.effectiveFrom, evidence: [note, ...computed.evidence] };
}
