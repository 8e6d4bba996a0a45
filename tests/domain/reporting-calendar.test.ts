// The reporting calendar: one state per measure and period at any instant, moving only forward as time
// passes and returns come in (only reopening a quarter moves it back), over the plan's years, with
// lagged data due later.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates, type IsoDate } from '../../src/domain/iso-date.js';
import { financialCalendar, type Frequency, type Period } from '../../src/domain/period.js';
import {
  CALENDAR_STATES,
  reportingCalendar,
  type CalendarFact,
  type CalendarInput,
  type CalendarState,
} from '../../src/domain/reporting-calendar.js';

const cal = financialCalendar();
const rank = (s: CalendarState) => CALENDAR_STATES.indexOf(s);
const q = (text: string): Period => {
  const parsed = cal.parse(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

const measures = [
  { ref: '2.2', frequency: 'quarterly' as Frequency },
  { ref: '4.2', frequency: 'quarterly' as Frequency, lagMonths: 1 },
  { ref: '7.1', frequency: 'monthly' as Frequency },
];
const base = (today: IsoDate, over: Partial<CalendarInput> = {}): CalendarInput => ({
  cal,
  measures,
  facts: [],
  today,
  dueWorkingDays: 10,
  dueSoonWorkingDays: 5,
  years: { first: 2014, last: 2016 },
  isClosed: () => false,
  ...over,
});
const fact = (ref: string, period: string, o: Partial<CalendarFact> = {}): CalendarFact => ({
  ref,
  period,
  received: true,
  notAvailable: null,
  approved: false,
  ...o,
});
const stateOf = (c: ReturnType<typeof reportingCalendar>, ref: string, period: string) =>
  c.entries.find((e) => e.ref === ref && e.text === period)?.state;

describe('the states of 2015/16 Q4 (due Thursday 14 April 2016)', () => {
  it.each<[IsoDate, CalendarState]>([
    ['2016-03-15', 'notYetDue'],
    ['2016-03-31', 'notYetDue'],
    ['2016-04-01', 'open'],
    ['2016-04-06', 'open'],
    ['2016-04-07', 'due'],
    ['2016-04-14', 'due'],
    ['2016-04-15', 'overdue'],
    ['2016-09-30', 'overdue'],
  ])('on %s it is %s', (today, state) => {
    expect(stateOf(reportingCalendar(base(today)), '2.2', '2015/16 Q4')).toBe(state);
  });

  it('a return makes it received, an approval approved, a reason awaiting data with its date', () => {
    const today = '2016-04-20';
    const facts = [
      fact('2.2', '2015/16 Q4'),
      fact('2.2', '2015/16 Q3', { approved: true }),
      fact('2.2', '2015/16 Q2', {
        received: false,
        notAvailable: { reason: 'NHS data comes late', expected: '2016-05-24' },
      }),
    ];
    const c = reportingCalendar(base(today, { facts }));
    expect(stateOf(c, '2.2', '2015/16 Q4')).toBe('received');
    expect(stateOf(c, '2.2', '2015/16 Q3')).toBe('approved');
    const awaiting = c.entries.find((e) => e.ref === '2.2' && e.text === '2015/16 Q2');
    expect(awaiting?.state).toBe('awaitingData');
    expect(awaiting?.awaiting).toEqual({ reason: 'NHS data comes late', expected: '2016-05-24' });
  });

  it('is closed once its quarter closes, whatever came in', () => {
    const c = reportingCalendar(base('2016-06-01', { isClosed: (p) => cal.format(p) === '2015/16 Q4' }));
    expect(stateOf(c, '2.2', '2015/16 Q4')).toBe('closed');
    expect(stateOf(c, '2.2', '2015/16 Q3')).toBe('overdue');
  });
});

describe('data one month behind (lagMonths: 1)', () => {
  it('is expected a month after the quarter ends, and due ten working days after that', () => {
    const c = reportingCalendar(base('2016-04-20'));
    const lagged = c.entries.find((e) => e.ref === '4.2' && e.text === '2015/16 Q4');
    expect(lagged).toMatchObject({ dataAfter: '2016-04-30', due: '2016-05-16', state: 'notYetDue' });
    expect(stateOf(c, '2.2', '2015/16 Q4')).toBe('overdue');
    expect(stateOf(reportingCalendar(base('2016-05-17')), '4.2', '2015/16 Q4')).toBe('overdue');
  });

  it('is not yet in the current period until its data exists', () => {
    const c = reportingCalendar(base('2016-04-20'));
    expect(cal.format(c.currentPeriod(measures[0] as (typeof measures)[0]))).toBe('2015/16 Q4');
    expect(cal.format(c.currentPeriod(measures[1] as (typeof measures)[0]))).toBe('2015/16 Q3');
  });
});

describe("the plan's years", () => {
  it('a new year is expected without editing the file, while last year is still chased', () => {
    const c = reportingCalendar(base('2016-07-08'));
    expect(c.liveYears).toEqual([2015, 2016]);
    expect(stateOf(c, '2.2', '2016/17 Q1')).toBe('due');
    expect(stateOf(c, '2.2', '2015/16 Q4')).toBe('overdue');
    expect(stateOf(c, '2.2', '2016/17 Q2')).toBe('notYetDue');
    expect(c.entries.some((e) => e.text === '2014/15 Q4')).toBe(false);
  });

  it('after the plan ends nothing is owed, and later periods are refused with the years', () => {
    const c = reportingCalendar(base('2026-12-05'));
    expect(c.liveYears).toEqual([]);
    expect(c.outstanding()).toEqual([]);
    expect(cal.format(c.currentQuarter())).toBe('2016/17 Q4');
    const refused = c.inPlan(q('2026/27 Q2'));
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatch(/2026\/27 Q2 is outside the plan's years \(2014\/15 to 2016\/17\)/);
    expect(c.inPlan(q('2015/16 Q4')).ok).toBe(true);
  });

  it('without planYears every year counts', () => {
    const c = reportingCalendar(base('2026-12-05', { years: null }));
    expect(c.liveYears).toEqual([2025, 2026]);
    expect(cal.format(c.currentQuarter())).toBe('2026/27 Q2');
  });
});

// Property tests over any date of thirty years, any measure frequency and lag, and any facts.
const anyDate = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2000-01-01', n));
const anyFrequency = fc.constantFrom<Frequency>('monthly', 'quarterly', 'annual');
const anyLag = fc.integer({ min: 0, max: 3 });
const anyFact = fc.record({
  received: fc.boolean(),
  notAvailable: fc.option(fc.constant({ reason: 'late', expected: null }), { nil: null }),
  approved: fc.boolean(),
});
const anyBoardDate = fc.option(fc.integer({ min: 1, max: 200 }), { nil: null });

describe('properties', () => {
  it('every period of every measure has exactly one state, and each appears once', () => {
    fc.assert(
      fc.property(anyDate, anyFrequency, anyLag, (today, frequency, lagMonths) => {
        const c = reportingCalendar(
          base(today, { years: null, measures: [{ ref: 'm', frequency, lagMonths }] }),
        );
        const keys = c.entries.map((e) => e.text);
        expect(new Set(keys).size).toBe(keys.length);
        for (const e of c.entries) expect(CALENDAR_STATES).toContain(e.state);
      }),
      { numRuns: 200 },
    );
  });

  it('with the same returns, a state only moves forward as time passes', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 400 }),
        anyFrequency,
        anyLag,
        fc.option(anyFact, { nil: null }),
        anyBoardDate,
        (from, later, frequency, lagMonths, f, boardAfter) => {
          const m = { ref: 'm', frequency, lagMonths };
          const period = cal.containing(from, frequency);
          const board = boardAfter === null ? null : addDays(cal.end(period), boardAfter);
          const facts = f ? [{ ref: 'm', period: cal.format(period), ...f }] : [];
          const at = (today: IsoDate) =>
            reportingCalendar(
              base(today, {
                years: null,
                measures: [m],
                facts,
                isClosed: () => board !== null && compareIsoDates(today, board) > 0,
              }),
            ).entry(m, period).state;
          expect(rank(at(addDays(from, later)))).toBeGreaterThanOrEqual(rank(at(from)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a return coming in never moves a state back', () => {
    fc.assert(
      fc.property(anyDate, anyFrequency, anyLag, anyFact, (today, frequency, lagMonths, f) => {
        const m = { ref: 'm', frequency, lagMonths };
        const period = cal.previous(cal.containing(today, frequency));
        const at = (facts: CalendarFact[]) =>
          reportingCalendar(base(today, { years: null, measures: [m], facts })).entry(m, period).state;
        const before = at([]);
        const after = at([{ ref: 'm', period: cal.format(period), ...f }]);
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
      { numRuns: 300 },
    );
  });

  it('only reopening moves a closed period back', () => {
    fc.assert(
      fc.property(anyDate, anyFrequency, (today, frequency) => {
        const m = { ref: 'm', frequency };
        const period = cal.previous(cal.containing(today, frequency));
        const at = (closed: boolean) =>
          reportingCalendar(base(today, { years: null, measures: [m], isClosed: () => closed })).entry(
            m,
            period,
          ).state;
        expect(at(true)).toBe('closed');
        expect(rank(at(false))).toBeLessThan(rank('closed'));
      }),
      { numRuns: 200 },
    );
  });

  it("the current period's data exists by today, and the next one's does not", () => {
    fc.assert(
      fc.property(anyDate, anyFrequency, anyLag, (today, frequency, lagMonths) => {
        const m = { ref: 'm', frequency, lagMonths };
        const c = reportingCalendar(base(today, { years: null, measures: [m] }));
        const current = c.currentPeriod(m);
        expect(compareIsoDates(c.entry(m, current).dataAfter, today)).toBeLessThan(0);
        expect(compareIsoDates(c.entry(m, cal.next(current)).dataAfter, today)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a lagged return is never due before the same return without lag', () => {
    fc.assert(
      fc.property(anyDate, anyFrequency, anyLag, (today, frequency, lagMonths) => {
        const period = cal.containing(today, frequency);
        const c = reportingCalendar(base(today, { years: null }));
        const plain = c.entry({ ref: 'a', frequency }, period).due;
        const lagged = c.entry({ ref: 'b', frequency, lagMonths }, period).due;
        expect(compareIsoDates(lagged, plain)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});
