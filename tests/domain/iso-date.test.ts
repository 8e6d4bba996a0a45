import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  isoDate,
  isoDateOf,
  parseIsoDate,
} from '../../src/domain/iso-date.js';

const anyDate = fc.integer({ min: 0, max: 80_000 }).map((n) => addDays('1950-01-01', n));
const anyShift = fc.integer({ min: -5_000, max: 5_000 });

describe('isoDate', () => {
  it('pads month and day to two digits', () => {
    expect(isoDate(2015, 4, 1)).toBe('2015-04-01');
  });

  it('accepts 29 February in a leap year', () => {
    expect(isoDate(2016, 2, 29)).toBe('2016-02-29');
  });

  it.each([
    [2015, 2, 29],
    [2015, 2, 30],
    [2015, 13, 1],
    [2015, 4, 31],
    [2015, 0, 10],
  ])('throws for a day that does not exist: %i-%i-%i', (y, m, d) => {
    expect(() => isoDate(y, m, d)).toThrow(RangeError);
  });
});

describe('parseIsoDate', () => {
  it.each(['2015-04-01', '2016-02-29', '2000-02-29', '2015-12-31'])('accepts %s', (text) => {
    expect(parseIsoDate(text)).toBe(text);
  });

  it.each([
    '2015-02-30',
    '2015-02-29',
    '1900-02-29',
    '2015-13-01',
    '2015-00-10',
    '2015-04-00',
    '2015-4-1',
    ' 2015-04-01',
    '2015-04-01T00:00',
    '01/04/2015',
    '',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });

  it('accepts every date it prints', () => {
    fc.assert(fc.property(anyDate, (d) => parseIsoDate(d) === d));
  });
});

describe('addDays', () => {
  it.each([
    ['2015-03-31', 1, '2015-04-01'],
    ['2015-12-31', 1, '2016-01-01'],
    ['2016-02-28', 1, '2016-02-29'],
    ['2016-03-01', -1, '2016-02-29'],
    ['2015-03-01', -1, '2015-02-28'],
    ['2015-03-28', 2, '2015-03-30'],
  ])('%s plus %i days is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('is undone by adding the opposite number of days', () => {
    fc.assert(fc.property(anyDate, anyShift, (d, n) => addDays(addDays(d, n), -n) === d));
  });

  it('moves by exactly the days that daysBetween counts', () => {
    fc.assert(fc.property(anyDate, anyShift, (d, n) => daysBetween(d, addDays(d, n)) === n));
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['2015-04-01', 3],
    ['2016-03-25', 5],
    ['2016-03-27', 0],
    ['2016-04-02', 6],
  ])('%s is day %i of the week (0 = Sunday)', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it('repeats every seven days', () => {
    fc.assert(fc.property(anyDate, (d) => dayOfWeek(addDays(d, 7)) === dayOfWeek(d)));
  });
});

describe('compareIsoDates and daysBetween', () => {
  it('orders dates chronologically', () => {
    expect(compareIsoDates('2015-12-31', '2016-01-01')).toBeLessThan(0);
    expect(compareIsoDates('2016-01-01', '2015-12-31')).toBeGreaterThan(0);
    expect(compareIsoDates('2016-01-01', '2016-01-01')).toBe(0);
  });

  it('counts 366 days across a leap year', () => {
    expect(daysBetween('2016-01-01', '2017-01-01')).toBe(366);
    expect(daysBetween('2017-01-01', '2016-01-01')).toBe(-366);
  });

  it('agrees with the sign of daysBetween', () => {
    fc.assert(
      fc.property(
        anyDate,
        anyDate,
        (a, b) => Math.sign(compareIsoDates(a, b)) === -Math.sign(daysBetween(a, b)),
      ),
    );
  });
});

describe('isoDateOf', () => {
  it.each([
    ['2015-06-30T23:30:00Z', 'Europe/London', '2015-07-01'],
    ['2015-06-30T23:30:00Z', 'UTC', '2015-06-30'],
    ['2015-06-30T23:30:00Z', 'America/New_York', '2015-06-30'],
    ['2015-12-31T23:30:00Z', 'Europe/London', '2015-12-31'],
    ['2016-03-31T23:30:00Z', 'Europe/London', '2016-04-01'],
    ['2016-01-01T04:00:00Z', 'America/Los_Angeles', '2015-12-31'],
  ])('%s is %s in %s', (instant, zone, expected) => {
    expect(isoDateOf(new Date(instant), zone)).toBe(expected);
  });

  it('gives the date of midday UTC in UTC', () => {
    fc.assert(fc.property(anyDate, (d) => isoDateOf(new Date(`${d}T12:00:00Z`), 'UTC') === d));
  });
});

describe('day arithmetic against the JavaScript Date', () => {
  // The oracle: UTC midnights, as the arithmetic was done before it moved to day numbers.
  const viaDate = (d: string, n: number) => {
    const utc = new Date(0);
    utc.setUTCFullYear(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)) + n);
    const y = String(utc.getUTCFullYear()).padStart(4, '0');
    return `${y}-${String(utc.getUTCMonth() + 1).padStart(2, '0')}-${String(utc.getUTCDate()).padStart(2, '0')}`;
  };
  const wideDate = fc
    .record({
      y: fc.integer({ min: 1, max: 9998 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => isoDate(y, m, d));
  const wideShift = fc.integer({ min: -400_000, max: 400_000 });

  it('adds days as Date does, across centuries, leap years and the Gregorian 400-year cycle', () => {
    fc.assert(
      fc.property(wideDate, wideShift, (d, n) => {
        const expected = viaDate(d, n);
        fc.pre(expected >= '0000-01-01' && expected <= '9999-12-31');
        return addDays(d, n) === expected;
      }),
      { numRuns: 2000 },
    );
  });

  it('names the weekday as Date does', () => {
    fc.assert(
      fc.property(wideDate, (d) => {
        const utc = new Date(0);
        utc.setUTCFullYear(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
        return dayOfWeek(d) === utc.getUTCDay();
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
    ['1970-01-01', -1, '1969-12-31'],
    ['0001-01-01', -1, '0000-12-31'],
    ['2016-03-31', 1, '2016-04-01'],
  ])('%s plus %i days is %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
    expect(daysBetween(d, expected)).toBe(n);
  });
});
