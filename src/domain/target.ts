// Targets: the annual value for a year, and the target to date (profiled evenly unless per-period
// values are given).
import type { Aggregation, Baseline, Target } from './measure.js';

export interface TargetContext {
  target: Target;
  aggregation: Aggregation;
  baseline: Baseline | undefined;
  /** Last year's full-year figure, for targets set as a change from last year. */
  lastYearTotal: number | null;
  inYear: number;
}

export type AnnualTarget = { ok: true; value: number } | { ok: false; reason: 'baseline-pending' };

export function annualTarget(c: TargetContext): AnnualTarget {
  const t = c.target;
  if (t.annual !== undefined) return { ok: true, value: t.annual };
  if (t.perPeriod !== undefined) {
    const values = t.perPeriod;
    const total =
      c.aggregation === 'sum' ? values.reduce((a, b) => a + b, 0) : (values[values.length - 1] ?? 0);
    return { ok: true, value: total };
  }
  const reference = t.from === 'lastYear' ? c.lastYearTotal : (c.baseline?.value ?? null);
  if (reference === null) return { ok: false, reason: 'baseline-pending' };
  return { ok: true, value: reference * (1 + (t.changePct ?? 0) / 100) };
}

/** The target at the end of the `elapsed`-th reporting period of the year. */
export function targetToDate(c: TargetContext, annual: number, elapsed: number): number {
  const perPeriod = c.target.perPeriod;
  if (c.aggregation !== 'sum') {
    return perPeriod?.[Math.min(elapsed, perPeriod.length) - 1] ?? annual;
  }
  if (perPeriod !== undefined) return perPeriod.slice(0, elapsed).reduce((a, b) => a + b, 0);
  return (annual * elapsed) / c.inYear;
}

/** A baseline compared like-for-like with a year to date: profiled to date for summed measures. */
export function baselineToDate(
  value: number,
  aggregation: Aggregation,
  elapsed: number,
  inYear: number,
): number {
  return aggregation === 'sum' ? (value * elapsed) / inYear : value;
}
