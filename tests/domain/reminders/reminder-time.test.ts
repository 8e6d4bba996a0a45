import { describe, expect, it } from 'vitest';
import { resolveDay } from '../../../src/domain/reminders/reminder-day.js';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminders/reminder-policy.js';
import {
  localTime,
  longDate,
  sendWindow,
  zonedInstant,
} from '../../../src/domain/reminders/reminder-time.js';

const LONDON = 'Europe/London';
const windowAt = (iso: string) => sendWindow(localTime(new Date(iso), LONDON), DEFAULT_REMINDER_POLICY);

describe('the sending window in Europe/London', () => {
  it.each([
    ['2016-04-08T08:00:00Z', true, 'Friday 09:00 BST'],
    ['2016-04-08T07:59:00Z', false, 'Friday 08:59 BST'],
    ['2016-04-08T15:59:00Z', true, 'Friday 16:59 BST'],
    ['2016-04-08T16:00:00Z', false, 'Friday 17:00 BST'],
    ['2016-04-09T10:00:00Z', false, 'a Saturday'],
    ['2016-03-28T10:00:00Z', false, 'Easter Monday'],
    ['2016-05-02T10:00:00Z', false, 'the May Day bank holiday'],
    // Clocks go forward on 27 March 2016: 08:30 UTC is 08:30 before, 09:30 after.
    ['2016-03-24T08:30:00Z', false, '08:30 GMT the Thursday before'],
    ['2016-03-29T08:30:00Z', true, '09:30 BST the Tuesday after'],
    // Clocks go back on 30 October 2016.
    ['2016-10-28T08:30:00Z', true, '09:30 BST the Friday before'],
    ['2016-10-31T08:30:00Z', false, '08:30 GMT the Monday after'],
    ['2016-10-28T16:30:00Z', false, '17:30 BST the Friday before'],
    ['2016-10-31T16:30:00Z', true, '16:30 GMT the Monday after'],
  ])('%s is %s (%s)', (iso, open) => {
    expect(windowAt(iso).open).toBe(open);
  });

  it('says why it is closed', () => {
    expect(windowAt('2016-05-02T10:00:00Z')).toEqual({
      open: false,
      reason: 'Monday 2 May 2016 is a bank holiday: reminders wait for the next working day',
    });
    expect(windowAt('2016-04-08T17:00:00Z')).toEqual({
      open: false,
      reason: '18:00 is outside working hours (09:00–17:00)',
    });
  });
});

describe('zonedInstant reads --at as the partnership’s wall-clock time', () => {
  it.each([
    ['2016-04-08T10:00', '2016-04-08T09:00:00.000Z'],
    ['2016-01-08T10:00', '2016-01-08T10:00:00.000Z'],
    ['2016-10-31T09:00', '2016-10-31T09:00:00.000Z'],
    ['2016-04-08T10:00Z', '2016-04-08T10:00:00.000Z'],
    ['2016-04-08T10:00+01:00', '2016-04-08T09:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(zonedInstant(text, LONDON)?.toISOString()).toBe(iso);
  });

  it.each(['tomorrow', '2016-02-30T10:00', '2016-04-08T25:00'])('refuses %s', (text) => {
    expect(zonedInstant(text, LONDON)).toBeNull();
  });
});

describe('resolveDay', () => {
  it.each([
    ['tomorrow', '2016-04-07', '2016-04-08', 'Thursday → Friday'],
    ['tomorrow', '2016-04-08', '2016-04-11', 'Friday → Monday'],
    ['on Monday', '2016-04-07', '2016-04-11', 'the next Monday'],
    ['monday', '2016-04-11', '2016-04-18', 'a week on, said on a Monday'],
    ['Monday', '2016-03-24', '2016-03-29', 'Easter Monday moves on to Tuesday'],
    ['next week', '2016-04-07', '2016-04-11', 'the Monday after'],
    ['24 May', '2016-04-12', '2016-05-24', 'a day and month'],
    ['24th May 2016', '2016-04-12', '2016-05-24', 'with a year'],
    ['May 24', '2016-04-12', '2016-05-24', 'month first'],
    ['24/05/2016', '2016-04-12', '2016-05-24', 'numbers'],
    ['until 2016-05-24', '2016-04-12', '2016-05-24', 'ISO'],
    ['3 March', '2016-04-12', '2017-03-03', 'a date passed this year means next year'],
  ])('"%s" said on %s is %s (%s)', (said, today, expected) => {
    expect(resolveDay(said, today)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['someday', 'is not a day I understand'],
    ['2016-04-01', 'is not after today'],
    ['31 February', 'is not a day I understand'],
  ])('refuses "%s": %s', (said, message) => {
    const day = resolveDay(said, '2016-04-12');
    expect(day.ok).toBe(false);
    expect(day.ok ? '' : day.error).toContain(message);
  });
});

describe('longDate', () => {
  it('writes a date the way people read it', () => {
    expect(longDate('2016-04-14')).toBe('Thursday 14 April 2016');
  });
});
