// What a reporting period is, and what a financial calendar can do with one; period.ts builds the calendar.
import type { IsoDate } from './iso-date.js';

export type Frequency = 'monthly' | 'quarterly' | 'annual';

export type Period =
  /** year: the calendar year the financial year starts in (2015 for 2015/16) */
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  /** a calendar year and month 1..12: 2016-01 is in 2015/16 */
  | { kind: 'month'; year: number; month: number };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface FinancialCalendar {
  yearStartMonth: number;
  parse(text: string, opts?: { defaultYear?: number }): Parsed<Period>;
  /** Canonical text: '2015/16', '2015/16 Q1', '2015-04' ('2015', '2015 Q1' when years start in January). */
  format(p: Period): string;
  /** First day. */
  start(p: Period): IsoDate;
  /** Last day, inclusive. */
  end(p: Period): IsoDate;
  /** The start year of the financial year the period is in. */
  yearOf(p: Period): number;
  frequencyOf(p: Period): Frequency;
  /** In order. */
  periodsInYear(year: number, frequency: Frequency): Period[];
  /** The months of a quarter, the quarters of a year...; null when frequency is coarser than outer. */
  periodsWithin(outer: Period, frequency: Frequency): Period[] | null;
  /** 1-based position within its financial year (Q3 -> 3, first month -> 1). */
  indexInYear(p: Period): number;
  sameLastYear(p: Period): Period;
  shiftYears(p: Period, n: number): Period;
  /** The previous period of the same frequency, crossing years. */
  previous(p: Period): Period;
  next(p: Period): Period;
  containing(date: IsoDate, frequency: Frequency): Period;
  /** The latest period whose end is before today. */
  lastCompleted(today: IsoDate, frequency: Frequency): Period;
  /** By end date, then start date. */
  compare(a: Period, b: Period): number;
  equals(a: Period, b: Period): boolean;
}
