// Working days in England and Wales: Monday to Friday except bank holidays, including the
// one-off ones (VE Day 2020, the Queen's funeral, the coronation): see bank-holidays.ts.

import { bankHolidaysOf } from './bank-holidays.js';
import { addDays, compareIsoDates, dayOfWeek, type IsoDate } from './iso-date.js';
import type { FinancialCalendar, Period } from './period.js';

// A pure memo: the holidays of a year never change while the process runs.
const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

function bankHolidaysIn(year: number): ReadonlySet<IsoDate> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Set(bankHolidaysOf(year));
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

export function isWorkingDay(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !bankHolidaysIn(Number(date.slice(0, 4))).has(date);
}

/** n > 0: the n-th working day after date; n < 0: the |n|-th working day before; 0: date itself. */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, got ${n}`);
  const step = Math.sign(n);
  let current = date;
  for (let remaining = Math.abs(n); remaining > 0;) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/**
 * Working days after `from` up to and including `to`. When `to` is earlier, minus the working
 * days from `to` up to but excluding `from`, so that workingDaysBetween(d, addWorkingDays(d, n)) = n.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const order = compareIsoDates(from, to);
  if (order === 0) return 0;
  if (order > 0) return -countWorkingDays(to, addDays(from, -1));
  return countWorkingDays(addDays(from, 1), to);
}

function countWorkingDays(first: IsoDate, last: IsoDate): number {
  let count = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}

/** The date a return is due: some working days after the period ends. */
export function dueDate(cal: FinancialCalendar, period: Period, dueWorkingDays: number): IsoDate {
  return addWorkingDays(cal.end(period), dueWorkingDays);
}
