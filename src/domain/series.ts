// One component's figures over a financial year: the in-period actual and the year to date,
// built the way the measure's aggregation says (sum, latest value, or summed ratio).
import { figureValue, type Figure } from './figures.js';
import type { Aggregation, Frequency } from './measure.js';
import type { FinancialCalendar, Period } from './period.js';
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
}

export function pointsFor(
  cal: FinancialCalendar,
  returns: ReturnRecord[],
  key: string,
  periods: Period[],
): SeriesPoint[] {
  // Only returns in the periods' years can match (a period's text names its year): formatting every
  // return of a long history for each reading made a status cost more as the history grew.
  const years = new Set(periods.map((p) => p.year));
  const byPeriod = new Map(
    returns.filter((r) => years.has(r.period.year)).map((r) => [cal.format(r.period), r]),
  );
  return periods.map((period) => ({
    period,
    figure: byPeriod.get(cal.format(period))?.figures?.[key] ?? null,
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
      return present.reduce<number>((acc, f) => acc + figureValue(f, asPercent), 0);
    case 'latest':
      return figureValue(present[present.length - 1] as Figure, asPercent);
    case 'ratio': {
      let numerator = 0;
      let denominator = 0;
      for (const f of present) {
        if (typeof f === 'number') return figureValue(present[present.length - 1] as Figure, asPercent);
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
}

/** Reads one component at one period. The period must not be finer than the measure's frequency. */
export function readSeries(a: ReadSeriesArgs): SeriesReading {
  const { cal, period } = a;
  const year = cal.periodsInYear(cal.yearOf(period), a.frequency);
  const within = cal.periodsWithin(period, a.frequency) ?? [period];
  const periodEnd = cal.end(period);
  const toDate = year.filter((p) => cal.end(p) <= periodEnd);
  const points = pointsFor(cal, a.returns, a.key, toDate);
  const inPeriod = pointsFor(cal, a.returns, a.key, within);
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
  };
}
