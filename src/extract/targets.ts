/**
 * Quantitative targets and outcomes of a 政府工作报告: 指标, value, unit, year.
 * A report states last year's outcomes (回顾: 实现地区生产总值265.94亿元、增长2.5%) and this
 * year's promises (预期目标是：地区生产总值增长6%；…分别增长7%、10%…); comparing the two
 * across years is the promise-versus-outcome register.
 *
 * CONTRACT (shared by src/store, src/server, src/cli): the names below are fixed; the
 * implementation is being written.
 */
import type { OfficialDocument } from '../domain/types.js';

/** promise: a target set for `year`; outcome: what the report says was achieved in `year`. */
export type TargetKind = 'promise' | 'outcome';

export interface Target {
  readonly documentId: string;
  readonly docNumber: string | null;
  /** The indicator as printed, e.g. 规上工业增加值. */
  readonly indicator: string;
  /** Normalised key that joins the same indicator across years and reports (see indicatorKey). */
  readonly indicatorKey: string;
  readonly kind: TargetKind;
  /** The year the figure is about (not the year of the report). */
  readonly year: number;
  /** 增长 (growth rate), 达到/实现 (level), 下降, 控制在, 提高…个百分点, …: what the figure measures. */
  readonly measure: 'growth' | 'level' | 'decline' | 'share' | 'points' | 'count';
  readonly value: number;
  /** %, 亿元, 万元, 人, 个, 家, 万人次, 个百分点, … */
  readonly unit: string;
  /** 以上 / 左右 / 以内 / 以下 when printed; null for an exact figure. */
  readonly qualifier: '以上' | '左右' | '以内' | '以下' | null;
  /** The clause the figure was read from, verbatim (repaired text). */
  readonly quote: string;
  /** Index of the body block it came from. */
  readonly block: number;
}

/** The targets and outcomes stated in one document (empty for documents that state none). */
export function extractTargets(_doc: OfficialDocument): Target[] {
  return [];
}

/** Join key for an indicator: 规上工业增加值 and 规模以上工业增加值 are one indicator. */
export function indicatorKey(indicator: string): string {
  return indicator.replace(/\s+/g, '');
}

/** One indicator across years: what was promised and what was achieved, year by year. */
export interface IndicatorTimeline {
  readonly indicatorKey: string;
  readonly indicator: string;
  readonly years: Array<{
    readonly year: number;
    readonly promises: Target[];
    readonly outcomes: Target[];
    /** met / missed / unknown when both a comparable promise and outcome exist (same measure and unit). */
    readonly verdict: 'met' | 'missed' | 'unknown' | null;
  }>;
}

export function compareAcrossYears(_targets: Target[]): IndicatorTimeline[] {
  return [];
}
