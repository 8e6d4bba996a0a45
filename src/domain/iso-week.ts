// The ISO 8601 week a date falls in, as weekly summaries and their outbox keys name it ("2016-W15").
import { addDays, dayOfWeek, daysBetween, isoDate, type IsoDate } from './iso-date.js';

export interface IsoWeek {
  /** "2016-W15" */
  label: string;
  monday: IsoDate;
  sunday: IsoDate;
}

/** The ISO 8601 week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const monday = addDays(date, -((dayOfWeek(date) + 6) % 7));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(isoDate(year, 1, 1), thursday) / 7) + 1;
  return { label: `${year}-W${String(week).padStart(2, '0')}`, monday, sunday: addDays(monday, 6) };
}
