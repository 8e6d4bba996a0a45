// One line of the dashboard: a measure's quarters, its RAG and override, comments and the figures the
// board paper's exceptions quote, with sensitive small counts suppressed when asked.
import { formatFigure, suppressSmall } from '../domain/format-figure.js';
import { isSnapshot, suppressionThreshold, type Measure, type Unit } from '../domain/measure.js';
import type { Rag } from '../domain/plan-schema.js';
import { RAG_LABELS, type RagWords } from '../domain/rag.js';
import type { ComponentStatus, MeasureStatus } from '../domain/status.js';
import {
  changeText,
  missingText,
  partlyMissing,
  periodFigureLabel,
  showsInPeriodChange,
} from './status-text.js';
import { givesHiddenAway, seriesNumbers, type SeriesNumbers } from './dashboard-numbers.js';

export interface DashboardCell {
  period: string;
  /** One line, components joined by "; " ("336", "364 (YTD 700)"); '' for a quarter still to come. */
  text: string;
  /**
   * What a table cell shows: the figure of a one-series measure, or a note ("Not available", "Narrative");
   * null when the figures are in the row's parts.
   */
  value: string | null;
  rag: Rag;
  /** False for the quarters after the dashboard's period. */
  reported: boolean;
  /** A figure not yet signed off: its state ("awaiting approval", "sent back", "reopened"); else null. */
  provisional: string | null;
}

/** One series of a multi-part measure (1.1's hotline and police callers): a figure per quarter. */
export interface DashboardPart {
  name: string;
  /** '' for a quarter still to come. */
  values: string[];
}

export interface Figure {
  label: string;
  value: string;
}

export interface DashboardRow {
  ref: string;
  title: string;
  /** The baseline as the plan states it ("2014/15 - 1,068 offences"), or ''. */
  baseline: string;
  source: string;
  cells: DashboardCell[];
  /** The series of a multi-part measure, each on its own line under the measure; [] for one series. */
  parts: DashboardPart[];
  /** What the board sees at the dashboard's period: the override when there is one. */
  rag: Rag;
  /** That RAG in words: "Significant concern", "Monitoring only"... */
  label: string;
  override: { rag: Rag; reason: string; by: string; computedRag: Rag; computedLabel: string } | null;
  comments: string;
  /** At the dashboard's period, headline series: in period, year to date, target, variance, last year. */
  figures: Figure[];
  narrative: string;
  correctiveAction: string | null;
  notAvailable: string | null;
  unit: Unit;
  /** The figures as numbers, a series a line: the measure's, or each component's. */
  series: SeriesNumbers[];
}

export interface RowInput {
  /** Every quarter of the year; status null for those after the dashboard's period. */
  quarters: { period: string; status: MeasureStatus | null; provisional?: string | null }[];
  /** The partnership's small-number threshold when suppressing, else null. */
  threshold: number | null;
  /** The partnership's words for the RAGs (an override's label); the defaults without. */
  ragWords?: RagWords;
}

/** `groupSize`: a rank's comparison group ("5th of 15"). */
type Show = (v: number | null, groupSize?: number | null) => string;

const incomplete = (missing: string[]) => `incomplete: ${missingText(missing)}`;

export function dashboardRow(m: Measure, input: RowInput): DashboardRow {
  const threshold = input.threshold === null ? null : suppressionThreshold(m, input.threshold);
  const hide = (v: number | null) => (threshold !== null ? suppressSmall(v, threshold) : null);
  const show: Show = (v, groupSize = null) => hide(v) ?? formatFigure(v, m.unit, groupSize);
  const statuses = input.quarters.map((q) => q.status).filter((s) => s !== null);
  const last = statuses[statuses.length - 1] as MeasureStatus;
  const o = last.override;
  const suppressed = givesHiddenAway(
    statuses.map((st) => st.headline),
    hide,
  );
  return {
    ref: m.ref,
    title: m.title,
    baseline: m.baseline?.label ?? '',
    source: m.source,
    cells: input.quarters.map((q) => ({
      ...cell(m, q.period, q.status, show, threshold === null),
      provisional: q.provisional ?? null,
    })),
    parts: parts(
      m,
      input.quarters.map((q) => q.status),
      show,
      threshold === null,
    ),
    rag: last.finalRag,
    label: o ? ragLabel(o.rag, last.label, input.ragWords ?? RAG_LABELS) : last.label,
    override: o && {
      rag: o.rag,
      reason: o.reason,
      by: o.by,
      computedRag: last.rag,
      computedLabel: last.label,
    },
    comments: comments(last),
    figures: figures(m, last, show, suppressed),
    unit: m.unit,
    series: seriesNumbers(m, { quarters: input.quarters.map((q) => q.status), hide }),
    narrative: last.latest?.narrative ?? '',
    correctiveAction: last.latest?.correctiveAction ?? null,
    notAvailable: last.latest?.notAvailable ?? null,
  };
}

function ragLabel(rag: Rag, noneLabel: string, words: RagWords): string {
  return rag === 'none' ? noneLabel : words[rag];
}

