// A measure's figures over its financial year, ready to chart: each part's year to date at every
// reporting period against the target profile and last year, and the in-period figure by quarter.
// Periods with no figure stay null (a gap, not a zero); small counts of sensitive measures are hidden.
import { componentsOf, headlineOf } from '../domain/measure.js';
import type { FinancialCalendar, Frequency, Period } from '../domain/period.js';
import type { Rag } from '../domain/plan-schema.js';
import { RAG_LABELS } from '../domain/rag.js';
import {
  computeStatus,
  type ComponentStatus,
  type MeasureStatus,
  type StatusInput,
  type MeasureHeader,
} from '../domain/status.js';

export type Value = number | null;

export interface PartSeries {
  key: string;
  name: string;
  headline: boolean;
  /** The year to date at the end of each period; null after the asked period and where nothing came in. */
  ytd: Value[];
  /** The target to date (the target profile); all null when the measure has no target. */
  target: Value[];
  /** Last year's year to date at the same point of the year. */
  lastYear: Value[];
}

export interface QuarterSeries {
  labels: string[];
  /** Quarters up to the asked period with no figure: drawn as gaps and labelled "no data". */
  missing: boolean[];
  /** Quarters whose figure is a small count of a sensitive measure: gaps labelled as such. */
  smallCount: boolean[];
  actual: Value[];
  lastYear: Value[];
}

export interface MeasureSeries extends MeasureHeader {
  frequency: Frequency;
  /** '2015/16 Q4', '2015/16', '2014/15'. */
  period: string;
  year: string;
  lastYearText: string;
  labels: string[];
  missing: boolean[];
  /** The headline first, then the other parts of a multi-part measure. */
  parts: PartSeries[];
  quarters: QuarterSeries;
  rag: Rag;
  /** 'Significant concern', or the override's wording. */
  ragText: string;
  monitoring: boolean;
  hasTarget: boolean;
  /** Whether last year had any figures (before small counts were hidden). */
  lastYearReported: boolean;
  /** Counts below this are not charted (sensitive measures); null when all are. */
  suppressBelow: number | null;
  /** How many figures were left out because they were small counts. */
  hidden: number;
}

