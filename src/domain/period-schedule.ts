// When a period's return is due: the period's end, the day after which its data exists (later for a
// measure whose data lags) and the due date some working days after that. It depends on nothing but the
// period, the lag, the working days and the financial year's start month, so it is remembered: the
// reporting calendar asks for it for every measure and period on every turn, and each due date walks
// the working days over weekends and bank holidays.
import type { IsoDate } from './iso-date.js';
import { periodNumber, type FinancialCalendar, type Period } from './period.js';
import { addWorkingDays } from './working-days.js';

export interface PeriodSchedule {
  /** Canonical text, e.g. "2015/16 Q4". */
  text: string;
  /** The last day of the period. */
  ends: IsoDate;
  /** The last day before its data exists: the period's end, or later for a measure that lags. */
  dataAfter: IsoDate;
  due: IsoDate;
}

/** The last day of the month `months` after the one `date` is in. */
export function monthEndAfter(cal: FinancialCalendar, date: IsoDate, months: number): IsoDate {
  let month = cal.containing(date, 'monthly');
  for (let i = 0; i < months; i += 1) month = cal.next(month);
  return cal.end(month);
}

/** The schedule worked out afresh. */
export function computePeriodSchedule(
  cal: FinancialCalendar,
  period: Period,
  lagMonths: number,
  dueWorkingDays: number,
): PeriodSchedule {
  const ends = cal.end(period);
  const dataAfter = monthEndAfter(cal, ends, lagMonths);
  return { text: cal.format(period), ends, dataAfter, due: addWorkingDays(dataAfter, dueWorkingDays) };
}

// Keyed by everything the schedule depends on. A calendar is made per turn, but financialCalendar's one
// parameter, the year's start month, decides it (the text of a quarter names its year). Bounded by the
// periods of the plans' years times their settings; bank holidays never change while the process runs.
const schedules = new Map<string, Readonly<PeriodSchedule>>();

const keyOf = (yearStartMonth: number, period: Period, lagMonths: number, dueWorkingDays: number): string =>
  `${yearStartMonth}|${periodNumber(period)}|${lagMonths}|${dueWorkingDays}`;

/** The schedule, remembered (see computePeriodSchedule). Frozen: every caller shares it. */
export function periodSchedule(
  cal: FinancialCalendar,
  period: Period,
  lagMonths: number,
  dueWorkingDays: number,
): Readonly<PeriodSchedule> {
  const key = keyOf(cal.yearStartMonth, period, lagMonths, dueWorkingDays);
  let schedule = schedules.get(key);
  if (!schedule) {
    schedule = Object.freeze(computePeriodSchedule(cal, period, lagMonths, dueWorkingDays));
    schedules.set(key, schedule);
  }
  return schedule;
}
