// Public and bank holidays in England and Wales, by rule. The rules are those of gov.uk/bank-holidays:
// the Banking and Financial Dealings Act 1971, common law (Good Friday, Christmas Day) and the royal
// proclamations that move a day or add one. They replace the date-holidays package, whose loader cost
// over 20 MB of RSS at start. tests/domain/bank-holidays.test.ts proves they give the dates it gave for
// 'GB'/'ENG' with types public and bank, for 1900-2200, except the proclaimed days it lacked (1995's VE
// Day, the millennium, 2002's and 2012's jubilees, 2011's royal wedding), which are here. Like
// date-holidays, the rules are today's for every year: before 1978 (no early May holiday) and before
// 1971 (Whit Monday) they are not what was observed, and the plans the bot runs start long after.

import { addDays, dayOfWeek, isoDate, type IsoDate } from './iso-date.js';

/** Proclaimed moves: the day a rule gives, and the day it was held instead. */
const MOVED: ReadonlyMap<IsoDate, IsoDate> = new Map([
  ['1995-05-01', '1995-05-08'], // early May, to the 50th anniversary of VE Day
  ['2002-05-27', '2002-06-04'], // spring, to the Queen's Golden Jubilee
  ['2012-05-28', '2012-06-04'], // spring, to the Queen's Diamond Jubilee
  ['2020-05-04', '2020-05-08'], // early May, to the 75th anniversary of VE Day
  ['2022-05-30', '2022-06-02'], // spring, to the Queen's Platinum Jubilee
]);

/** Proclaimed extra days. */
const EXTRA: readonly IsoDate[] = [
  '1999-12-31', // the millennium
  '2002-06-03', // the Queen's Golden Jubilee
  '2011-04-29', // the wedding of Prince William and Catherine Middleton
  '2012-06-05', // the Queen's Diamond Jubilee
  '2022-06-03', // the Queen's Platinum Jubilee
  '2022-09-19', // the Queen's state funeral
  '2023-05-08', // the coronation of King Charles III
];

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm: Meeus, Jones and Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return isoDate(year, Math.floor(n / 31), (n % 31) + 1);
}

const isWeekend = (date: IsoDate) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

/** The Monday on or after the date. */
const mondayFrom = (date: IsoDate) => addDays(date, (8 - dayOfWeek(date)) % 7);

/** The year's public and bank holidays in England and Wales, in date order, weekend ones included. */
export function bankHolidaysOf(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const fixed = [isoDate(year, 1, 1), isoDate(year, 12, 25), isoDate(year, 12, 26)];
  const days = new Set<IsoDate>([
    ...fixed,
    addDays(easter, -2), // Good Friday
    addDays(easter, 1), // Easter Monday
    mondayFrom(isoDate(year, 5, 1)), // early May: the first Monday
    mondayFrom(isoDate(year, 5, 25)), // spring: the last Monday of May
    mondayFrom(isoDate(year, 8, 25)), // summer: the last Monday of August
  ]);
  for (const [from, to] of MOVED) {
    if (days.delete(from)) days.add(to);
  }
  for (const day of EXTRA) if (Number(day.slice(0, 4)) === year) days.add(day);
  // A fixed day on a weekend is also held on the next weekday that is not already a holiday:
  // Christmas on a Saturday on Monday the 27th, and Boxing Day, then a Sunday, on Tuesday the 28th.
  for (const day of fixed) {
    if (!isWeekend(day)) continue;
    let substitute = addDays(day, 1);
    while (isWeekend(substitute) || days.has(substitute)) substitute = addDays(substitute, 1);
    days.add(substitute);
  }
  return [...days].sort();
}
