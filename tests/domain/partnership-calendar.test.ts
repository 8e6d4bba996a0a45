// A partnership's calendar works out whether each quarter is closed once, and shares it among the
// quarter's months and measures: every entry is as if each period had been asked of periodClosure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { IsoDate } from '../../src/domain/iso-date.js';
import type { Measure } from '../../src/domain/measure.js';
import { partnershipCalendar } from '../../src/domain/partnership-calendar.js';
import { closingQuarter, periodClosure, type PeriodStateRecord } from '../../src/domain/period-closure.js';
import { financialCalendar } from '../../src/domain/period.js';
import { PlanSchema } from '../../src/domain/plan-schema.js';
import { planYearsOf, reportingCalendar, type CalendarFact } from '../../src/domain/reporting-calendar.js';

const plan = PlanSchema.parse(
  parse(readFileSync(new URL('../../examples/stockton-2015-16.yaml', import.meta.url), 'utf8')),
);
const cal = financialCalendar(plan.partnership.yearStartMonth);
const boardDates = { '2015/16 Q2': '2015-11-12', '2015/16 Q3': '2016-02-11', '2015/16 Q4': '2016-05-12' };
const settings = { ...plan.partnership, summary: { ...plan.partnership.summary, boardDates } };
// The example's quarterly measures, and monthly and annual ones so that months and years close with
// their quarter.
const measures: Measure[] = [
  ...plan.measures,
  { ...(plan.measures[0] as Measure), ref: 'm.1', frequency: 'monthly' },
  { ...(plan.measures[1] as Measure), ref: 'y.1', frequency: 'annual', lagMonths: 1 },
];
const by = { by: 'priya-sandhu', at: '2016-03-01T09:00:00Z', reason: 'as the board asked' };
const periodStates = new Map<string, PeriodStateRecord>([
  ['2015/16 Q2', { state: 'reopened', ...by }],
  ['2015/16 Q1', { state: 'closed', ...by }],
]);
const facts: CalendarFact[] = plan.returns.map((r) => ({
  ref: r.ref,
  period: r.period,
  received: true,
  notAvailable: null,
  approved: false,
}));

describe("a partnership's calendar", () => {
  it.each<IsoDate>(['2015-10-01', '2016-02-12', '2016-04-20', '2016-05-13', '2016-09-30'])(
    'on %s, has every state it would have with periodClosure asked for every period',
    (today) => {
      const c = partnershipCalendar({ cal, settings, measures, facts, periodStates, today });
      const years = planYearsOf(cal, settings);
      const uncached = reportingCalendar({
        cal,
        measures,
        facts,
        today,
        dueWorkingDays: settings.dueWorkingDays,
        dueSoonWorkingDays: settings.reminders.firstWorkingDaysBefore,
        years: years.ok ? years.value : null,
        isClosed: (period) =>
          periodClosure(
            cal,
            period,
            boardDates,
            periodStates.get(cal.format(closingQuarter(cal, period))) ?? null,
            today,
          ).closed,
      });
      expect(c.entries.length).toBeGreaterThan(0);
      expect(c.entries).toEqual(uncached.entries);
      expect(c.entries.map((e) => e.state)).toContain(today === '2015-10-01' ? 'overdue' : 'closed');
    },
  );
});
