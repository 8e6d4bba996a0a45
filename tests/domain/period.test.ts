import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates, daysBetween } from '../../src/domain/iso-date.js';
import { financialCalendar, type Frequency, type Period } from '../../src/domain/period.js';

const cal = financialCalendar();
const anyStartMonth = fc.integer({ min: 1, max: 12 });
const anyYear = fc.integer({ min: 1900, max: 2200 });
const anyFrequency = fc.constantFrom<Frequency>('monthly', 'quarterly', 'annual');
const anyPeriod: fc.Arbitrary<Period> = fc.oneof(
  anyYear.map((year): Period => ({ kind: 'year', year })),
  fc
    .tuple(anyYear, fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const))
    .map(([year, quarter]): Period => ({ kind: 'quarter', year, quarter })),
  fc
    .tuple(anyYear, fc.integer({ min: 1, max: 12 }))
    .map(([year, month]): Period => ({ kind: 'month', year, month })),
);
const anyDate = fc.integer({ min: 0, max: 80_000 }).map((n) => addDays('1950-01-01', n));

const formatted = (text: string, opts?: { defaultYear?: number }): string => {
  const parsed = cal.parse(text, opts);
  return parsed.ok ? cal.format(parsed.value) : parsed.error;
};

describe('parsing a period (April start)', () => {
  it.each([
    ['2015/16', '2015/16'],
    ['2015-16', '2015/16'],
    ['2015/2016', '2015/16'],
    ['FY 2015/16', '2015/16'],
    ['fy15/16', '2015/16'],
    ['2015/16 Q2', '2015/16 Q2'],
    ['Q2 2015/16', '2015/16 Q2'],
    ['2015-16 Q2', '2015/16 Q2'],
    ['q2 15/16', '2015/16 Q2'],
    ['2015/16 quarter 2', '2015/16 Q2'],
    ['Quarter 2 2015/16', '2015/16 Q2'],
    ['Jul-Sep 2015', '2015/16 Q2'],
    ['July - September 2015', '2015/16 Q2'],
    ['Jan-Mar 2016', '2015/16 Q4'],
    ['Jan 2016 to Mar 2016', '2015/16 Q4'],
    ['2015-04', '2015-04'],
    ['2016-01', '2016-01'],
    ['Apr 2015', '2015-04'],
    ['April 2015', '2015-04'],
    ['Sept 2015', '2015-09'],
    ['04/2015', '2015-04'],
    ['4/2015', '2015-04'],
    ['  2015/16 q2?  ', '2015/16 Q2'],
    ['2015/16.', '2015/16'],
    ['JULY 2015', '2015-07'],
    ['1999/00', '1999/00'],
  ])('reads %j as %s', (text, expected) => {
    expect(formatted(text)).toBe(expected);
  });

  it('reads 2011-12 as December 2011, the canonical month form, not as 2011/12', () => {
    expect(cal.parse('2011-12')).toEqual({ ok: true, value: { kind: 'month', year: 2011, month: 12 } });
  });

  it.each([
    ['Q3', '2015/16 Q3'],
    ['quarter 1', '2015/16 Q1'],
    ['Jul', '2015-07'],
    ['January', '2016-01'],
    ['Oct-Dec', '2015/16 Q3'],
  ])('reads a bare %j in the default year 2015/16 as %s', (text, expected) => {
    expect(formatted(text, { defaultYear: 2015 })).toBe(expected);
  });

  it('prefers a year written in the text to the default year', () => {
    expect(formatted('2014/15 Q3', { defaultYear: 2015 })).toBe('2014/15 Q3');
  });
});

