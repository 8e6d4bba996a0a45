// The report by exception: red then amber measures, theme by theme, each with its figures, variance,
// direction of travel (against last year and the previous period), the owner's narrative and corrective
// action, and any override with its reason. Pure: statuses in, report out. Used by "exceptions" in
// chat, the weekly and quarterly summaries, and the board paper.
import { formatFigure, formatPct, suppressSmall } from '../domain/format-figure.js';
import { isSnapshot, suppressionThreshold, type Measure } from '../domain/measure.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import type { Rag, Theme } from '../domain/plan-schema.js';
import { directionOfTravel, type Direction } from '../domain/rag.js';
import type { ComponentStatus, MeasureStatus } from '../domain/status.js';
import { changeText } from './status-text.js';

export type ExceptionRag = Extract<Rag, 'red' | 'amber'>;

export interface Trend {
  direction: Direction;
  /** What it is compared with: "2014/15 Q4", "2015/16 Q3". */
  against: string;
  change: number;
  changePct: number | null;
}

export interface ExceptionItem {
  measure: Measure;
  period: Period;
  /** What the board sees: the override when there is one, else the computed RAG. */
  rag: ExceptionRag;
  /** The computed RAG and its words, shown beside an override. */
  computed: { rag: Rag; label: string };
  headline: ComponentStatus;
  /** The judged figure: the year to date, or the period's value for `latest` measures. */
  judged: number | null;
  vsLastYear: Trend | null;
  vsPrevious: Trend | null;
  narrative: string | null;
  correctiveAction: string | null;
  override: { rag: Rag; reason: string; by: string } | null;
}

export interface ExceptionReport {
  red: number;
  amber: number;
  themes: { id: string; name: string; items: ExceptionItem[] }[];
}

export interface ExceptionInput {
  cal: FinancialCalendar;
  themes: Theme[];
  measures: Measure[];
  /** The status to report for a measure (at the asked period, or its latest), null to leave it out. */
  statusOf(m: Measure): MeasureStatus | null;
  /** The measure's status at another period, for the direction of travel against the previous one. */
  statusAt(m: Measure, period: Period): MeasureStatus;
}

const isException = (rag: Rag): rag is ExceptionRag => rag === 'red' || rag === 'amber';

function judgedOf(m: Measure, c: ComponentStatus): number | null {
  return isSnapshot(m.aggregation) ? c.actual : c.ytd;
}

function trendAgainstPrevious(i: ExceptionInput, m: Measure, s: MeasureStatus): Trend | null {
  if (m.frequency === 'annual' || s.headline.actual === null) return null;
  const period = i.cal.containing(i.cal.end(s.period), m.frequency);
  const before = i.cal.previous(period);
  const prev = i.statusAt(m, before).components.find((c) => c.key === s.headline.key)?.actual ?? null;
  if (prev === null) return null;
  const change = s.headline.actual - prev;
  return {
    direction: directionOfTravel(s.headline.actual, prev, m.polarity),
    against: i.cal.format(before),
    change,
    changePct: prev === 0 ? null : (change / Math.abs(prev)) * 100,
  };
}

function trendAgainstLastYear(cal: FinancialCalendar, s: MeasureStatus): Trend | null {
  const c = s.headline;
  if (c.direction === null || c.lastYear.change === null) return null;
  return {
    direction: c.direction,
    against: cal.format(cal.sameLastYear(s.period)),
    change: c.lastYear.change,
    changePct: c.lastYear.changePct,
  };
}

export function exceptionItem(i: ExceptionInput, m: Measure, s: MeasureStatus): ExceptionItem | null {
  if (!isException(s.finalRag)) return null;
  return {
    measure: m,
    period: s.period,
    rag: s.finalRag,
    computed: { rag: s.rag, label: s.label },
    headline: s.headline,
    judged: judgedOf(m, s.headline),
    vsLastYear: trendAgainstLastYear(i.cal, s),
    vsPrevious: trendAgainstPrevious(i, m, s),
    narrative: s.latest?.narrative.trim() || null,
    correctiveAction: s.latest?.correctiveAction?.trim() || null,
    override: s.override && { rag: s.override.rag, reason: s.override.reason, by: s.override.by },
  };
}

