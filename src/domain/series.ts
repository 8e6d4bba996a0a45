// One component's figures over a financial year: the in-period actual and the year to date,
// built the way the measure's aggregation says (sum, latest value, summed ratio, or rolling 12 months).
import { figureValue, isRank, isRatio, type Figure } from './figures.js';
import type { Aggregation, Frequency } from './measure.js';
import { periodNumber, type FinancialCalendar, type Period } from './period.js';
import type { ReturnRecord } from './return-record.js';

export interface SeriesPoint {
  period: Period;
  figure: Figure | null;
}

export interface SeriesReading {
  /** The figure for the asked period (summed or latest over its sub-periods). */
  actual: number | null;
  /** The year to date at the end of the asked period. */
  ytd: number | null;
  /** Reporting periods of the year elapsed by the end of the asked period. */
  elapsed: number;
  /** Of those, how many have a figure. */
  withData: number;
  /** Reporting periods in the whole year. */
  inYear: number;
  /** Whether the last reporting period of the asked period has a figure. */
  current: boolean;
  /** Rank figures: the comparison group's size behind `actual` and behind `ytd` ("5th of 15"). */
  groupSize: { actual: number | null; ytd: number | null };
  /** Rolling measures: the months of the window with no figure; `actual` and `ytd` are then null. */
  missing: Period[];
  /** The reporting periods of the year to date (up to the asked period's end) with no figure. */
  gaps: Period[];
}

export function pointsFor(returns: ReturnRecord[], key: string, periods: Period[]): SeriesPoint[] {
  // Only returns in the periods' years can match: formatting every return of a long history for each
  // reading made a status cost more as the history grew. A status reads six series per component, so
  // periods are matched on a number, not on their formatted text.
  const years = new Set(periods.map((p) => p.year));
  const byPeriod = new Map<number, ReturnRecord>();
  for (const r of returns) if (years.has(r.period.year)) byPeriod.set(periodNumber(r.period), r);
  return periods.map((period) => ({
    period,
    figure: byPeriod.get(periodNumber(period))?.figures?.[key] ?? null,
  }));
}

export function aggregate(
  figures: (Figure | null)[],
  aggregation: Aggregation,
  asPercent: boolean,
): number | null {
  const present = figures.filter((f): f is Figure => f !== null);
  if (present.length === 0) return null;
  switch (aggregation) {
    case 'sum':
    case 'rolling12':
      return present.reduce<number>((acc, f) => acc + figureValue(f, asPercent), 0);
    case 'latest':
      return figureValue(present[present.length - 1] as Figure, asPercent);
    case 'ratio': {
      let numerator = 0;
      let denominator = 0;
      for (const f of present) {
        if (!isRatio(f)) return figureValue(present[present.length - 1] as Figure, asPercent);
        numerator += f.numerator;
        denominator += f.denominator;
      }
      return figureValue({ numerator, denominator }, asPercent);
    }
    default: {
      const never: never = aggregation;
      throw new Error(`unknown aggregation ${String(never)}`);
    }
  }
}

export interface ReadSeriesArgs {
  cal: FinancialCalendar;
  returns: ReturnRecord[];
  key: string;
  period: Period;
  frequency: Frequency;
  aggregation: Aggregation;
  asPercent: boolean;
  /** Only these periods' figures count (the others read as missing): last year's same months. */
  only?: (p: Period) => boolean;
}

/** The comparison group's size of the latest rank figure among these, if any. */
function groupSizeOf(figures: (Figure | null)[]): number | null {
  const last = figures.filter((f): f is Figure => f !== null).pop();
  return last !== undefined && isRank(last) ? last.groupSize : null;
}

/** The 12 months ending with the asked period's last month, oldest first. */
export function rollingMonths(cal: FinancialCalendar, period: Period): Period[] {
  const months = [cal.containing(cal.end(period), 'monthly')];
  while (months.length < 12) months.unshift(cal.previous(months[0] as Period));
  return months;
}

/** Reads one component at one period. The period must not be finer than the measure's frequency. */
export function readSeries(a: ReadSeriesArgs): SeriesReading {
  const { cal, period } = a;
  if (a.aggregation === 'rolling12') return readRolling(a);
  const year = cal.periodsInYear(cal.yearOf(period), a.frequency);
  const within = cal.periodsWithin(period, a.frequency) ?? [period];
  const periodEnd = cal.end(period);
  const toDate = year.filter((p) => cal.end(p) <= periodEnd);
  const kept = (ps: SeriesPoint[]) =>
    a.only ? ps.map((p) => (a.only?.(p.period) ? p : { ...p, figure: null })) : ps;
  const points = kept(pointsFor(a.returns, a.key, toDate));
  const inPeriod = kept(pointsFor(a.returns, a.key, within));
  const last = points[points.length - 1];
  return {
    actual: aggregate(
      inPeriod.map((p) => p.figure),
      a.aggregation,
      a.asPercent,
    ),
    ytd: aggregate(
      points.map((p) => p.figure),
      a.aggregation,
      a.asPercent,
    ),
    elapsed: toDate.length,
    withData: points.filter((p) => p.figure !== null).length,
    inYear: year.length,
    current: last !== undefined && last.figure !== null,
    groupSize: {
      actual: groupSizeOf(inPeriod.map((p) => p.figure)),
      ytd: groupSizeOf(points.map((p) => p.figure)),
    },
    missing: [],
    gaps: points.filter((p) => p.figure === null).map((p) => p.period),
  };
}

/**
 * A rolling 12 months: the sum of the monthly figures of the 12 months ending with the period, for the
 * period and (being a snapshot) its year to date alike; with any month missing, no figure but the list.
 */
function readRolling(a: ReadSeriesArgs): SeriesReading {
  const { cal, period } = a;
  const window = pointsFor(a.returns, a.key, rollingMonths(cal, period));
  const missing = window.filter((p) => p.figure === null).map((p) => p.period);
  const total =
    missing.length === 0
      ? aggregate(
          window.map((p) => p.figure),
          'rolling12',
          false,
        )
      : null;
  const year = cal.periodsInYear(cal.yearOf(period), 'monthly');
  const toDate = year.filter((p) => cal.end(p) <= cal.end(period));
  const withData = pointsFor(a.returns, a.key, toDate).filter((p) => p.figure !== null).length;
  return {
    actual: total,
    ytd: total,
    elapsed: toDate.length,
    withData,
    inYear: year.length,
    current: window[window.length - 1]?.figure != null,
    groupSize: { actual: null, ytd: null },
    missing,
    gaps: [],
  };
}