describe('rejecting text that is not a period', () => {
  it.each([
    ['banana', 'use a year like 2015/16, a quarter like 2015/16 Q2 or a month like 2015-07'],
    ['', 'use a year like 2015/16, a quarter like 2015/16 Q2 or a month like 2015-07'],
    ['2015/16 Q5', 'quarters are Q1 to Q4, e.g. 2015/16 Q2'],
    ['Q0 2015/16', 'quarters are Q1 to Q4, e.g. 2015/16 Q2'],
    ['2015/17', 'a financial year is two consecutive years, e.g. 2015/16'],
    ['2015/17 Q3', 'a financial year is two consecutive years, e.g. 2015/16 Q3'],
    ['2015-13', 'a financial year is two consecutive years, e.g. 2015/16'],
    ['2015', 'a financial year spans two calendar years, e.g. 2015/16'],
    ['2015 Q2', 'a financial year spans two calendar years, e.g. 2015/16 Q2'],
    ['Aug-Oct 2015', 'the quarters are Apr-Jun, Jul-Sep, Oct-Dec and Jan-Mar, e.g. Jul-Sep 2015'],
    ['Jul-Aug 2015', 'the quarters are Apr-Jun, Jul-Sep, Oct-Dec and Jan-Mar, e.g. Jul-Sep 2015'],
    ['Jan 2016 - Mar 2017', 'the quarters are Apr-Jun, Jul-Sep, Oct-Dec and Jan-Mar, e.g. Jul-Sep 2015'],
    ['13/2015', 'months are 01 to 12, e.g. 2015-07'],
    ['2015-00', 'months are 01 to 12, e.g. 2015-07'],
    ['Q3', 'say which year, e.g. 2015/16 Q3'],
    ['Jul', 'say which year, e.g. Jul 2015'],
    ['Jul-Sep', 'say which year, e.g. Jul-Sep 2015'],
  ])('rejects %j: %s', (text, detail) => {
    expect(cal.parse(text)).toEqual({ ok: false, error: `"${text}" is not a period: ${detail}` });
  });

  it('quotes the text as typed, without surrounding spaces', () => {
    expect(cal.parse('  Banana? ')).toEqual({
      ok: false,
      error:
        '"Banana?" is not a period: use a year like 2015/16, a quarter like 2015/16 Q2 or a month like 2015-07',
    });
  });
});

describe('a calendar whose year starts in January', () => {
  const january = financialCalendar(1);

  it('prints a year as 2015 and a quarter as 2015 Q1', () => {
    expect(january.format({ kind: 'year', year: 2015 })).toBe('2015');
    expect(january.format({ kind: 'quarter', year: 2015, quarter: 1 })).toBe('2015 Q1');
  });

  it('reads Jan-Mar 2016 as 2016 Q1', () => {
    expect(january.parse('Jan-Mar 2016')).toEqual({
      ok: true,
      value: { kind: 'quarter', year: 2016, quarter: 1 },
    });
  });

  it('rejects a split year', () => {
    expect(january.parse('2015/16')).toEqual({
      ok: false,
      error: '"2015/16" is not a period: years run from January to December, e.g. 2015',
    });
  });
});

describe('periods of the 2015/16 financial year', () => {
  it.each([
    [{ kind: 'year', year: 2015 }, '2015-04-01', '2016-03-31'],
    [{ kind: 'quarter', year: 2015, quarter: 1 }, '2015-04-01', '2015-06-30'],
    [{ kind: 'quarter', year: 2015, quarter: 4 }, '2016-01-01', '2016-03-31'],
    [{ kind: 'month', year: 2016, month: 2 }, '2016-02-01', '2016-02-29'],
  ] satisfies [Period, string, string][])('%j runs from %s to %s', (p, start, end) => {
    expect([cal.start(p), cal.end(p)]).toEqual([start, end]);
  });

  it('puts January 2016 in 2015/16 as its tenth month', () => {
    const january: Period = { kind: 'month', year: 2016, month: 1 };
    expect([cal.yearOf(january), cal.indexInYear(january)]).toEqual([2015, 10]);
  });

  it('has no months of a year within a month', () => {
    expect(cal.periodsWithin({ kind: 'month', year: 2015, month: 4 }, 'quarterly')).toBeNull();
  });

  it('has the quarter before Q1 in Q4 of the previous year', () => {
    expect(cal.previous({ kind: 'quarter', year: 2015, quarter: 1 })).toEqual({
      kind: 'quarter',
      year: 2014,
      quarter: 4,
    });
  });

  it('treats a period as completed only once today is after its end', () => {
    expect(cal.format(cal.lastCompleted('2016-03-31', 'quarterly'))).toBe('2015/16 Q3');
    expect(cal.format(cal.lastCompleted('2016-04-01', 'quarterly'))).toBe('2015/16 Q4');
    expect(cal.format(cal.lastCompleted('2016-04-01', 'annual'))).toBe('2015/16');
  });
});

