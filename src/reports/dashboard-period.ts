// Which quarter a dashboard is for, how its months read, and how it is written in file names and URLs.
import type { FinancialCalendar, Parsed, Period } from '../domain/period.js';
import { MONTH_NAMES } from '../domain/reminders/reminder-time.js';
import type { ReportingCalendar } from '../domain/reporting-calendar.js';

const MONTHS = MONTH_NAMES.map((m) => `${m.charAt(0).toUpperCase()}${m.slice(1)}`);

/**
 * The asked period's quarter (a year means its last quarter, a month the quarter it is in), within the
 * plan's years; with none asked, the reporting calendar's current quarter.
 */
export function dashboardPeriod(
  cal: FinancialCalendar,
  calendar: ReportingCalendar,
  asked: string | undefined,
): Parsed<Period> {
  if (!asked) return { ok: true, value: calendar.currentQuarter() };
  const parsed = cal.parse(asked, { defaultYear: cal.yearOf(calendar.currentQuarter()) });
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  const value =
    p.kind === 'year'
      ? (cal.periodsInYear(p.year, 'quarterly')[3] as Period)
      : cal.containing(cal.end(p), 'quarterly');
  return calendar.inPlan(value);
}

/** "January to March 2016", "October to December 2015". */
export function monthsOf(cal: FinancialCalendar, p: Period): string {
  const [sy = '', sm = ''] = cal.start(p).split('-');
  const [ey = '', em = ''] = cal.end(p).split('-');
  const first = MONTHS[Number(sm) - 1] ?? '';
  const last = MONTHS[Number(em) - 1] ?? '';
  return sy === ey ? `${first} to ${last} ${ey}` : `${first} ${sy} to ${last} ${ey}`;
}

/** A period as a file-name and URL segment: "2015/16 Q4" → "2015-16-Q4" (the period parser reads it back). */
export function periodSlug(period: string): string {
  return period.replace(/[/\s]+/g, '-');
}
