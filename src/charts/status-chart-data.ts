// The figures a status chart draws: the headline's year to date at each period of the year, against
// the target to date and last year's year to date.
import { findMeasure, rulesFor } from '../app/status-query.js';
import type { Measure } from '../domain/measure.js';
import { financialCalendar, type FinancialCalendar, type Parsed, type Period } from '../domain/period.js';
import { checkPeriodFor, computeStatus } from '../domain/status.js';
import type { Db } from '../store/open-database.js';
import type { Partnership } from '../store/plan-store.js';
import { currentReturns } from '../store/return-store.js';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  style: 'actual' | 'target' | 'lastYear';
}

export interface StatusChart {
  title: string;
  subtitle: string;
  unit: Measure['unit'];
  labels: string[];
  series: ChartSeries[];
  /** Set when the figures must not be drawn (a sensitive measure). */
  withheld: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function labelOf(cal: FinancialCalendar, p: Period): string {
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

export async function statusChartData(
  db: Db,
  p: Partnership,
  ref: string,
  periodText: string,
): Promise<Parsed<StatusChart>> {
  const cal = financialCalendar(p.settings.yearStartMonth);
  const found = findMeasure(p, ref);
  if (!found.ok) return found;
  const m = found.value;
  const parsed = cal.parse(periodText);
  if (!parsed.ok) return parsed;
  const fits = checkPeriodFor(cal, m, parsed.value);
  if (!fits.ok) return fits;
  const asked = parsed.value;
  const id = p.measureIds.get(m.ref) as number;
  const returns = (await currentReturns(db, cal, [id])).get(id) ?? [];
  const periods = cal.periodsInYear(cal.yearOf(asked), m.frequency);
  const rules = rulesFor(p, m);
  const heads = periods.map(
    (period) => computeStatus({ cal, measure: m, period, returns, override: null, rules }).headline,
  );
  const upToAsked = periods.map((q) => cal.end(q) <= cal.end(asked));
  return {
    ok: true,
    value: {
      title: `${m.ref} ${m.title}`,
      subtitle: `${cal.format(asked)}: year to date against target and last year`,
      unit: m.unit,
      labels: periods.map((q) => labelOf(cal, q)),
      series: [
        {
          label: 'Year to date',
          style: 'actual',
          values: heads.map((h, i) => (upToAsked[i] ? h.ytd : null)),
        },
        { label: 'Target to date', style: 'target', values: heads.map((h) => h.targetToDate) },
        { label: 'Last year', style: 'lastYear', values: heads.map((h) => h.lastYear.ytd) },
      ],
      withheld: m.sensitive ? 'The figures of this measure are sensitive and are not charted.' : null,
    },
  };
}
