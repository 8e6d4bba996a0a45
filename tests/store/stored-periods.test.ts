// Stored period texts, read back: parsed once per process and calendar, each read getting its own object.
import { describe, expect, it } from 'vitest';
import { financialCalendar, type Period } from '../../src/domain/period.js';
import { storedPeriods } from '../../src/store/stored-periods.js';

const q3: Period = { kind: 'quarter', year: 2015, quarter: 3 };

describe('reading stored periods', () => {
  it('gives each read its own period, equal to the one stored', () => {
    const april = financialCalendar(4);
    const read = storedPeriods(april);
    const first = read(april.format(q3));
    const again = storedPeriods(april)(april.format(q3));
    expect(first).toEqual(q3);
    expect(again).toEqual(q3);
    expect(again).not.toBe(first);
    first.year = 1999;
    expect(read(april.format(q3))).toEqual(q3);
  });

  it('reads each calendar’s texts by its own year', () => {
    const april = financialCalendar(4);
    const january = financialCalendar(1);
    const month: Period = { kind: 'month', year: 2016, month: 2 };
    expect(storedPeriods(april)(april.format(month))).toEqual(month);
    expect(storedPeriods(january)(january.format(month))).toEqual(month);
    expect(storedPeriods(january)(january.format(q3))).toEqual(q3);
    expect(storedPeriods(april)(april.format(q3))).toEqual(q3);
  });

  it('refuses a text that is not a period', () => {
    expect(() => storedPeriods(financialCalendar(4))('next Tuesday')).toThrow(/does not parse/);
  });
});
