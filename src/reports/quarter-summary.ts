// The quarter's summary, posted once when the quarter closes (all its returns in, or its board date):
// how many returns are in and who is still missing, every red and amber measure of the quarter with
// its narrative (withheld for sensitive measures), and the RAG distribution with its chart. Pure given
// the returns.
import type { IsoDate } from '../domain/iso-date.js';
import type { Measure } from '../domain/measure.js';
import type { Obligation } from '../domain/obligations.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import type { Summary } from '../domain/summary-payload.js';
import type { Partnership } from '../store/plan-store.js';
import { exceptionReport } from './exception-report.js';
import { summaryView, type SummaryData, type SummaryView } from './summary-view.js';
import {
  unapprovedReturns,
  outstandingByOwner,
  ragCounts,
  summaryException,
  type SummaryChart,
} from './weekly-summary.js';

export interface QuarterSummaryInput {
  cal: FinancialCalendar;
  partnership: Partnership;
  data: SummaryData;
  quarter: Period;
  today: IsoDate;
  chart: SummaryChart | null;
}

/** The period a measure is judged on for a quarter: the quarter, or the year at its last quarter. */
function periodFor(cal: FinancialCalendar, m: Measure, quarter: Period): Period | null {
  if (m.frequency !== 'annual') return quarter;
  return cal.indexInYear(quarter) === 4 ? { kind: 'year', year: cal.yearOf(quarter) } : null;
}

/** The returns owed for the quarter's periods (its months, itself, or the year at Q4), received or not. */
export function quarterObligations(cal: FinancialCalendar, view: SummaryView, quarter: Period): Obligation[] {
  return view
    .obligationsIn(cal.yearOf(quarter))
    .filter((o) => cal.equals(cal.containing(cal.end(o.period), 'quarterly'), quarter));
}

/** Whether every return owed for the quarter is in (and the quarter owes any). */
export function quarterComplete(i: Omit<QuarterSummaryInput, 'chart'>): boolean {
  const owed = quarterObligations(i.cal, summaryView(i.cal, i.partnership, i.data, null, i.today), i.quarter);
  return owed.length > 0 && owed.every((o) => o.state === 'received');
}

export function quarterSummary(i: QuarterSummaryInput): Summary {
  const { cal, partnership: p, quarter } = i;
  const view = summaryView(cal, p, i.data, null, i.today);
  const owed = quarterObligations(cal, view, quarter);
  const statusOf = (m: Measure) => {
    const period = periodFor(cal, m, quarter);
    return period ? view.statusAt(m, period) : null;
  };
  const report = exceptionReport({
    cal,
    themes: p.themes,
    measures: p.measures,
    statusOf,
    statusAt: view.statusAt,
  });
  const exceptions = report.themes.flatMap((t) => t.items.map((x) => summaryException(cal, p, x, null)));
  const distribution = ragCounts(p.measures.flatMap((m) => statusOf(m) ?? []));
  const label = cal.format(quarter);
  return {
    scope: 'quarter',
    partnership: p.settings.name,
    label,
    from: cal.start(quarter),
    to: cal.end(quarter),
    received: [],
    returnsIn: { received: owed.filter((o) => o.state === 'received').length, expected: owed.length },
    outstanding: outstandingByOwner(
      cal,
      p,
      owed.filter((o) => o.state !== 'received'),
    ),
    exceptions,
    cleared: [],
    distribution,
    chart: i.chart?.(distribution, `${p.settings.name}: RAG status, ${label}`) ?? null,
    unapproved: unapprovedReturns(p, i.data).filter((u) => u.period === label),
  };
}
