// The reminder plan as a pure function of the state and the instant: which messages, keys and reasons.
import { describe, expect, it } from 'vitest';
import type { ReminderObligation } from '../../../src/domain/reminders/reminder-obligations.js';
import { reminderPlan, type ReminderState } from '../../../src/domain/reminders/reminder-plan.js';
import {
  DEFAULT_REMINDER_POLICY,
  ReminderPolicySchema,
} from '../../../src/domain/reminders/reminder-policy.js';
import { manualNudges } from '../../../src/domain/reminders/reminder-nudge.js';

const people: ReminderState['people'] = [
  { id: 'priya', name: 'Priya Sandhu', role: 'coordinator' },
  { id: 'alan', name: 'Cllr Alan Whitfield', role: 'chair' },
  { id: 'dan', name: 'Insp. Dan Mercer', role: 'owner' },
  { id: 'jo', name: 'Joanne Lister', role: 'owner' },
];

function owed(ref: string, over: Partial<ReminderObligation> = {}): ReminderObligation {
  return {
    ref,
    title: `Measure ${ref}`,
    period: '2015/16 Q4',
    periodEnd: '2016-03-31',
    owner: 'dan',
    recipient: 'dan',
    delegated: false,
    due: '2016-04-14',
    state: { kind: 'open' },
    lastFigure: { period: '2015/16 Q3', value: '439' },
    lastYearFigure: { period: '2014/15 Q4', value: '315' },
    ...over,
  };
}

function state(obligations: ReminderObligation[], over: Partial<ReminderState> = {}): ReminderState {
  return {
    timezone: 'Europe/London',
    policy: DEFAULT_REMINDER_POLICY,
    paused: null,
    people,
    obligations,
    snoozes: [],
    ...over,
  };
}

/** 10:00 London time (BST in April and May 2016). */
const at = (date: string) => new Date(`${date}T09:00:00Z`);
const keys = (s: ReminderState, date: string) => reminderPlan(s, at(date)).messages.map((m) => m.key);