/** Red before amber, then in the plan's order. */
export function exceptionReport(i: ExceptionInput): ExceptionReport {
  const items = i.measures.flatMap((m) => {
    const s = i.statusOf(m);
    const item = s && exceptionItem(i, m, s);
    return item ? [item] : [];
  });
  const order = (x: ExceptionItem) => (x.rag === 'red' ? 0 : 1);
  const themes = i.themes
    .map((t) => ({
      id: t.id,
      name: t.name,
      items: items.filter((x) => x.measure.theme === t.id).sort((a, b) => order(a) - order(b)),
    }))
    .filter((t) => t.items.length > 0);
  const red = items.filter((x) => x.rag === 'red').length;
  return { red, amber: items.length - red, themes };
}

/** Commentary cut to `max` characters (a summary's 300 by default), with an ellipsis when cut. */
export const clip = (text: string | null, max = 300): string | null =>
  text === null ? null : text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** How figures show: small counts of sensitive measures hidden when `suppress` (anything for a channel). */
export function figureFormatter(
  m: Measure,
  smallNumberThreshold: number,
  suppress: boolean,
): (v: number | null) => string {
  const threshold = suppress ? suppressionThreshold(m, smallNumberThreshold) : null;
  return (v) => (threshold !== null ? suppressSmall(v, threshold) : null) ?? formatFigure(v, m.unit);
}

const JUDGED_AS: Record<Measure['aggregation'], string> = {
  sum: 'YTD',
  ratio: 'YTD',
  latest: 'Latest',
  rolling12: 'Rolling 12 months',
};

/** "YTD 1,628 · target to date 1,068 · variance +560 (+52.4%)", "Latest 9th of 15 · target 7th · variance down 2 places" */
export function exceptionFigures(x: ExceptionItem, show: (v: number | null) => string): string {
  const h = x.headline;
  const { unit, aggregation } = x.measure;
  const judged =
    unit === 'rank'
      ? formatFigure(x.judged, unit, isSnapshot(aggregation) ? h.groupSize.actual : h.groupSize.ytd)
      : show(x.judged);
  const parts = [`${JUDGED_AS[aggregation]} ${judged}`];
  if (h.targetToDate !== null) {
    // A target identifies nobody: only the measure's own figures are suppressed.
    parts.push(
      `${isSnapshot(aggregation) ? 'target' : 'target to date'} ${formatFigure(h.targetToDate, unit)}`,
    );
    // A variance of a suppressed figure would give the figure away.
    if (show(x.judged) === formatFigure(x.judged, unit))
      parts.push(`variance ${changeText(h.variance, h.variancePct, unit)}`);
  }
  return parts.join(' · ');
}

function trendText(t: Trend, what: string, unit: Measure['unit']): string {
  const pct =
    t.direction === 'no change'
      ? ''
      : unit === 'rank'
        ? `, ${changeText(t.change, null, unit)}`
        : t.changePct === null
          ? ''
          : `, ${formatPct(Number(t.changePct.toFixed(1)))}`;
  return `${what} (${t.against}): ${t.direction}${pct}`;
}

/** "Last year (2014/15 Q4): worsening, +12.3% · previous period (2015/16 Q3): improving, −8%", or null. */
export function exceptionTrend(x: ExceptionItem): string | null {
  const parts = [
    x.vsLastYear && trendText(x.vsLastYear, 'Last year', x.measure.unit),
    x.vsPrevious &&
      trendText(x.vsPrevious, x.vsLastYear ? 'previous period' : 'Previous period', x.measure.unit),
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' · ') : null;
}
