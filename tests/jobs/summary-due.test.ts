// When the weekly summary is due: ISO weeks, and the latest time a cron expression names within the
// current week in the partnership's time zone, across the March and October clock changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, isoDate } from '../../src/domain/iso-date.js';
import { localTime, zonedInstant } from '../../src/domain/reminders/reminder-time.js';
import { isoWeekOf } from '../../src/domain/iso-week.js';
import { checkCron, lastOccurrenceThisWeek } from '../../src/jobs/summary-due.js';

const LONDON = 'Europe/London';
const at = (local: string, tz = LONDON) => zonedInstant(local, tz) as Date;
const due = (cron: string, local: string, tz = LONDON) => {
  const o = lastOccurrenceThisWeek(cron, tz, at(local, tz));
  return o && { at: `${localTime(o.at, tz).date}T${localTime(o.at, tz).time}`, week: o.week.label };
};

describe('isoWeekOf', () => {
  it.each([
    ['2016-04-11', '2016-W15', '2016-04-11'],
    ['2016-04-17', '2016-W15', '2016-04-11'],
    ['2016-01-01', '2015-W53', '2015-12-28'],
    ['2016-01-04', '2016-W01', '2016-01-04'],
    ['2014-12-29', '2015-W01', '2014-12-29'],
    ['2020-12-31', '2020-W53', '2020-12-28'],
    ['2021-01-03', '2020-W53', '2020-12-28'],
  ])('puts %s in %s (from Monday %s)', (date, label, monday) => {
    expect(isoWeekOf(date)).toEqual({ label, monday, sunday: addDays(monday, 6) });
  });

  const dates = fc
    .record({ y: fc.integer({ min: 1990, max: 2100 }), d: fc.integer({ min: 0, max: 365 }) })
    .map(({ y, d }) => addDays(isoDate(y, 1, 1), d));

  it('starts every week on a Monday and gives the seven days of a week one label', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const week = isoWeekOf(date);
        expect(dayOfWeek(week.monday)).toBe(1);
        expect(date >= week.monday && date <= week.sunday).toBe(true);
        for (let i = 0; i < 7; i++) expect(isoWeekOf(addDays(week.monday, i))).toEqual(week);
      }),
    );
  });

  it('numbers consecutive weeks one apart, or starts again at week 1 in a new year', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const [y1, w1] = isoWeekOf(date).label.split('-W').map(Number) as [number, number];
        const [y2, w2] = isoWeekOf(addDays(date, 7)).label.split('-W').map(Number) as [number, number];
        expect(y2 === y1 ? w2 === w1 + 1 : y2 === y1 + 1 && w2 === 1 && (w1 === 52 || w1 === 53)).toBe(true);
      }),
    );
  });
});

describe('lastOccurrenceThisWeek', () => {
  it('is nothing before Monday 09:00, then Monday 09:00 for the rest of the week', () => {
    expect(due('0 9 * * 1', '2016-04-11T08:59')).toBeNull();
    expect(due('0 9 * * 1', '2016-04-11T09:00')).toEqual({ at: '2016-04-11T09:00', week: '2016-W15' });
    expect(due('0 9 * * 1', '2016-04-13T15:00')).toEqual({ at: '2016-04-11T09:00', week: '2016-W15' });
    expect(due('0 9 * * 1', '2016-04-17T23:59')).toEqual({ at: '2016-04-11T09:00', week: '2016-W15' });
    expect(due('0 9 * * 1', '2016-04-18T08:00')).toBeNull();
  });

  it('reads the time in the partnership time zone, on the Monday after the clocks go forward', () => {
    expect(due('0 9 * * 1', '2016-03-28T08:59')).toBeNull();
    const o = lastOccurrenceThisWeek('0 9 * * 1', LONDON, at('2016-03-28T09:00'));
    expect(o?.at.toISOString()).toBe('2016-03-28T08:00:00.000Z');
    expect(o?.week.label).toBe('2016-W13');
  });

  it('and on the Monday after they go back', () => {
    const o = lastOccurrenceThisWeek('0 9 * * 1', LONDON, at('2016-10-31T09:00'));
    expect(o?.at.toISOString()).toBe('2016-10-31T09:00:00.000Z');
  });

  it('skips a time the clocks jump over (01:30 on Sunday 27 March 2016 never happened)', () => {
    expect(due('30 1 * * 0', '2016-03-27T12:00')).toBeNull();
    expect(due('30 1 * * 0', '2016-04-03T12:00')).toEqual({ at: '2016-04-03T01:30', week: '2016-W13' });
  });

  it('follows other schedules: Fridays at 16:30, weekdays at 08:15 and 12:15, another time zone', () => {
    expect(due('30 16 * * 5', '2016-04-15T16:29')).toBeNull();
    expect(due('30 16 * * 5', '2016-04-15T16:30')).toEqual({ at: '2016-04-15T16:30', week: '2016-W15' });
    expect(due('15 8,12 * * 1-5', '2016-04-13T11:00')).toEqual({ at: '2016-04-13T08:15', week: '2016-W15' });
    expect(due('0 9 * * MON', '2016-04-11T09:00', 'America/New_York')).toEqual({
      at: '2016-04-11T09:00',
      week: '2016-W15',
    });
  });
});

describe('checkCron', () => {
  it('accepts the default and says how to fix a bad expression', () => {
    expect(checkCron('0 9 * * 1')).toEqual({ ok: true });
    expect(checkCron('0 25 * * 1')).toEqual({
      ok: false,
      error:
        '"0 25 * * 1" is not a cron expression node-cron can run: use five fields, e.g. "0 9 * * 1" for Mondays at 09:00',
    });
  });
});
