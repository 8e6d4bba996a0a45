// The quarter's summary, posted once when the quarter closes (all its returns in, or its board date):
// how many returns are in and who is still missing, every red and amber measure of the quarter with
// its narrative (withheld for sensitive measures), and the RAG distribution with its chart. Pure given
// the returns.
import type { IsoDate } from '../domain/iso-date.js';
import type { Measure } from '../domain/measure.js';
import { periodForQuarter, quarterObligations } from '../domain/agency-completeness.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import type { Summary } from '../domain/summary-payload.js';
import type { Partnership } from '../domain/partnership.js';
import { exceptionReport } from './exception-report.js';
import { agencyReport } from './agency-report.js';
import { summaryView, type SummaryData } from './summary-view.js';
import { unapprovedReturns, outstandingByOwner, ragCounts, summaryException } from './summary-parts.js';
import type { SummaryChart } from './weekly-summary.js';

export interface QuarterSummaryInput {
  cal: FinancialCalendar;
  partnership: Partnership;
  data: SummaryData;
  quarter: Period;
  today: IsoDate;
  chart: SummaryChart | null;
}

/** Whether every return owed for the quarter is in (and the quarter owes any). */
export function quarterComplete(i: Omit<QuarterSummaryInput, 'chart'>): boolean {
  const view = summaryView(i.cal, i.partnership, i.data, null, i.today);
  const owed = quarterObligations(i.cal, view.calendar, i.partnership.measures, i.quarter);
  // A reason why a figure is not available answers for it, as a figure does.
  return owed.length > 0 && owed.every((o) => o.reported);
}

export function quarterSummary(i: QuarterSummaryInput): Summary {
  const { cal, partnership: p, quarter } = i;
  const view = summaryView(cal, p, i.data, null, i.today);
  const owed = quarterObligations(cal, view.calendar, p.measures, quarter);
  const statusOf = (m: Measure) => {
    const period = periodForQuarter(cal, m, quarter);
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
    returnsIn: { received: owed.filter((o) => o.reported).length, expected: owed.length },
    outstanding: outstandingByOwner(
      cal,
      p,
      owed.filter((o) => !o.reported),
    ),
    exceptions,
    cleared: [],
    distribution,
    chart: i.chart?.(distribution, `${p.settings.name}: RAG status, ${label}`) ?? null,
    unapproved: unapprovedReturns(p, i.data).filter((u) => u.period === label),
    agencies: agencyReport(cal, p, view.calendar, quarter),
  };
}
