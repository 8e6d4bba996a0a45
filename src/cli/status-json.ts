// A measure's status as one plain JSON object: numbers as numbers (percentages to one decimal place),
// unknowns as null.
import type { FinancialCalendar } from '../domain/period.js';
import type { ComponentStatus, MeasureStatus } from '../domain/status.js';

const round = (v: number | null, places: number) =>
  v === null || !Number.isFinite(v) ? null : Number(v.toFixed(places));
const value = (v: number | null) => round(v, 2);
const pct = (v: number | null) => round(v, 1);

function figures(c: ComponentStatus) {
  return {
    actual: value(c.actual),
    ytd: value(c.ytd),
    annualTarget: value(c.annualTarget),
    targetToDate: value(c.targetToDate),
    variance: value(c.variance),
    variancePct: pct(c.variancePct),
    /** Ranks: the comparison group's size ("5th of 15"); rolling measures: the months with no return. */
    groupSize: c.groupSize,
    missing: c.missing,
    lastYear: {
      actual: value(c.lastYear.actual),
      ytd: value(c.lastYear.ytd),
      change: value(c.lastYear.change),
      changePct: pct(c.lastYear.changePct),
      inPeriod: { change: value(c.lastYear.inPeriod.change), changePct: pct(c.lastYear.inPeriod.changePct) },
      groupSize: c.lastYear.groupSize,
      missing: c.lastYear.missing,
    },
    baseline: {
      value: value(c.baseline.value),
      label: c.baseline.label,
      change: value(c.baseline.change),
      changePct: pct(c.baseline.changePct),
    },
    projectedYearEnd: value(c.projectedYearEnd),
    direction: c.direction,
  };
}

export function statusJson(cal: FinancialCalendar, s: MeasureStatus) {
  return {
    ref: s.ref,
    title: s.title,
    theme: s.theme,
    period: cal.format(s.period),
    rag: s.rag,
    label: s.label,
    finalRag: s.finalRag,
    ...figures(s.headline),
    override: s.override,
    components: s.components.map((c) => ({
      key: c.key,
      name: c.name,
      rag: c.rag,
      label: c.label,
      ...figures(c),
    })),
    narrative: s.latest?.narrative ?? null,
    correctiveAction: s.latest?.correctiveAction ?? null,
    notAvailable: s.latest?.notAvailable ?? null,
    expectedDate: s.latest?.expectedDate ?? null,
    submittedBy: s.latest?.submittedBy ?? null,
    // An import whose file gave no date has none: null, rather than the time the import ran.
    submittedAt: s.latest && s.latest.imported?.dated !== false ? s.latest.submittedAt : null,
    imported: s.latest?.imported !== undefined,
  };
}
