// A period's schedule (end, data after, due date) is remembered: what is remembered is what would be
// worked out afresh, over the example plan's calendar and any other, and a change to anything it depends
// on (the period, the lag, the working days, the year's start month) is never answered from memory.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addDays } from '../../src/domain/iso-date.js';
import { financialCalendar, type Frequency, type Period } from '../../src/domain/period.js';
import { computePeriodSchedule, periodSchedule } from '../../src/domain/period-schedule.js';
import { PlanSchema } from '../../src/domain/plan-schema.js';

const plan = PlanSchema.parse(
  parse(readFileSync(new URL('../../examples/stockton-2015-16.yaml', import.meta.url), 'utf8')),
);
const cal = financialCalendar(plan.partnership.yearStartMonth);
const FREQUENCIES: Frequency[] = ['monthly', 'quarterly', 'annual'];

describe("the example plan's schedules", () => {
  it('are the ones worked out afresh, for every measure and period of the plan years and either side', () => {
    const n = plan.partnership.dueWorkingDays;
    for (const m of plan.measures)
      for (let year = 2013; year <= 2017; year += 1)
        for (const frequency of [m.frequency, ...FREQUENCIES])
          for (const period of cal.periodsInYear(year, frequency)) {
            const remembered = periodSchedule(cal, period, m.lagMonths, n);
            expect(remembered).toEqual(computePeriodSchedule(cal, period, m.lagMonths, n));
            expect(periodSchedule(cal, period, m.lagMonths, n)).toBe(remembered);
          }
  });

  it.each<[string, Period, number, number, number, object]>([
    ['2015/16 Q4', { kind: 'quarter', year: 2015, quarter: 4 }, 4, 0, 10, { due: '2016-04-14' }],
    ['five working days', { kind: 'quarter', year: 2015, quarter: 4 }, 4, 0, 5, { due: '2016-04-07' }],
    [
      'a month behind, over the May bank holiday',
      { kind: 'quarter', year: 2015, quarter: 4 },
      4,
      1,
      10,
      { ends: '2016-03-31', dataAfter: '2016-04-30', due: '2016-05-16' },
    ],
    [
      'years starting in January',
      { kind: 'quarter', year: 2015, quarter: 4 },
      1,
      0,
      10,
      { text: '2015 Q4', ends: '2015-12-31', due: '2016-01-15' },
    ],
    ['a month', { kind: 'month', year: 2015, month: 12 }, 4, 0, 1, { text: '2015-12', due: '2016-01-04' }],
  ])(
    'the same period asked again with other inputs is not answered from memory: %s',
    (_why, p, start, lag, n, want) => {
      // Remember the plain 2015/16 Q4 schedule first, then ask with the changed input.
      periodSchedule(financialCalendar(4), { kind: 'quarter', year: 2015, quarter: 4 }, 0, 10);
      expect(periodSchedule(financialCalendar(start), p, lag, n)).toMatchObject(want);
    },
  );

  it('are frozen, as every caller shares them', () => {
    expect(Object.isFrozen(periodSchedule(cal, { kind: 'year', year: 2015 }, 0, 10))).toBe(true);
  });
});

// Any period of any frequency of fifty years, under a year starting in any month.
const anyInputs = fc.record({
  start: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 0, max: 365 * 50 }).map((n) => addDays('1990-01-01', n)),
  frequency: fc.constantFrom(...FREQUENCIES),
  lag: fc.integer({ min: 0, max: 12 }),
  n: fc.integer({ min: 0, max: 30 }),
});

describe('properties', () => {
  it('whatever was asked before, the answer is the one worked out afresh', () => {
    fc.assert(
      fc.property(fc.array(anyInputs, { minLength: 2, maxLength: 6 }), (asked) => {
        for (const { start, day, frequency, lag, n } of asked) {
          const c = financialCalendar(start);
          const period = c.containing(day, frequency);
          expect(periodSchedule(c, period, lag, n)).toEqual(computePeriodSchedule(c, period, lag, n));
        }
      }),
      { numRuns: 300 },
    );
  });
});
