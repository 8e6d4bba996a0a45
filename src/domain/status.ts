// The status engine: turns a measure's returns into the figures and RAG a board reads.
import { componentsOf, headlineOf, isSnapshot, type Component, type Measure } from './measure.js';
import type { FinancialCalendar, Parsed, Period } from './period.js';
import type { Rag } from './plan-schema.js';
import {
  directionOfTravel,
  judgeRag,
  NONE_LABELS,
  RAG_LABELS,
  type Direction,
  type NoneReason,
  type RagRules,
  type RagWords,
} from './rag.js';
import type { OverrideRecord, ReturnRecord } from './return-record.js';
import { readSeries, type SeriesReading } from './series.js';
import { annualTarget, baselineToDate, targetToDate } from './target.js';
import { targetIn, yearLabel } from './year-targets.js';
import type { BoardComparison } from './board-view.js';

/** A year's missing target is named with its year when targets belong to years ("No target set for 2016/17"). */
function noneLabel(
  cal: FinancialCalendar,
  period: Period,
  reason: NoneReason | null,
  rules: StatusRules,
): string {
  if (reason === 'no-target' && rules.targetYear)
    return `${NONE_LABELS['no-target']} for ${yearLabel(cal, period)}`;
  return NONE_LABELS[reason ?? 'no-data'];
}

export interface StatusRules extends RagRules {
  judgeAgainst: 'targetToDate' | 'projection';
  /** The partnership's words for the RAGs (see ragWordsOf); the defaults without. */
  ragWords?: RagWords;
  /** The year plain targets were set for (see year-targets.ts); null or absent: every year. */
  targetYear?: string | null;
}

export interface Comparison {
  value: number | null;
  change: number | null;
  changePct: number | null;
}

export interface ComponentStatus {
  key: string;
  /** The component's name ("ASB Hotline"), or the measure's title when it has one series. */
  name: string;
  actual: number | null;
  ytd: number | null;
  annualTarget: number | null;
  targetToDate: number | null;
  variance: number | null;
  variancePct: number | null;
  rag: Rag;
  noneReason: NoneReason | null;
  /** The RAG in words: 'On target', 'Monitoring only'... */
  label: string;
  /** Rank measures: the comparison group's size behind `actual` and behind `ytd` ("5th of 15"). */
  groupSize: { actual: number | null; ytd: number | null };
  /** Rolling measures: the months of the 12 with no return ('2015-08'); the figures are then null. */
  missing: string[];
  /**
   * Added-up measures: the periods of the year to date with no return ('2015/16 Q2', '2016-02'). With any,
   * the RAG is held back (never green with a period missing), nothing is projected, and last year is read
   * over the same periods only (`lastYear.likeForLike`).
   */
  gaps: string[];
  /**
   * The judged figure (year to date, or the period's figure for snapshots) against the same point last
   * year; `inPeriod` compares the periods themselves ("1,319 against 1,294 last year, +25").
   */
  lastYear: Comparison & {
    actual: number | null;
    ytd: number | null;
    inPeriod: Comparison;
    /** Rank measures: last year's group size behind `value`. */
    groupSize: number | null;
    /** Rolling measures: last year's missing months. */
    missing: string[];
    /** Last year was read over this year's periods with a return only (some of this year's are missing). */
    likeForLike: boolean;
  };
  baseline: Comparison & { label: string };
  projectedYearEnd: number | null;
  direction: Direction | null;
}

/** What every view of a measure starts with: who it is and how its figures add up. */
export type MeasureHeader = Pick<Measure, 'ref' | 'title' | 'theme' | 'unit' | 'aggregation' | 'polarity'>;

export interface MeasureStatus extends MeasureHeader {
  period: Period;
  /** The computed RAG of the headline component. */
  rag: Rag;
  label: string;
  noneReason: NoneReason | null;
  /** The coordinator's override, shown beside the computed RAG. */
  override: OverrideRecord | null;
  /** What the board sees: the override when there is one, else the computed RAG. */
  finalRag: Rag;
  headline: ComponentStatus;
  components: ComponentStatus[];
  /** The latest return inside the asked period (a quarter's last month, say), if any. */
  latest: ReturnRecord | null;
  /** What the board saw for this period when its quarter closed, if it has closed (see board-snapshot.ts). */
  board?: BoardComparison | null;
}

