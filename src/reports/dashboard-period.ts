// Which quarter a dashboard is for, how its months read, and how it is written in file names and URLs.
import type { IsoDate } from '../domain/iso-date.js';
import type { FinancialCalendar, Parsed, Period } from '../domain/period.js';
import { MONTH_NAMES } from '../domain/reminder-time.js';
import type { ReturnRecord } from '../domain/return-record.js';

const MONTHS = MONTH_NAMES.map((m) => `${m.charAt(0).toUpperCase()}${m.slice(1)}`);

/**
 * The asked period's quarter (a year means its last quarter, a month the quarter it is in); with none
 * asked, the quarter of the latest return, else the last quarter that has ended.
 */
export function dashboardPeriod(
  cal: FinancialCalendar,
  asked: string | undefined,
  returns: ReturnRecord[],
  today: IsoDate,
  defaultYear?: number,
): Parsed<Period> {
  if (asked) {
    const parsed = cal.parse(asked, { defaultYear });
    if (!parsed.ok) return parsed;
    const p = parsed.value;
    const value =
      p.kind === 'year'
        ? (cal.periodsInYear(p.year, 'quarterly')[3] as Period)
        : cal.containing(cal.end(p), 'quarterly');
    return { ok: true, value };
  }
  const latest = returns
    .map((r) => r.period)
    .sort((a, b) => cal.compare(a, b))
    .pop();
  const end = latest ? cal.end(latest) : cal.end(cal.lastCompleted(today, 'quarterly'));
  return { ok: true, value: cal.containing(end, 'quarterly') };
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