describe('period properties, for every start month', () => {
  it('prints every period in a form that parses back to it', () => {
    fc.assert(
      fc.property(anyStartMonth, anyPeriod, (startMonth, p) => {
        const c = financialCalendar(startMonth);
        expect(c.parse(c.format(p))).toEqual({ ok: true, value: p });
      }),
    );
  });

  it('tiles time: the day after a period ends, the next one starts', () => {
    fc.assert(
      fc.property(anyStartMonth, anyPeriod, (startMonth, p) => {
        const c = financialCalendar(startMonth);
        expect(addDays(c.end(p), 1)).toBe(c.start(c.next(p)));
        expect(c.previous(c.next(p))).toEqual(p);
        expect(c.compare(p, c.next(p))).toBeLessThan(0);
      }),
    );
  });

  it('splits a quarter into three contiguous months', () => {
    fc.assert(
      fc.property(
        anyStartMonth,
        anyYear,
        fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
        (s, y, q) => {
          const c = financialCalendar(s);
          const quarter: Period = { kind: 'quarter', year: y, quarter: q };
          expectTiling(c, quarter, c.periodsWithin(quarter, 'monthly') ?? [], 3);
        },
      ),
    );
  });

  it.each([
    ['monthly', 12],
    ['quarterly', 4],
    ['annual', 1],
  ] satisfies [Frequency, number][])('covers a year exactly with its %s periods', (frequency, count) => {
    fc.assert(
      fc.property(anyStartMonth, anyYear, (s, y) => {
        const c = financialCalendar(s);
        const periods = c.periodsInYear(y, frequency);
        expectTiling(c, { kind: 'year', year: y }, periods, count);
        periods.forEach((p, i) => {
          expect([c.yearOf(p), c.indexInYear(p), c.frequencyOf(p)]).toEqual([y, i + 1, frequency]);
        });
      }),
    );
  });

  it('finds the period containing a date', () => {
    fc.assert(
      fc.property(anyStartMonth, anyDate, anyFrequency, (s, date, frequency) => {
        const c = financialCalendar(s);
        const p = c.containing(date, frequency);
        expect(c.frequencyOf(p)).toBe(frequency);
        expect(compareIsoDates(c.start(p), date)).toBeLessThanOrEqual(0);
        expect(compareIsoDates(date, c.end(p))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('finds the last completed period: ended before today, and the next one has not', () => {
    fc.assert(
      fc.property(anyStartMonth, anyDate, anyFrequency, (s, today, frequency) => {
        const c = financialCalendar(s);
        const p = c.lastCompleted(today, frequency);
        expect(compareIsoDates(c.end(p), today)).toBeLessThan(0);
        expect(compareIsoDates(c.end(c.next(p)), today)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('puts the same period last year exactly one year earlier', () => {
    fc.assert(
      fc.property(anyStartMonth, anyPeriod, (s, p) => {
        const c = financialCalendar(s);
        const last = c.sameLastYear(p);
        expect(c.start(last)).toBe(`${Number(c.start(p).slice(0, 4)) - 1}${c.start(p).slice(4)}`);
        expect([c.yearOf(last), c.indexInYear(last)]).toEqual([c.yearOf(p) - 1, c.indexInYear(p)]);
        expect(daysBetween(c.end(last), c.end(p))).toBeGreaterThanOrEqual(365);
        expect(daysBetween(c.end(last), c.end(p))).toBeLessThanOrEqual(366);
        expect(c.equals(c.shiftYears(last, 1), p)).toBe(true);
      }),
    );
  });
});

function expectTiling(
  c: ReturnType<typeof financialCalendar>,
  outer: Period,
  parts: Period[],
  count: number,
) {
  expect(parts).toHaveLength(count);
  expect(c.start(parts[0]!)).toBe(c.start(outer));
  expect(c.end(parts[count - 1]!)).toBe(c.end(outer));
  parts.slice(1).forEach((p, i) => expect(c.start(p)).toBe(addDays(c.end(parts[i]!), 1)));
}