/** `withYtd`: false for a sensitive measure whose small counts are hidden (a running total would tell them). */
function cell(
  m: Measure,
  period: string,
  s: MeasureStatus | null,
  show: Show,
  withYtd: boolean,
): Omit<DashboardCell, 'provisional'> {
  if (!s) return { period, text: '', value: null, rag: 'none', reported: false };
  const note = cellNote(m, s);
  const values = s.components.map((c) => componentValue(m, c, show, withYtd));
  const multi = s.components.length > 1;
  const text =
    note ??
    (values.every((v) => v === '–')
      ? '–'
      : values.map((v, i) => (multi ? `${s.components[i]?.name ?? ''} ${v}` : v)).join('; '));
  return {
    period,
    text,
    value: note ?? (multi ? null : (values[0] ?? '–')),
    rag: s.finalRag,
    reported: true,
  };
}

/** What a quarter says instead of figures: not available, or a narrative measure's update. */
function cellNote(m: Measure, s: MeasureStatus): string | null {
  if (s.latest?.notAvailable) return 'Not available';
  if (m.unit === 'text') return s.latest?.narrative ? 'Narrative' : '–';
  return null;
}

/**
 * "336", "364 (YTD 700)": counts added up over the year show the year to date too; "5th of 15" for a
 * rank; a rolling 12 months with a month missing says which.
 */
function componentValue(m: Measure, c: ComponentStatus, show: Show, withYtd: boolean): string {
  if (partlyMissing(c.missing)) return incomplete(c.missing);
  const inPeriod = show(c.actual, c.groupSize.actual);
  return withYtd && m.aggregation === 'sum' && c.ytd !== null && c.ytd !== c.actual
    ? `${inPeriod} (YTD ${show(c.ytd)})`
    : inPeriod;
}

function parts(
  m: Measure,
  quarters: (MeasureStatus | null)[],
  show: Show,
  withYtd: boolean,
): DashboardPart[] {
  const series = quarters.find((s) => s !== null)?.components ?? [];
  if (series.length < 2) return [];
  return series.map((first, i) => ({
    name: first.name,
    values: quarters.map((s) => {
      if (!s) return '';
      const c = s.components[i];
      return c && !s.latest?.notAvailable ? componentValue(m, c, show, withYtd) : '–';
    }),
  }));
}

function comments(s: MeasureStatus): string {
  const r = s.latest;
  if (!r) return '';
  if (r.notAvailable)
    return `Not available: ${r.notAvailable}${r.expectedDate ? ` (expected ${r.expectedDate})` : ''}`;
  return r.narrative;
}

/**
 * The headline series' figures; totals and changes are left out when they would give away a hidden count.
 * A count added up over the year is compared with last year twice: the period, then the year to date.
 */
function figures(m: Measure, s: MeasureStatus, show: Show, suppressed: boolean): Figure[] {
  const c = s.headline;
  const ly = c.lastYear;
  const target = (v: number | null) => formatFigure(v, m.unit);
  const change = (v: number | null, pct: number | null) => changeText(v, pct, m.unit);
  const both = showsInPeriodChange(s, c);
  const out: (Figure | null)[] = [
    {
      label: periodFigureLabel(s),
      value: partlyMissing(c.missing) ? incomplete(c.missing) : show(c.actual, c.groupSize.actual),
    },
    isSnapshot(m.aggregation) || suppressed ? null : { label: 'Year to date', value: show(c.ytd) },
    c.targetToDate === null ? null : { label: 'Target to date', value: target(c.targetToDate) },
    c.variance === null || suppressed
      ? null
      : { label: 'Variance', value: change(c.variance, c.variancePct) },
    both ? { label: 'Same period last year', value: show(ly.actual) } : null,
    both && !suppressed && ly.inPeriod.change !== null
      ? { label: 'Change on same period last year', value: change(ly.inPeriod.change, ly.inPeriod.changePct) }
      : null,
    ly.value !== null
      ? {
          label: both ? 'Year to date last year' : 'Same period last year',
          value: show(ly.value, ly.groupSize),
        }
      : partlyMissing(ly.missing)
        ? { label: 'Same period last year', value: incomplete(ly.missing) }
        : null,
    ly.change === null || suppressed
      ? null
      : {
          label: both ? 'Change on last year to date' : 'Change on last year',
          value: `${change(ly.change, ly.changePct)}${c.direction ? ` (${c.direction})` : ''}`,
        },
    c.projectedYearEnd === null || suppressed
      ? null
      : { label: 'Projected year end', value: show(Math.round(c.projectedYearEnd)) },
  ];
  return out.filter((f) => f !== null);
}

/** How small numbers were hidden, for the foot of a board paper; null when no measure is affected. */
export function suppressionNote(measures: Measure[], partnershipDefault: number): string | null {
  const thresholds = [
    ...new Set(measures.map((m) => suppressionThreshold(m, partnershipDefault)).filter((t) => t !== null)),
  ].sort((a, b) => a - b);
  if (thresholds.length === 0) return null;
  const [only] = thresholds;
  if (thresholds.length === 1 && only !== undefined)
    return `Counts from 1 to ${only - 1} of sensitive measures are shown as "<${only}", and their running totals are left out, so that nobody can be identified.`;
  const shown = thresholds.map((t) => `"<${t}"`).join(' or ');
  return `Small counts of sensitive measures are shown as ${shown} (below the measure's threshold), and their running totals are left out, so that nobody can be identified.`;
}
