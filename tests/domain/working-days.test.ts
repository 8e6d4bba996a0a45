import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates } from '../../src/domain/iso-date.js';
import { financialCalendar, type Period } from '../../src/domain/period.js';
import { addWorkingDays, dueDate, isWorkingDay, workingDaysBetween } from '../../src/domain/working-days.js';

const cal = financialCalendar();
const anyDate = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays('2000-01-01', n));
const anyWorkingDay = anyDate.filter(isWorkingDay);
const anyQuarterOrMonth: fc.Arbitrary<Period> = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 2000, max: 2040 }),
      fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    )
    .map(([year, quarter]): Period => ({ kind: 'quarter', year, quarter })),
  fc
    .tuple(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 12 }))
    .map(([year, month]): Period => ({ kind: 'month', year, month })),
);

describe('isWorkingDay in England and Wales', () => {
  it.each([
    ['2015-12-25', 'Christmas Day'],
    ['2015-12-28', 'Boxing Day moved to Monday (substitute day)'],
    ['2016-03-25', 'Good Friday'],
    ['2016-03-28', 'Easter Monday'],
    ['2016-01-01', "New Year's Day"],
    ['2015-08-31', 'the summer bank holiday'],
    ['2020-05-08', 'the early May bank holiday moved to VE Day'],
    ['2022-09-19', "the Queen's funeral"],
    ['2023-05-08', 'the coronation'],
    ['2016-04-02', 'a Saturday'],
    ['2016-04-03', 'a Sunday'],
  ])('%s is not a working day: %s', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2016-03-24', 'the Thursday before Good Friday'],
    ['2016-03-29', 'the Tuesday after Easter Monday'],
    ['2020-05-04', 'the Monday the 2020 early May bank holiday moved from'],
    ['2015-12-24', 'Christmas Eve'],
  ])('%s is a working day: %s', (date) => {
    expect(isWorkingDay(date)).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2016-03-24', 1, '2016-03-29', 'over Easter'],
    ['2016-03-29', -1, '2016-03-24', 'back over Easter'],
    ['2015-12-24', 1, '2015-12-29', 'over Christmas and the substitute Boxing Day'],
    ['2016-04-01', 1, '2016-04-04', 'over a weekend'],
    ['2016-04-02', 0, '2016-04-02', 'by zero, even from a Saturday'],
    ['2016-04-02', 1, '2016-04-04', 'from a Saturday to the Monday'],
  ])('moves %s by %i working days to %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('returns to a working day after going forward and back the same number of working days', () => {
    fc.assert(
      fc.property(anyWorkingDay, fc.integer({ min: -40, max: 40 }), (d, n) => {
        expect(addWorkingDays(addWorkingDays(d, n), -n)).toBe(d);
      }),
    );
  });

  it('moves by exactly the working days that workingDaysBetween counts, both ways', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40, max: 40 }), (d, n) => {
        expect(workingDaysBetween(d, addWorkingDays(d, n))).toBe(n);
      }),
    );
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2016-03-24', '2016-03-29')).toBe(1);
    expect(workingDaysBetween('2016-03-21', '2016-03-24')).toBe(3);
    expect(workingDaysBetween('2016-03-24', '2016-03-24')).toBe(0);
  });
});

describe('dueDate', () => {
  it.each([
    ['2015/16 Q4', 10, '2016-04-14', 'Easter 2016 fell inside the quarter, so nothing to skip'],
    ['2014/15 Q4', 10, '2015-04-16', 'skipping Good Friday 3 April and Easter Monday 6 April 2015'],
    ['2015/16 Q3', 10, '2016-01-15', "skipping New Year's Day"],
    ['2015/16 Q1', 10, '2015-07-14', 'no bank holidays, two weekends'],
    ['2015-12', 1, '2016-01-04', "skipping New Year's Day and a weekend"],
  ])('a return for %s due %i working days later is due on %s (%s)', (text, n, expected) => {
    const parsed = cal.parse(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(dueDate(cal, parsed.value, n)).toBe(expected);
  });

  it('falls on a working day strictly after the period ends, n working days after it', () => {
    fc.assert(
      fc.property(anyQuarterOrMonth, fc.integer({ min: 1, max: 30 }), (period, n) => {
        const due = dueDate(cal, period, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(compareIsoDates(due, cal.end(period))).toBeGreaterThan(0);
        expect(workingDaysBetween(cal.end(period), due)).toBe(n);
      }),
    );
  });
});
