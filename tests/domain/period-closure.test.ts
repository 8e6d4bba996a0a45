// When a period's returns may still change: closed the day after its board date, months and years with
// their quarter, and the coordinator's word (reopened, closed) over the date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/iso-date.js';
import { financialCalendar, type Period } from '../../src/domain/period.js';
import { periodClosure, type PeriodStateRecord } from '../../src/domain/period-closure.js';

const cal = financialCalendar(4);
const period = (text: string): Period => {
  const p = cal.parse(text);
  if (!p.ok) throw new Error(p.error);
  return p.value;
};
const boardDates = { '2015/16 Q3': '2016-02-11', '2015/16 Q4': '2016-05-12' };
const reopened: PeriodStateRecord = {
  state: 'reopened',
  by: 'priya-sandhu',
  at: '2016-05-20T09:00:00Z',
  reason: 'revised',
};
const closed: PeriodStateRecord = {
  state: 'closed',
  by: 'priya-sandhu',
  at: '2016-04-20T09:00:00Z',
  reason: 'done',
};

describe('periodClosure', () => {
  it.each([
    ['2015/16 Q4', '2016-05-12', null, false, 'open', 'on the board date itself'],
    ['2015/16 Q4', '2016-05-13', null, true, 'boardDatePassed', 'the day after the board date'],
    ['2015/16 Q3', '2016-05-02', null, true, 'boardDatePassed', 'an earlier quarter whose board has met'],
    ['2015/16 Q2', '2017-01-01', null, false, 'open', 'a quarter with no board date'],
    ['2016-03', '2016-05-13', null, true, 'boardDatePassed', 'a month, with its quarter'],
    ['2016-01', '2016-05-01', null, false, 'open', 'a month before its quarter board'],
    ['2015/16', '2016-05-13', null, true, 'boardDatePassed', 'a year, with its last quarter'],
    ['2015/16 Q4', '2016-06-01', reopened, false, 'reopenedByCoordinator', 'reopened by the coordinator'],
    ['2015/16 Q4', '2016-04-21', closed, true, 'closedByCoordinator', 'closed by the coordinator early'],
  ] as const)('%s on %s → closed %s (%s: %s)', (p, today, state, isClosed, because, _why) => {
    const c = periodClosure(cal, period(p), boardDates, state, today);
    expect(c.closed).toBe(isClosed);
    expect(c.because).toBe(because);
  });

  it('names the quarter and its board date', () => {
    expect(periodClosure(cal, period('2016-02'), boardDates, null, '2016-06-01')).toMatchObject({
      quarter: { kind: 'quarter', year: 2015, quarter: 4 },
      boardDate: '2016-05-12',
    });
  });

  it('reads board dates written like "2015/16 Q4" whatever their spelling', () => {
    expect(
      periodClosure(cal, period('2015/16 Q4'), { 'Q4 2015/16': '2016-05-12' }, null, '2016-05-13').closed,
    ).toBe(true);
  });

  const quarters = fc.record({
    year: fc.integer({ min: 2000, max: 2040 }),
    quarter: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
  });

  it("without the coordinator's word, a quarter is closed exactly when today is after its board date", () => {
    fc.assert(
      fc.property(
        quarters,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: -400, max: 400 }),
        (q, after, offset) => {
          const p: Period = { kind: 'quarter', ...q };
          const board = addDays(cal.end(p), after);
          const today = addDays(board, offset);
          const c = periodClosure(cal, p, { [cal.format(p)]: board }, null, today);
          expect(c.closed).toBe(offset > 0);
        },
      ),
    );
  });

  it('every month of a quarter is closed exactly when the quarter is', () => {
    fc.assert(
      fc.property(quarters, fc.integer({ min: -100, max: 100 }), (q, offset) => {
        const p: Period = { kind: 'quarter', ...q };
        const dates = { [cal.format(p)]: addDays(cal.end(p), 30) };
        const today = addDays(cal.end(p), 30 + offset);
        const whole = periodClosure(cal, p, dates, null, today).closed;
        for (const month of cal.periodsWithin(p, 'monthly') ?? [])
          expect(periodClosure(cal, month, dates, null, today).closed).toBe(whole);
      }),
    );
  });

  it('a reopened period is never closed, whatever the date', () => {
    fc.assert(
      fc.property(quarters, fc.integer({ min: -400, max: 400 }), (q, offset) => {
        const p: Period = { kind: 'quarter', ...q };
        const dates = { [cal.format(p)]: cal.end(p) };
        expect(periodClosure(cal, p, dates, reopened, addDays(cal.end(p), offset)).closed).toBe(false);
      }),
    );
  });
});
