// Checks a measure's targets against its calendar: a per-period profile has one value per reporting
// period of the year (4 for a quarterly measure, 12 for a monthly one), and a target for a named year
// names a year of the plan.
import type { Measure, Target } from './measure.js';
import type { FinancialCalendar } from './period.js';
import type { PlanYears } from './reporting-calendar.js';
import { formatPlanYears } from './reporting-calendar.js';

export interface TargetIssue {
  path: (string | number)[];
  message: string;
}

const PERIODS_IN_YEAR: Record<Measure['frequency'], number> = { monthly: 12, quarterly: 4, annual: 1 };

function profileIssue(m: Measure, t: Target | undefined, path: (string | number)[]): TargetIssue[] {
  const want = PERIODS_IN_YEAR[m.frequency];
  if (!t?.perPeriod || t.perPeriod.length === want) return [];
  return [
    {
      path: [...path, 'perPeriod'],
      message: `${m.ref} is reported ${m.frequency}, so perPeriod needs ${want} value${want === 1 ? '' : 's'} (one per ${m.frequency === 'monthly' ? 'month' : m.frequency === 'quarterly' ? 'quarter' : 'year'}), not ${t.perPeriod.length}`,
    },
  ];
}

export function targetIssues(
  cal: FinancialCalendar,
  m: Measure,
  index: number,
  years: PlanYears | null,
): TargetIssue[] {
  const at = ['measures', index];
  const issues = [
    ...profileIssue(m, m.target, [...at, 'target']),
    ...(m.components ?? []).flatMap((c, ci) =>
      profileIssue(m, c.target, [...at, 'components', ci, 'target']),
    ),
  ];
  for (const [year, t] of Object.entries(m.targetsByYear ?? {})) {
    const path = [...at, 'targetsByYear', year];
    issues.push(...profileIssue(m, t, path));
    const parsed = cal.parse(year);
    if (!parsed.ok || parsed.value.kind !== 'year') {
      issues.push({ path, message: `"${year}" is not a financial year: write it like 2016/17` });
    } else if (years && (parsed.value.year < years.first || parsed.value.year > years.last)) {
      issues.push({
        path,
        message: `${year} is outside the plan's years (${formatPlanYears(cal, years)}): extend planYears or remove this target`,
      });
    }
  }
  return issues;
}