export interface StatusInput {
  cal: FinancialCalendar;
  measure: Measure;
  period: Period;
  /** The current revision of each period's return for this measure (any years). */
  returns: ReturnRecord[];
  override: OverrideRecord | null;
  rules: StatusRules;
  /**
   * Compare a year to date with a period missing with the same periods last year only (the default);
   * false reads last year whole (a chart drawing last year's own line).
   */
  likeForLike?: boolean;
}

/** Checks the period can be asked of the measure: not finer than how often it is reported. */
export function checkPeriodFor(cal: FinancialCalendar, measure: Measure, period: Period): Parsed<Period> {
  if (cal.periodsWithin(period, measure.frequency) !== null) return { ok: true, value: period };
  const example = cal.format(cal.containing(cal.start(period), measure.frequency));
  return {
    ok: false,
    error: `${measure.ref} is reported ${measure.frequency}, so ${cal.format(period)} is too short: ask for e.g. ${example}`,
  };
}

export function computeStatus(input: StatusInput): MeasureStatus {
  const { cal, measure, period } = input;
  const components = componentsOf(measure).map((c) => componentStatus(input, c));
  const headlineKey = headlineOf(measure).key;
  const headline = components.find((c) => c.key === headlineKey) as ComponentStatus;
  const latest =
    input.returns
      .filter((r) => cal.end(r.period) <= cal.end(period) && cal.end(r.period) >= cal.start(period))
      .sort((a, b) => cal.compare(a.period, b.period))
      .pop() ?? null;
  return {
    ref: measure.ref,
    title: measure.title,
    theme: measure.theme,
    unit: measure.unit,
    aggregation: measure.aggregation,
    polarity: measure.polarity,
    period,
    rag: headline.rag,
    label: headline.label,
    noneReason: headline.noneReason,
    override: input.override,
    finalRag: input.override?.rag ?? headline.rag,
    headline,
    components,
    latest,
  };
}

/** The component's series now, the same periods last year (like for like when a period is missing) and last year whole. */
function readingsOf(input: StatusInput, component: Component) {
  const { cal, measure, period } = input;
  const read = (p: Period, only?: (q: Period) => boolean): SeriesReading =>
    readSeries({
      ...(only ? { only } : {}),
      cal,
      returns: input.returns,
      key: component.key,
      period: p,
      frequency: measure.frequency,
      aggregation: measure.aggregation,
      asPercent: measure.unit === 'percent',
    });
  const now = read(period);
  // Summed figures with a period missing are compared with the same periods last year, like for like.
  const summed = measure.aggregation === 'sum' || measure.aggregation === 'ratio';
  const gaps = summed ? now.gaps : [];
  const masked = gaps.length > 0 && input.likeForLike !== false;
  const gapText = new Set(gaps.map((p) => cal.format(cal.shiftYears(p, -1))));
  const ly = read(cal.sameLastYear(period), masked ? (p) => !gapText.has(cal.format(p)) : undefined);
  const lyYear = read(cal.shiftYears({ kind: 'year', year: cal.yearOf(period) }, -1));
  return { now, ly, lyYear, gaps, masked };
}

type Readings = ReturnType<typeof readingsOf>;

/** The year's target for the component, and its share to date; null where there is none. */
function targetsOf(input: StatusInput, component: Component, baseline: Component['baseline'], r: Readings) {
  const { cal, measure, period, rules } = input;
  const targetSpec = targetIn(cal, measure, component, cal.yearOf(period), rules.targetYear ?? null);
  const ctx = targetSpec && {
    target: targetSpec,
    aggregation: measure.aggregation,
    baseline,
    lastYearTotal: r.lyYear.ytd,
    inYear: r.now.inYear,
  };
  const annual = ctx ? annualTarget(ctx) : null;
  const ttd = ctx && annual?.ok ? targetToDate(ctx, annual.value, r.now.elapsed) : null;
  return { hasTarget: Boolean(ctx), annual, ttd };
}