describe('reminderPlan', () => {
  it.each([
    ['2016-04-06', []],
    ['2016-04-07', ['remind:2.2:2015/16 Q4:first:dan']],
    ['2016-04-12', ['remind:2.2:2015/16 Q4:first:dan']],
    ['2016-04-13', ['remind:2.2:2015/16 Q4:nudge:dan']],
    ['2016-04-14', ['remind:2.2:2015/16 Q4:due:dan']],
    ['2016-04-15', ['remind:2.2:2015/16 Q4:due:dan']],
    ['2016-04-18', ['remind:2.2:2015/16 Q4:chase-1:dan']],
    ['2016-04-21', ['remind:2.2:2015/16 Q4:chase-2:dan', 'remind:2.2:2015/16 Q4:escalate:priya']],
    ['2016-04-26', ['remind:2.2:2015/16 Q4:chase-4:dan', 'remind:2.2:2015/16 Q4:escalate:priya']],
    ['2016-04-28', []],
  ])('on %s the stage in its slot is due: %j', (date, expected) => {
    expect(keys(state([owed('2.2')]), date)).toEqual(expected);
  });

  it('says why, and when the next stage comes', () => {
    const plan = reminderPlan(state([owed('2.2')]), at('2016-04-08'));
    expect(plan.decisions).toEqual([
      {
        ref: '2.2',
        period: '2015/16 Q4',
        to: 'dan',
        outcome: 'send',
        key: 'remind:2.2:2015/16 Q4:first:dan',
        reason:
          'first reminder: 5 working days before the due date, Thursday 14 April 2016 (its day was Thursday 7 April 2016)',
        next: { stage: 'nudge', date: '2016-04-13' },
      },
    ]);
    expect(plan.messages[0]?.payload).toEqual({
      kind: 'reminder',
      item: {
        stage: 'first',
        ref: '2.2',
        title: 'Measure 2.2',
        period: '2015/16 Q4',
        due: '2016-04-14',
        deadline: '2016-04-14',
        workingDaysLate: -4,
        lastFigure: { period: '2015/16 Q3', value: '439' },
        lastYearFigure: { period: '2014/15 Q4', value: '315' },
        delegatedBy: null,
        askedBy: null,
      },
    });
  });

  it('sends nothing outside working hours, at weekends or on bank holidays, but says what waits', () => {
    const s = state([owed('2.2')]);
    for (const instant of ['2016-04-14T17:30:00Z', '2016-04-16T10:00:00Z', '2016-05-02T10:00:00Z']) {
      const plan = reminderPlan(s, new Date(instant));
      expect(plan.window.open).toBe(false);
      expect(plan.messages).toEqual([]);
    }
    expect(reminderPlan(s, new Date('2016-04-14T17:30:00Z')).decisions[0]?.outcome).toBe('send');
  });

  it('stops at once for a return that is in, and holds a "not available" one until its date', () => {
    const s = state([
      owed('2.1', { state: { kind: 'received', at: '2016-04-05T10:00:00.000Z' } }),
      owed('3.3', { state: { kind: 'notAvailable', reason: 'Q4 data in May', until: '2016-05-24' } }),
      owed('3.1', { state: { kind: 'notAvailable', reason: 'Yearend data not yet available', until: null } }),
    ]);
    const plan = reminderPlan(s, at('2016-04-21'));
    expect(plan.messages).toEqual([]);
    expect(plan.decisions.map((d) => [d.ref, d.outcome, d.reason, d.next?.date ?? null])).toEqual([
      ['2.1', 'done', 'received 2016-04-05', null],
      [
        '3.3',
        'held',
        'not available until Tuesday 24 May 2016 ("Q4 data in May"): no chasers until then',
        '2016-05-24',
      ],
      [
        '3.1',
        'done',
        'not available ("Yearend data not yet available"), with no date given: no chasers',
        null,
      ],
    ]);
    expect(keys(s, '2016-05-24')).toEqual(['remind:3.3:2015/16 Q4:due@2016-05-24:dan']);
  });

  it('holds a snoozed return until the day, then sends the snooze reminder; a stage that day wins', () => {
    const snoozes = [{ person: 'dan', ref: '2.2', period: '2015/16 Q4', until: '2016-04-11' }];
    const s = state([owed('2.2')], { snoozes });
    expect(keys(s, '2016-04-08')).toEqual([]);
    expect(reminderPlan(s, at('2016-04-08')).decisions[0]?.reason).toBe('snoozed until Monday 11 April 2016');
    expect(keys(s, '2016-04-11')).toEqual(['remind:2.2:2015/16 Q4:snooze-2016-04-11:dan']);
    expect(keys(s, '2016-04-12')).toEqual(['remind:2.2:2015/16 Q4:snooze-2016-04-11:dan']);
    expect(keys(s, '2016-04-13')).toEqual(['remind:2.2:2015/16 Q4:nudge:dan']);
    const onNudgeDay = state([owed('2.2')], { snoozes: [{ ...snoozes[0]!, until: '2016-04-13' }] });
    expect(keys(onNudgeDay, '2016-04-13')).toEqual(['remind:2.2:2015/16 Q4:nudge:dan']);
  });

  it('reminds the delegate, saying who delegated', () => {
    const plan = reminderPlan(state([owed('2.2', { recipient: 'jo', delegated: true })]), at('2016-04-13'));
    expect(plan.messages.map((m) => m.key)).toEqual(['remind:2.2:2015/16 Q4:nudge:jo']);
    expect(plan.messages[0]?.payload).toMatchObject({ item: { delegatedBy: 'Insp. Dan Mercer' } });
  });

  it('escalates to the coordinator, and to the chair when the plan says so, listing everything late', () => {
    const late = [owed('2.2'), owed('1.1', { due: '2016-04-12', recipient: 'jo', owner: 'jo' })];
    const policy = ReminderPolicySchema.parse({ escalateToChair: true });
    const plan = reminderPlan(state(late, { policy }), at('2016-04-21'));
    const escalations = plan.messages.filter((m) => m.kind === 'escalation');
    // 1.1 reached its escalation on 19 April and is still in its slot: both go (delivered as one message).
    expect(escalations.map((m) => m.key)).toEqual([
      'remind:2.2:2015/16 Q4:escalate:priya',
      'remind:2.2:2015/16 Q4:escalate:alan',
      'remind:1.1:2015/16 Q4:escalate:priya',
      'remind:1.1:2015/16 Q4:escalate:alan',
    ]);
    expect(escalations[0]?.payload).toEqual({
      kind: 'escalation',
      escalateAfter: 5,
      late: [
        {
          ref: '1.1',
          title: 'Measure 1.1',
          period: '2015/16 Q4',
          waitingFor: 'Joanne Lister',
          due: '2016-04-12',
          workingDaysLate: 7,
        },
        {
          ref: '2.2',
          title: 'Measure 2.2',
          period: '2015/16 Q4',
          waitingFor: 'Insp. Dan Mercer',
          due: '2016-04-14',
          workingDaysLate: 5,
        },
      ],
    });
  });

  it('sends nothing while paused or switched off, and says so', () => {
    const paused = state([owed('2.2')], { paused: { by: 'priya', since: '2016-04-12T10:00:00.000Z' } });
    expect(reminderPlan(paused, at('2016-04-13'))).toMatchObject({
      messages: [],
      window: { open: false, reason: 'reminders are paused (by Priya Sandhu on 2016-04-12)' },
    });
    const off = state([owed('2.2')], { policy: ReminderPolicySchema.parse({ enabled: false }) });
    expect(reminderPlan(off, at('2016-04-13')).messages).toEqual([]);
  });

  it('gives the same keys however often it runs: a second scheduler writes nothing new', () => {
    const s = state([owed('2.2'), owed('2.1')]);
    expect(keys(s, '2016-04-13')).toEqual(keys(s, '2016-04-13'));
    expect(new Set(keys(s, '2016-04-13')).size).toBe(2);
  });
});

describe('manualNudges ("remind all", "remind 2.2")', () => {
  it('nudges whoever each open return waits for, once a day, naming who asked', () => {
    const s = state([
      owed('2.2'),
      owed('2.1', { state: { kind: 'received', at: '2016-04-01' } }),
      owed('1.1', { recipient: 'jo' }),
    ]);
    const all = manualNudges(s, '2016-04-08', null, 'priya');
    expect(all.map((m) => m.key)).toEqual([
      'remind:2.2:2015/16 Q4:manual-2016-04-08:dan',
      'remind:1.1:2015/16 Q4:manual-2016-04-08:jo',
    ]);
    expect(all[0]?.payload).toMatchObject({ item: { stage: 'manual', askedBy: 'Priya Sandhu' } });
    expect(manualNudges(s, '2016-04-08', '2.2', 'priya').map((m) => m.to)).toEqual(['dan']);
  });
});
