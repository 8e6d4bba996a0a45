// A dashboard row's figures as numbers, for analysts: each series (the measure, or each component of a
// multi-part one) with its quarters and its figures at the dashboard's period, unformatted.
import { isSnapshot, type Measure } from '../domain/measure.js';
import type { Rag } from '../domain/plan-schema.js';
import type { ComponentStatus, MeasureStatus } from '../domain/status.js';
import { gapsText, missingText, partlyMissing } from './status-text.js';

/** A figure: a number, null when there is none, or the text a hidden small count shows ("<5"). */
export type Num = number | string | null;

export interface SeriesNumbers {
  /** The component's name; null for a measure with one series. */
  component: string | null;
  /** The figure in each quarter of the year; null for a quarter still to come or without one. */
  quarters: Num[];
  inPeriod: Num;
  yearToDate: Num;
  annualTarget: number | null;
  targetToDate: number | null;
  /** The judged figure (year to date, or the period's for snapshots) less the target to date. */
  variance: number | null;
  /** Relative to the target, for counts and rates (a percentage's variance is already in points). */
  variancePct: number | null;
  samePeriodLastYear: Num;
  yearToDateLastYear: Num;
  /** The judged figure less last year's. */
  changeOnLastYear: number | null;
  changeOnLastYearPct: number | null;
  projectedYearEnd: number | null;
  /** A rank's comparison group ("5th of 15" → 15). */
  groupSize: number | null;
  rag: Rag;
  /** What the variance and the change on last year compare: the year to date, or the period's figure. */
  judgedOn: 'year to date' | 'period';
  /** Why a figure is missing at the dashboard's period ("Not available", "Incomplete: …"), or ''. */
  note: string;
}

export interface NumbersInput {
  /** Every quarter's status; null for those after the dashboard's period. */
  quarters: (MeasureStatus | null)[];
  /** "<5" for a count the board may not see, else null. */
  hide: Hide;
}

type Hide = (v: number | null) => string | null;

/**
 * Whether a series' totals and changes must be left out: a year to date less the quarters shown would give
 * a hidden quarter away. `quarters`: the series in each quarter reported, the last at the dashboard's period.
 */
export function givesHiddenAway(quarters: ComponentStatus[], hide: Hide): boolean {
  const last = quarters[quarters.length - 1];
  return quarters.some((c) => hide(c.actual) !== null) || hide(last?.ytd ?? null) !== null;
}

/** Two decimal places: enough for any figure a board reads, without floating-point noise. */
const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

export function seriesNumbers(m: Measure, input: NumbersInput): SeriesNumbers[] {
  const statuses = input.quarters.filter((s) => s !== null);
  const last = statuses[statuses.length - 1];
  if (!last || m.unit === 'text') return [];
  const multi = last.components.length > 1;
  return last.components.map((c, i) => {
    const suppressed = givesHiddenAway(
      statuses.map((s) => s.components[i] ?? c),
      input.hide,
    );
    const quarter = (s: MeasureStatus | null): Num => {
      const q = s?.components[i];
      return !q || s.latest?.notAvailable ? null : figure(q.actual);
    };
    const figure = (v: number | null): Num => input.hide(v) ?? round(v);
    const total = (v: number | null): Num => (suppressed ? null : figure(v));
    const kept = (v: number | null): number | null => (suppressed ? null : round(v));
    const relative = m.unit === 'count' || m.unit === 'rate';
    const ly = c.lastYear;
    const notAvailable = last.latest?.notAvailable ?? null;
    return {
      component: multi ? c.name : null,
      quarters: input.quarters.map(quarter),
      inPeriod: notAvailable ? null : figure(c.actual),
      yearToDate: isSnapshot(m.aggregation) ? null : total(c.ytd),
      annualTarget: round(c.annualTarget),
      targetToDate: round(c.targetToDate),
      variance: kept(c.variance),
      variancePct: relative ? kept(c.variancePct) : null,
      samePeriodLastYear: figure(ly.actual),
      yearToDateLastYear: isSnapshot(m.aggregation) ? null : total(ly.ytd),
      changeOnLastYear: kept(ly.change),
      changeOnLastYearPct: relative ? kept(ly.changePct) : null,
      projectedYearEnd: kept(c.projectedYearEnd === null ? null : Math.round(c.projectedYearEnd)),
      groupSize: m.unit === 'rank' ? c.groupSize.actual : null,
      rag: multi ? c.rag : last.finalRag,
      judgedOn: isSnapshot(m.aggregation) ? 'period' : 'year to date',
      note: noteOf(c, notAvailable),
    };
  });
}

function noteOf(c: ComponentStatus, notAvailable: string | null): string {
  // The reason is in the comments.
  if (notAvailable) return 'Not available';
  if (partlyMissing(c.missing)) return `Incomplete: ${missingText(c.missing)}`;
  if (c.gaps.length > 0) return `Incomplete: ${gapsText(c.gaps)}`;
  return '';
}
