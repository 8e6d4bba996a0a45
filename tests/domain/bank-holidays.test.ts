// The rules against gov.uk's lists, and against date-holidays, which working-days used before them
// (a devDependency now, for this test only).
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { bankHolidaysOf, easterSunday } from '../../src/domain/bank-holidays.js';
import { dayOfWeek } from '../../src/domain/iso-date.js';

const weekdaysOf = (year: number) =>
  bankHolidaysOf(year).filter((d) => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6);

describe('bankHolidaysOf: the days off gov.uk lists for England and Wales', () => {
  it.each([
    // Proclaimed days date-holidays lacked: VE Day's 50th anniversary, the millennium, the Golden Jubilee,
    // the royal wedding and the Diamond Jubilee.
    [1995, ['01-02', '04-14', '04-17', '05-08', '05-29', '08-28', '12-25', '12-26']],
    [1999, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28', '12-31']],
    [2002, ['01-01', '03-29', '04-01', '05-06', '06-03', '06-04', '08-26', '12-25', '12-26']],
    [2011, ['01-03', '04-22', '04-25', '04-29', '05-02', '05-30', '08-29', '12-26', '12-27']],
    [2012, ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26']],
    [2016, ['01-01', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27']],
    [2019, ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26']],
    // VE Day: the early May bank holiday moved from Monday 4 May to Friday 8 May.
    [2020, ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28']],
    // Christmas on a Saturday, Boxing Day on a Sunday: Monday 27 and Tuesday 28.
    [2021, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28']],
    // The Platinum Jubilee (spring moved to 2 June, an extra day on 3 June) and the Queen's funeral.
    [2022, ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27']],
    // The coronation.
    [2023, ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26']],
    [2024, ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26']],
    [2025, ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26']],
    [2026, ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28']],
  ])('%i', (year, days) => {
    expect(weekdaysOf(year)).toEqual(days.map((d) => `${year}-${d}`));
  });

  it('keeps the fixed days that fall at a weekend as well as their substitutes', () => {
    expect(bankHolidaysOf(2022)).toContain('2022-01-01');
    expect(bankHolidaysOf(2022)).toContain('2022-12-25');
    expect(bankHolidaysOf(2021)).toEqual(expect.arrayContaining(['2021-12-25', '2021-12-26']));
  });

  it('puts Easter Sunday where the tables do, at both ends of its range', () => {
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });
});

describe('bankHolidaysOf equals date-holidays but for the proclaimed days it lacked', () => {
  // What working-days.ts asked date-holidays for until the rules replaced it.
  const englandAndWales = new Holidays('GB', 'ENG', { types: ['public', 'bank'] });
  const FIRST = 1900;
  const LAST = 2200;

  /** Where the rules differ from date-holidays: the days only ours have, and the days only its have. */
  const LACKED: Record<string, { ours: string[]; theirs: string[] }> = {
    1995: { ours: ['1995-05-08'], theirs: ['1995-05-01'] },
    1999: { ours: ['1999-12-31'], theirs: [] },
    2002: { ours: ['2002-06-03', '2002-06-04'], theirs: ['2002-05-27'] },
    2011: { ours: ['2011-04-29'], theirs: [] },
    2012: { ours: ['2012-06-04'], theirs: ['2012-05-28'] },
  };

  it(`gives the same dates for every year from ${FIRST} to ${LAST} but the proclaimed days`, () => {
    const differences: typeof LACKED = {};
    for (let year = FIRST; year <= LAST; year++) {
      // `date` is the local date in England ('2016-03-25 00:00:00'), whatever the process time zone.
      const theirs = englandAndWales.getHolidays(year).map((h) => h.date.slice(0, 10));
      const ours = bankHolidaysOf(year);
      const onlyOurs = ours.filter((d) => !theirs.includes(d));
      const onlyTheirs = theirs.filter((d) => !ours.includes(d));
      if (onlyOurs.length > 0 || onlyTheirs.length > 0)
        differences[year] = { ours: onlyOurs, theirs: onlyTheirs };
    }
    expect(differences).toEqual(LACKED);
  });
});
