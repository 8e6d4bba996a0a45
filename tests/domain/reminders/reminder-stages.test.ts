import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/iso-date.js';
import {
  DEFAULT_REMINDER_POLICY,
  ReminderPolicySchema,
} from '../../../src/domain/reminders/reminder-policy.js';
import { reminderStages } from '../../../src/domain/reminders/reminder-stages.js';
import { isWorkingDay } from '../../../src/domain/working-days.js';

const policy = DEFAULT_REMINDER_POLICY;
const dates = (due: string, from = '2000-01-01', notAvailableUntil: string | null = null) => {
  const s = reminderStages({ due, policy, from, notAvailableUntil });
  return {
    owner: s.owner.map((x) => `${x.name} ${x.date}`),
    escalation: s.escalation && `${s.escalation.name} ${s.escalation.date}`,
    end: s.owner[s.owner.length - 1]?.until,
  };
};

describe('reminder stages with the default policy', () => {
  it('reminds 5 working days before 2015/16 Q4 is due (Thursday 14 April 2016), nudges, chases and escalates', () => {
    expect(dates('2016-04-14')).toEqual({
      owner: [
        'first 2016-04-07',
        'nudge 2016-04-13',
        'due 2016-04-14',
        'chase-1 2016-04-18',
        'chase-2 2016-04-20',
        'chase-3 2016-04-22',
        'chase-4 2016-04-26',
      ],
      escalation: 'escalate 2016-04-21',
      end: '2016-04-28',
    });
  });

  it('skips Good Friday and Easter Monday 2016: a return due Wednesday 30 March is nudged on Tuesday 29', () => {
    expect(dates('2016-03-30').owner.slice(0, 3)).toEqual([
      'first 2016-03-21',
      'nudge 2016-03-29',
      'due 2016-03-30',
    ]);
  });

  it('chases over the May Day bank holiday 2016 on the next working day', () => {
    expect(dates('2016-04-28').owner).toContain('chase-1 2016-05-03');
  });

  it('starts again from a "not available until" date after the due date, skipping the Spring bank holiday', () => {
    expect(dates('2016-04-14', '2016-05-24', '2016-05-24')).toEqual({
      owner: [
        'due@2016-05-24 2016-05-24',
        'chase-1@2016-05-24 2016-05-26',
        'chase-2@2016-05-24 2016-05-31',
        'chase-3@2016-05-24 2016-06-02',
        'chase-4@2016-05-24 2016-06-06',
      ],
      escalation: 'escalate@2016-05-24 2016-06-01',
      end: '2016-06-08',
    });
  });

  it('follows a partnership policy: first reminder 3 days before, one chaser, no nudge', () => {
    const own = ReminderPolicySchema.parse({ firstWorkingDaysBefore: 3, maxChasers: 1, dayBefore: false });
    const s = reminderStages({ due: '2016-04-14', policy: own, from: '2016-04-01', notAvailableUntil: null });
    expect(s.owner.map((x) => `${x.name} ${x.date}`)).toEqual([
      'first 2016-04-11',
      'due 2016-04-14',
      'chase-1 2016-04-18',
    ]);
  });

  it('puts every stage on a working day, in order, each slot ending where the next begins', () => {
    const anyWorkingDay = fc
      .integer({ min: 0, max: 365 * 10 })
      .map((n) => addDays('2015-01-01', n))
      .filter(isWorkingDay);
    fc.assert(
      fc.property(anyWorkingDay, (due) => {
        const s = reminderStages({ due, policy, from: '2000-01-01', notAvailableUntil: null });
        const all = [...s.owner, ...(s.escalation ? [s.escalation] : [])];
        expect(all.every((x) => isWorkingDay(x.date))).toBe(true);
        s.owner.forEach((x, i) => {
          expect(x.date < x.until).toBe(true);
          const next = s.owner[i + 1];
          if (next) expect(x.until).toBe(next.date);
        });
        expect(s.escalation && s.escalation.date > due).toBe(true);
      }),
    );
  });
});

describe('the reminders block of a plan', () => {
  it('has the defaults of the brief when left out', () => {
    expect(ReminderPolicySchema.parse({})).toEqual({
      enabled: true,
      firstWorkingDaysBefore: 5,
      dayBefore: true,
      onDueDay: true,
      chaseEveryWorkingDays: 2,
      maxChasers: 4,
      escalateAfterWorkingDays: 5,
      escalateToChair: false,
      workingHours: { start: '09:00', end: '17:00' },
    });
  });

  it.each([
    [{ workingHours: { start: '18:00' } }, 'start must be before end'],
    [{ workingHours: { start: '9am' } }, 'a time of day like 09:00'],
    [{ firstWorkingDayBefore: 3 }, 'firstWorkingDayBefore'],
  ])('refuses %j', (input, message) => {
    const parsed = ReminderPolicySchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(message);
  });
});
