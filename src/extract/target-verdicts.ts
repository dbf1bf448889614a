/**
 * Promise versus outcome: group targets by indicatorKey and year, and judge each year where the
 * report of year Y+1 says what became of the promise made in the report of year Y.
 */
import type { IndicatorTimeline, Target } from './targets.js';

type Interval = readonly [number, number];

/**
 * The values a figure stands for. Exact figures and 以上 are floors when promised (增长6% is met
 * by 6.3%) and points when achieved; 以内/以下 are ceilings; 左右 is ±0.5 for % and 个百分点,
 * and unknown (null) for other units.
 */
function interval(t: Target, side: 'promise' | 'outcome'): Interval | null {
  const v = t.value;
  switch (t.qualifier) {
    case '以上':
      return [v, Infinity];
    case '以内':
    case '以下':
      return [-Infinity, v];
    case '左右':
      return t.unit === '%' || t.unit === '个百分点' ? [v - 0.5, v + 0.5] : null;
    default:
      return side === 'promise' ? [v, Infinity] : [v, v];
  }
}

/** One promise against one outcome: null when they are not comparable (measure or unit differ). */
export function judge(promise: Target, outcome: Target): 'met' | 'missed' | 'unknown' | null {
  if (promise.measure !== outcome.measure || promise.unit !== outcome.unit) return null;
  const want = interval(promise, 'promise');
  const got = interval(outcome, 'outcome');
  if (!want || !got) return 'unknown';
  const eps = 1e-9;
  if (got[0] >= want[0] - eps && got[1] <= want[1] + eps) return 'met';
  if (got[1] < want[0] - eps || got[0] > want[1] + eps) return 'missed';
  return 'unknown';
}

function verdictOf(promises: Target[], outcomes: Target[]): 'met' | 'missed' | 'unknown' | null {
  if (promises.length === 0 || outcomes.length === 0) return null;
  const verdicts = promises.flatMap((p) => outcomes.map((o) => judge(p, o))).filter((v) => v !== null);
  if (verdicts.length === 0) return 'unknown';
  if (verdicts.every((v) => v === 'met')) return 'met';
  if (verdicts.every((v) => v === 'missed')) return 'missed';
  return 'unknown';
}

/** Timelines, one per indicatorKey (sorted by key), years ascending. */
export function compareAcrossYears(targets: Target[]): IndicatorTimeline[] {
  const byKey = new Map<string, Target[]>();
  for (const t of targets) byKey.set(t.indicatorKey, [...(byKey.get(t.indicatorKey) ?? []), t]);
  const out: IndicatorTimeline[] = [];
  for (const [key, ts] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const counts = new Map<string, number>();
    for (const t of ts) counts.set(t.indicator, (counts.get(t.indicator) ?? 0) + 1);
    const indicator = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const years = [...new Set(ts.map((t) => t.year))].sort((a, b) => a - b).map((year) => {
      const promises = ts.filter((t) => t.year === year && t.kind === 'promise');
      const outcomes = ts.filter((t) => t.year === year && t.kind === 'outcome');
      return { year, promises, outcomes, verdict: verdictOf(promises, outcomes) };
    });
    out.push({ indicatorKey: key, indicator, years });
  }
  return out;
}
