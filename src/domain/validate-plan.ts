// Cross-checks a parsed plan: references between its parts, periods, and figures against units.
import { checkFigure } from './check-figure.js';
import type { Figures } from './figures.js';
import { measureKindIssues } from './measure-kind-issues.js';
import { componentsOf, headlineOf, type Measure } from './measure.js';
import type { FinancialCalendar, Period } from './period.js';
import type { OverrideInput, Plan, ReturnInput } from './plan-schema.js';
import { planYearsOf } from './reporting-calendar.js';
import { targetIssues } from './target-issues.js';
import type { ReturnContent } from './return-record.js';

export interface PlanIssue {
  path: (string | number)[];
  message: string;
}

export interface NormalReturn extends ReturnContent {
  ref: string;
  submittedAt: string | null;
}

export interface NormalOverride extends Omit<OverrideInput, 'period'> {
  period: Period;
}

export interface CheckedPlan {
  issues: PlanIssue[];
  returns: NormalReturn[];
  overrides: NormalOverride[];
}

type Issue = (path: (string | number)[], message: string) => void;

/** The plan's returns, checked and normalised: each names a measure and a period of it, once. */
function checkReturns(
  plan: Plan,
  cal: FinancialCalendar,
  known: { measures: Map<string, Plan['measures'][number]>; people: Set<string> },
  issue: Issue,
): NormalReturn[] {
  const { measures, people } = known;
  const returns: NormalReturn[] = [];
  const seen = new Set<string>();
  plan.returns.forEach((r, i) => {
    const path = ['returns', i];
    const measure = measures.get(r.ref);
    if (!measure) return issue([...path, 'ref'], `no measure "${r.ref}" in this plan`);
    const period = periodFor(cal, measure, r.period);
    if (!period.ok) return issue([...path, 'period'], period.error);
    const key = `${r.ref}|${cal.format(period.value)}`;
    if (seen.has(key)) return issue(path, `${r.ref} ${cal.format(period.value)} is given twice`);
    seen.add(key);
    if (r.submittedBy !== undefined && !people.has(r.submittedBy)) {
      issue([...path, 'submittedBy'], `no person "${r.submittedBy}"`);
    }
    const figures = figuresOf(measure, r, (p, m) => issue([...path, ...p], m));
    returns.push({
      ref: r.ref,
      period: period.value,
      figures,
      narrative: r.narrative,
      correctiveAction: r.correctiveAction ?? null,
      notAvailable: r.notAvailable ?? null,
      expectedDate: r.expected ?? null,
      submittedBy: r.submittedBy ?? null,
      submittedAt: r.submittedAt ?? null,
    });
  });
  return returns;
}

export function validatePlan(plan: Plan, cal: FinancialCalendar): CheckedPlan {
  const issues: PlanIssue[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ path, message });
  const people = new Set(plan.people.map((p) => p.id));
  const themes = new Set(plan.themes.map((t) => t.id));
  const measures = new Map(plan.measures.map((m) => [m.ref, m]));
  const years = planYearsOf(cal, plan.partnership);
  if (!years.ok) issue(['partnership', 'planYears'], years.error);
  duplicates(plan.people.map((p) => p.id)).forEach((i) =>
    issue(['people', i, 'id'], 'this id is used twice'),
  );
  duplicates(plan.themes.map((t) => t.id)).forEach((i) =>
    issue(['themes', i, 'id'], 'this id is used twice'),
  );
  duplicates(plan.measures.map((m) => m.ref)).forEach((i) =>
    issue(['measures', i, 'ref'], 'this ref is used twice'),
  );
  plan.themes.forEach((t, i) => {
    if (t.approver !== undefined && !people.has(t.approver))
      issue(['themes', i, 'approver'], `no person "${t.approver}": add them under people`);
  });
  plan.measures.forEach((m, i) => {
    if (!themes.has(m.theme)) issue(['measures', i, 'theme'], `no theme "${m.theme}": add it under themes`);
    if (!people.has(m.owner))
      issue(['measures', i, 'owner'], `no person "${m.owner}": add them under people`);
  });
  issues.push(...measureKindIssues(plan.partnership, plan.measures));
  plan.measures.forEach((m, i) => issues.push(...targetIssues(cal, m, i, years.ok ? years.value : null)));

  const returns = checkReturns(plan, cal, { measures, people }, issue);

  const overrides: NormalOverride[] = [];
  plan.overrides.forEach((o, i) => {
    const measure = measures.get(o.ref);
    if (!measure) return issue(['overrides', i, 'ref'], `no measure "${o.ref}" in this plan`);
    if (!people.has(o.by)) return issue(['overrides', i, 'by'], `no person "${o.by}"`);
    const period = periodFor(cal, measure, o.period);
    if (!period.ok) return issue(['overrides', i, 'period'], period.error);
    overrides.push({ ...o, period: period.value });
  });
  return { issues, returns, overrides };
}

function periodFor(cal: FinancialCalendar, m: Measure, text: string) {
  const parsed = cal.parse(text);
  if (!parsed.ok) return parsed;
  if (cal.frequencyOf(parsed.value) !== m.frequency) {
    const example = cal.format(cal.containing(cal.start(parsed.value), m.frequency));
    return {
      ok: false as const,
      error: `${m.ref} is reported ${m.frequency}: give a period like ${example}`,
    };
  }
  return parsed;
}

function figuresOf(
  m: Measure,
  r: ReturnInput,
  issue: (path: string[], message: string) => void,
): Figures | null {
  if (r.notAvailable !== undefined) return null;
  if (m.unit === 'text') {
    if (r.value !== undefined || r.values !== undefined)
      issue(['value'], `${m.ref} takes narrative only, no figure`);
    return null;
  }
  const keys = componentsOf(m).map((c) => c.key);
  let figures: Figures;
  if (r.value !== undefined) {
    if (m.components) {
      issue(['value'], `${m.ref} has parts (${keys.join(', ')}): give "values" with one figure each`);
      return null;
    }
    figures = { [headlineOf(m).key]: r.value };
  } else if (r.values !== undefined) {
    figures = r.values;
  } else {
    issue(
      ['value'],
      `${m.ref} ${r.period} has no figure: give "value", "values" or "notAvailable: <reason>"`,
    );
    return null;
  }
  // A rank given as a bare position is in the plan's usual group: "value: 5" is 5th of groupSize.
  const groupSize = m.unit === 'rank' ? m.groupSize : undefined;
  if (groupSize !== undefined)
    figures = Object.fromEntries(
      Object.entries(figures).map(([k, f]) => [k, typeof f === 'number' ? { position: f, groupSize } : f]),
    );
  for (const [key, figure] of Object.entries(figures)) {
    if (!keys.includes(key)) issue(['values', key], `${m.ref} has no part "${key}": use ${keys.join(', ')}`);
    else {
      const problem = checkFigure(m.unit, figure);
      if (problem) issue(r.value !== undefined ? ['value'] : ['values', key], problem);
    }
  }
  return figures;
}

function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((v, i) => (seen.has(v) ? [i] : (seen.add(v), [])));
}