export interface SeriesInput extends StatusInput {
  /** suppressionThreshold(measure, partnership default): null when figures may be charted as they are. */
  suppressBelow: number | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function periodLabel(cal: FinancialCalendar, p: Period): string {
  switch (p.kind) {
    case 'quarter':
      return `Q${p.quarter}`;
    case 'month':
      return MONTHS[p.month - 1] ?? cal.format(p);
    case 'year':
      return cal.format(p);
    default: {
      const never: never = p;
      throw new Error(`unknown period ${JSON.stringify(never)}`);
    }
  }
}

/** Figures are drawn to one decimal place (a percentage of 49.0909… is 49.1). */
const round = (v: Value): Value => (v === null ? null : Math.round(v * 10) / 10);

/**
 * Hides small counts of sensitive measures. A year to date is hidden when it is small, and, for summed
 * measures, from the first small step of the year on: otherwise two points (or a point and a quarter's
 * bar) would give the small figure away by subtraction.
 */
function hider(threshold: number | null) {
  let hidden = 0;
  const small = (v: Value) => threshold !== null && v !== null && v > 0 && v < threshold;
  const keep = (value: Value): Value => {
    if (value === null) return null;
    if (small(value)) {
      hidden += 1;
      return null;
    }
    return round(value);
  };
  return {
    keep,
    small,
    /** Year-to-date points, given each point's step (the in-period figure); null steps are gaps. */
    cumulative(points: Value[], steps: Value[], summed: boolean): Value[] {
      let tainted = false;
      return points.map((v, i) => {
        if (summed && small(steps[i] ?? null)) tainted = true;
        if (v !== null && (tainted || small(steps[i] ?? null))) {
          hidden += 1;
          return null;
        }
        return keep(v);
      });
    },
    get hidden() {
      return hidden;
    },
  };
}

interface PartInput {
  statuses: MeasureStatus[];
  elapsed: boolean[];
  headKey: string;
  monitoring: boolean;
  summed: boolean;
  hide: ReturnType<typeof hider>;
}

/** One component's year: year to date, target to date and last year, with small numbers hidden. */
function partSeries(
  key: string,
  { statuses, elapsed, headKey, monitoring, summed, hide }: PartInput,
): PartSeries {
  const at = statuses.map((s) => s.components.find((c) => c.key === key) as ComponentStatus);
  return {
    key,
    name: at[0]?.name ?? key,
    headline: key === headKey,
    ytd: hide.cumulative(
      at.map((c, i) => (elapsed[i] && c.actual !== null ? c.ytd : null)),
      at.map((c, i) => (elapsed[i] ? c.actual : null)),
      summed,
    ),
    target: at.map((c) => (monitoring ? null : round(c.targetToDate))),
    lastYear: hide.cumulative(
      at.map((c) => (c.lastYear.actual !== null ? c.lastYear.ytd : null)),
      at.map((c) => c.lastYear.actual),
      summed,
    ),
  };
}

export function measureSeries(input: SeriesInput): MeasureSeries {
  const { cal, measure: m, period } = input;
  // Last year's line is last year's own figures, not only the months this year has so far.
  const statusAt = (p: Period) => computeStatus({ ...input, period: p, override: null, likeForLike: false });
  const askedEnd = cal.end(period);
  const year = cal.yearOf(period);
  const periods = cal.periodsInYear(year, m.frequency);
  const statuses = periods.map(statusAt);
  const elapsed = periods.map((p) => cal.end(p) <= askedEnd);
  const monitoring = m.polarity === 'monitor';
  const headKey = headlineOf(m).key;
  const keys = [headKey, ...componentsOf(m).map((c) => c.key)].filter((k, i, all) => all.indexOf(k) === i);
  const hide = hider(input.suppressBelow);
  const summed = m.aggregation === 'sum';
  const parts = keys.map((key) => partSeries(key, { statuses, elapsed, headKey, monitoring, summed, hide }));
  const head = parts[0] as PartSeries;
  const asked = computeStatus(input);
  const headStatuses = statuses.map((s) => s.headline);
  return {
    ref: m.ref,
    title: m.title,
    theme: m.theme,
    unit: m.unit,
    aggregation: m.aggregation,
    polarity: m.polarity,
    frequency: m.frequency,
    period: cal.format(period),
    year: cal.format({ kind: 'year', year }),
    lastYearText: cal.format({ kind: 'year', year: year - 1 }),
    labels: periods.map((p) => periodLabel(cal, p)),
    missing: headStatuses.map((h, i) => Boolean(elapsed[i]) && h.actual === null),
    parts,
    quarters: quarterSeries(input, hide),
    rag: asked.finalRag,
    ragText: asked.override
      ? `${ragWordsShort(input)[asked.override.rag]} (set by the coordinator; computed ${asked.label.toLowerCase()})`
      : asked.label,
    monitoring,
    hasTarget: head.target.some((v) => v !== null),
    lastYearReported: headStatuses.some((h) => h.lastYear.actual !== null),
    suppressBelow: input.suppressBelow,
    get hidden() {
      return hide.hidden;
    },
  };
}

const ragWordsShort = (input: SeriesInput): Record<Rag, string> => ({
  ...(input.rules.ragWords ?? RAG_LABELS),
  none: 'No RAG',
});

/** The in-period headline figure of each quarter (or the year, for annual measures) and last year's. */
function quarterSeries(input: SeriesInput, hide: ReturnType<typeof hider>): QuarterSeries {
  const { cal, measure: m, period } = input;
  const year = cal.yearOf(period);
  const spans: Period[] =
    m.frequency === 'annual' ? [{ kind: 'year', year }] : cal.periodsInYear(year, 'quarterly');
  const askedEnd = cal.end(period);
  const heads = spans.map(
    (p) => computeStatus({ ...input, period: p, override: null, likeForLike: false }).headline,
  );
  const elapsed = spans.map((p) => cal.end(p) <= askedEnd);
  return {
    labels: spans.map((p) => periodLabel(cal, p)),
    missing: heads.map((h, i) => Boolean(elapsed[i]) && h.actual === null),
    smallCount: heads.map((h, i) => Boolean(elapsed[i]) && hide.small(h.actual)),
    actual: heads.map((h, i) => (elapsed[i] ? hide.keep(h.actual) : null)),
    lastYear: heads.map((h) => hide.keep(h.lastYear.actual)),
  };
}
