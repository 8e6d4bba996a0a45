// Reporting periods (years, quarters, months) of a financial year that starts in a configurable
// month: April in the UK public sector.

import { addDays, compareIsoDates, isoDate, type IsoDate } from './iso-date.js';
import { parsePeriod } from './period-parse.js';
import type { FinancialCalendar, Frequency, Period } from './period-types.js';

export type { FinancialCalendar, Frequency, Parsed, Period } from './period-types.js';

/**
 * One number per period, equal when the periods are (a year, quarter 1–4 or month 1–12 of a year): a map
 * key for periods, cheaper than their formatted text.
 */
export function periodNumber(p: Period): number {
  switch (p.kind) {
    case 'year':
      return p.year * 32;
    case 'quarter':
      return p.year * 32 + 16 + p.quarter;
    case 'month':
      return p.year * 32 + p.month;
    default: {
      const never: never = p;
      throw new Error(`unknown period ${JSON.stringify(never)}`);
    }
  }
}

const MONTHS_IN: Record<Frequency, number> = { monthly: 1, quarterly: 3, annual: 12 };

export function financialCalendar(yearStartMonth = 4): FinancialCalendar {
  if (!Number.isInteger(yearStartMonth) || yearStartMonth < 1 || yearStartMonth > 12) {
    throw new RangeError(`yearStartMonth must be 1..12, got ${yearStartMonth}`);
  }
  const offset = yearStartMonth - 1;
  const start = (p: Period): IsoDate => firstDayOf(startMonth(offset, p));
  const end = (p: Period): IsoDate => lastDayOf(startMonth(offset, p) + monthsIn(p) - 1);
  const yearOf = (p: Period): number => Math.floor((startMonth(offset, p) - offset) / 12);
  const step = (p: Period, n: number): Period =>
    atSequence(offset, frequencyOf(p), sequenceOf(offset, p) + n);
  const containing = (date: IsoDate, frequency: Frequency): Period =>
    atSequence(offset, frequency, sequenceAt(offset, monthOfDate(date), frequency));
  const compare = (a: Period, b: Period): number =>
    compareIsoDates(end(a), end(b)) || compareIsoDates(start(a), start(b));
  const periodsWithin = (outer: Period, frequency: Frequency): Period[] | null => {
    if (MONTHS_IN[frequency] > monthsIn(outer)) return null;
    const first = sequenceAt(offset, startMonth(offset, outer), frequency);
    const count = monthsIn(outer) / MONTHS_IN[frequency];
    return Array.from({ length: count }, (_, i) => atSequence(offset, frequency, first + i));
  };

  const calendar: FinancialCalendar = {
    yearStartMonth,
    parse: (text, opts) => parsePeriod(calendar, text, opts?.defaultYear),
    format: (p) => formatPeriod(yearStartMonth, p),
    start,
    end,
    yearOf,
    frequencyOf,
    periodsInYear: (year, frequency) => periodsWithin({ kind: 'year', year }, frequency) ?? [],
    periodsWithin,
    indexInYear: (p) => (startMonth(offset, p) - offset - yearOf(p) * 12) / monthsIn(p) + 1,
    sameLastYear: (p) => shiftYears(p, -1),
    shiftYears,
    previous: (p) => step(p, -1),
    next: (p) => step(p, 1),
    containing,
    lastCompleted: (today, frequency) => step(containing(today, frequency), -1),
    compare,
    equals: (a, b) => compare(a, b) === 0,
  };
  return calendar;
}

// Months are counted as year * 12 + (month - 1) ("absolute months"), so period maths is integer
// maths; `offset` is the start month of the financial year less one.

function startMonth(offset: number, p: Period): number {
  switch (p.kind) {
    case 'year':
      return p.year * 12 + offset;
    case 'quarter':
      return p.year * 12 + offset + 3 * (p.quarter - 1);
    case 'month':
      return p.year * 12 + p.month - 1;
    default:
      return unreachable(p);
  }
}

function monthOfDate(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

// Remembered by absolute month: statuses ask for periods' starts and ends over and over (a weekly
// summary tens of thousands of times), and working each out anew costs several Date objects.
const firstDays = new Map<number, IsoDate>();
const lastDays = new Map<number, IsoDate>();

function firstDayOf(absoluteMonth: number): IsoDate {
  let day = firstDays.get(absoluteMonth);
  if (day === undefined) {
    day = isoDate(Math.floor(absoluteMonth / 12), mod(absoluteMonth, 12) + 1, 1);
    firstDays.set(absoluteMonth, day);
  }
  return day;
}

function lastDayOf(absoluteMonth: number): IsoDate {
  let day = lastDays.get(absoluteMonth);
  if (day === undefined) {
    day = addDays(firstDayOf(absoluteMonth + 1), -1);
    lastDays.set(absoluteMonth, day);
  }
  return day;
}

// Periods of one frequency are numbered consecutively from year 0, so previous/next are -1/+1.
function sequenceAt(offset: number, absoluteMonth: number, frequency: Frequency): number {
  return Math.floor((absoluteMonth - offset) / MONTHS_IN[frequency]);
}

function sequenceOf(offset: number, p: Period): number {
  return sequenceAt(offset, startMonth(offset, p), frequencyOf(p));
}

function atSequence(offset: number, frequency: Frequency, n: number): Period {
  switch (frequency) {
    case 'annual':
      return { kind: 'year', year: n };
    case 'quarterly':
      return { kind: 'quarter', year: Math.floor(n / 4), quarter: (mod(n, 4) + 1) as 1 | 2 | 3 | 4 };
    case 'monthly':
      return { kind: 'month', year: Math.floor((n + offset) / 12), month: mod(n + offset, 12) + 1 };
    default:
      return unreachable(frequency);
  }
}

function frequencyOf(p: Period): Frequency {
  switch (p.kind) {
    case 'year':
      return 'annual';
    case 'quarter':
      return 'quarterly';
    case 'month':
      return 'monthly';
    default:
      return unreachable(p);
  }
}

function monthsIn(p: Period): number {
  return MONTHS_IN[frequencyOf(p)];
}

function shiftYears(p: Period, n: number): Period {
  return { ...p, year: p.year + n };
}

function formatYear(yearStartMonth: number, year: number): string {
  return yearStartMonth === 1 ? String(year) : `${year}/${String(mod(year + 1, 100)).padStart(2, '0')}`;
}

function formatPeriod(yearStartMonth: number, p: Period): string {
  switch (p.kind) {
    case 'year':
      return formatYear(yearStartMonth, p.year);
    case 'quarter':
      return `${formatYear(yearStartMonth, p.year)} Q${p.quarter}`;
    case 'month':
      return `${p.year}-${String(p.month).padStart(2, '0')}`;
    default:
      return unreachable(p);
  }
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

function unreachable(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
