// A quarter's completeness by agency as the summaries and the dashboard show it: the domain's counts,
// with each owner's missing returns in words.
import { completenessByAgency, outstandingText, quarterObligations } from '../domain/agency-completeness.js';
import type { Obligation } from '../domain/partnership-calendar.js';
import type { Partnership } from '../domain/partnership.js';
import type { FinancialCalendar, Period } from '../domain/period.js';
import type { ReportingCalendar } from '../domain/reporting-calendar.js';
import type { AgencyReport } from '../domain/summary-payload.js';

export function agencyReport(
  cal: FinancialCalendar,
  p: Partnership,
  calendar: ReportingCalendar,
  quarter: Period,
): AgencyReport {
  return agencyReportOf(cal, p, quarter, quarterObligations(cal, calendar, p.measures, quarter));
}

/** The same from the returns the quarter owes (a weekly summary keeps them measure by measure). */
export function agencyReportOf(
  cal: FinancialCalendar,
  p: Partnership,
  quarter: Period,
  owed: Obligation[],
): AgencyReport {
  return {
    period: cal.format(quarter),
    agencies: completenessByAgency(owed, p.people).map(({ owners, ...a }) => ({
      ...a,
      owners: owners.map(({ owner: _key, outstanding, ...o }) => ({
        ...o,
        missing: outstanding.map((x) => outstandingText(cal, x)),
      })),
    })),
  };
}