/** The RAG, or why there is none. */
function judgementOf(
  input: StatusInput,
  r: Readings,
  t: ReturnType<typeof targetsOf>,
  figures: { judged: number | null; lyJudged: number | null; projected: number | null },
): { rag: Rag; noneReason: NoneReason | null } {
  const { measure, rules } = input;
  const { now, gaps, lyYear } = r;
  const { annual, ttd } = t;
  const { judged, lyJudged, projected } = figures;
  let rag: Rag = 'none';
  let noneReason: NoneReason | null = null;
  if (measure.unit === 'text') noneReason = 'narrative';
  else if (measure.polarity === 'monitor') noneReason = now.current ? 'monitoring' : 'no-data';
  else if (!t.hasTarget) noneReason = 'no-target';
  else if (annual && !annual.ok) noneReason = annual.reason;
  else if (now.current && (now.missing.length > 0 || gaps.length > 0)) noneReason = 'incomplete';
  else if (!now.current || judged === null || ttd === null) noneReason = 'no-data';
  else if (rules.judgeAgainst === 'projection' && projected !== null && annual?.ok) {
    rag = judgeRag(projected, annual.value, measure.polarity, rules, lyYear.ytd);
  } else rag = judgeRag(judged, ttd, measure.polarity, rules, lyJudged);
  return { rag, noneReason };
}

function componentStatus(input: StatusInput, component: Component): ComponentStatus {
  const { cal, measure, period, rules } = input;
  const r = readingsOf(input, component);
  const { now, ly, gaps, masked } = r;
  const baseline = component.baseline ?? (measure.components ? undefined : measure.baseline);
  const projected =
    measure.aggregation === 'sum' && now.ytd !== null && now.withData > 0 && gaps.length === 0
      ? (now.ytd / now.withData) * now.inYear
      : null;
  const targets = targetsOf(input, component, baseline, r);
  const { annual, ttd } = targets;
  const snapshot = isSnapshot(measure.aggregation);
  const judged = snapshot ? now.actual : now.ytd;
  const lyJudged = snapshot ? ly.actual : ly.ytd;
  const { rag, noneReason } = judgementOf(input, r, targets, { judged, lyJudged, projected });

  const variance = judged !== null && ttd !== null ? judged - ttd : null;
  const baseToDate =
    baseline?.value != null
      ? baselineToDate(baseline.value, measure.aggregation, now.elapsed, now.inYear)
      : null;
  return {
    key: component.key,
    name: component.label,
    actual: now.actual,
    ytd: now.ytd,
    annualTarget: annual?.ok ? annual.value : null,
    targetToDate: ttd,
    variance,
    variancePct: variance !== null && ttd ? (variance / Math.abs(ttd)) * 100 : null,
    rag,
    noneReason,
    label: rag === 'none' ? noneLabel(cal, period, noneReason, rules) : (rules.ragWords ?? RAG_LABELS)[rag],
    groupSize: now.groupSize,
    missing: now.missing.map((p) => cal.format(p)),
    gaps: gaps.map((p) => cal.format(p)),
    lastYear: {
      actual: ly.actual,
      ytd: ly.ytd,
      ...compare(judged, lyJudged),
      inPeriod: compare(now.actual, ly.actual),
      groupSize: snapshot ? ly.groupSize.actual : ly.groupSize.ytd,
      missing: ly.missing.map((p) => cal.format(p)),
      likeForLike: masked,
    },
    baseline: { label: baseline?.label ?? '', ...compare(judged, baseToDate) },
    projectedYearEnd: projected,
    direction:
      judged !== null && lyJudged !== null ? directionOfTravel(judged, lyJudged, measure.polarity) : null,
  };
}

function compare(now: number | null, before: number | null): Comparison {
  if (now === null || before === null) return { value: before, change: null, changePct: null };
  const change = now - before;
  return { value: before, change, changePct: before === 0 ? null : (change / Math.abs(before)) * 100 };
}
