// The automatic reminder stages of one return: the first reminder, the nudge the day before, the due
// day, the chasers, and the escalation to the coordinator. Each stage has a slot, from its date until
// the next stage: a tick inside the slot sends it (so a missed tick catches up), after it is stale.
import type { IsoDate } from '../iso-date.js';
import type { ReminderPolicy } from './reminder-policy.js';
import { workingDayFrom } from './reminder-time.js';
import { addWorkingDays } from '../working-days.js';

export type StageKind = 'first' | 'nudge' | 'due' | 'chase' | 'escalate' | 'snooze' | 'manual';

export interface Stage {
  /** Part of the idempotency key: "first", "chase-2", "due@2016-05-24", "snooze-2016-04-11". */
  name: string;
  kind: StageKind;
  date: IsoDate;
  /** The first day the stage is stale (the next stage's date, or the end of chasing). */
  until: IsoDate;
}

export interface StageInput {
  due: IsoDate;
  policy: ReminderPolicy;
  /** The first day a stage may fall on: the day after the period ends, or a "not available until" date. */
  from: IsoDate;
  /** Set when the owner said the figures are not available until then. */
  notAvailableUntil: IsoDate | null;
}

export interface Stages {
  /** What the owner (or delegate) gets, in date order. */
  owner: Stage[];
  escalation: Stage | null;
  /** The return counts as due from here: the due date, or the "not available until" date when later. */
  deadline: IsoDate;
}

type Draft = Omit<Stage, 'until'>;

function ownerDrafts(deadline: IsoDate, p: ReminderPolicy): Draft[] {
  const drafts: Draft[] = [
    { name: 'first', kind: 'first', date: addWorkingDays(deadline, -p.firstWorkingDaysBefore) },
  ];
  if (p.dayBefore) drafts.push({ name: 'nudge', kind: 'nudge', date: addWorkingDays(deadline, -1) });
  if (p.onDueDay) drafts.push({ name: 'due', kind: 'due', date: deadline });
  for (let k = 1; k <= p.maxChasers; k++) {
    drafts.push({
      name: `chase-${k}`,
      kind: 'chase',
      date: addWorkingDays(deadline, k * p.chaseEveryWorkingDays),
    });
  }
  return drafts;
}

export function reminderStages(i: StageInput): Stages {
  const { policy } = i;
  // After "not available until" a later date, the stages start again from that date.
  const resumed = i.notAvailableUntil !== null && i.notAvailableUntil > i.due;
  const deadline = resumed ? workingDayFrom(i.notAvailableUntil as IsoDate) : i.due;
  const suffix = resumed ? `@${deadline}` : '';
  const named = (d: Draft): Draft => ({ ...d, name: `${d.name}${suffix}` });
  const drafts = ownerDrafts(deadline, policy).map(named);
  const escalate = named({
    name: 'escalate',
    kind: 'escalate',
    date: addWorkingDays(deadline, policy.escalateAfterWorkingDays),
  });
  const lastDate = [...drafts, escalate].reduce((d, s) => (s.date > d ? s.date : d), deadline);
  const end = addWorkingDays(lastDate, policy.chaseEveryWorkingDays);
  const kept = drafts.filter((d) => d.date >= i.from);
  const owner = kept.map((d, n) => ({ ...d, until: kept[n + 1]?.date ?? end }));
  return {
    owner,
    escalation: escalate.date >= i.from ? { ...escalate, until: end } : null,
    deadline,
  };
}
