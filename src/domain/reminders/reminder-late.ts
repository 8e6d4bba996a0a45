// What is late: the open returns past their due date (or past the date they were said to be available
// from), most overdue first. Escalations list them for the coordinator.
import type { IsoDate } from '../iso-date.js';
import type { Person } from '../plan-schema.js';
import type { ReminderObligation } from './reminder-obligations.js';
import type { LateItem } from './reminder-payload.js';
import { workingDayFrom } from './reminder-time.js';
import { workingDaysBetween } from '../working-days.js';
import { compareRefs } from '../compare-refs.js';

/** The day a return counts as late after: its due date, or a later "not available until" date. */
export function deadlineOf(o: ReminderObligation): IsoDate {
  const until = o.state.kind === 'notAvailable' ? o.state.until : null;
  return until !== null && until > o.due ? workingDayFrom(until) : o.due;
}

/** Open, or "not available" with a date that has come. */
export function isAwaited(o: ReminderObligation, today: IsoDate): boolean {
  if (o.state.kind === 'open') return true;
  return o.state.kind === 'notAvailable' && o.state.until !== null && o.state.until <= today;
}

export function lateReturns(
  obligations: ReminderObligation[],
  people: Pick<Person, 'id' | 'name'>[],
  today: IsoDate,
): LateItem[] {
  const name = (key: string) => people.find((p) => p.id === key)?.name ?? key;
  return obligations
    .filter((o) => isAwaited(o, today) && deadlineOf(o) < today)
    .map((o) => ({
      ref: o.ref,
      title: o.title,
      period: o.period,
      waitingFor: name(o.recipient),
      due: deadlineOf(o),
      workingDaysLate: workingDaysBetween(deadlineOf(o), today),
    }))
    .sort((a, b) => b.workingDaysLate - a.workingDaysLate || compareRefs(a.ref, b.ref));
}

/** Who hears about late returns: the coordinators, and the chair when the policy says so. */
export function escalationRecipients(people: Pick<Person, 'id' | 'role'>[], toChair: boolean): string[] {
  return people.filter((p) => p.role === 'coordinator' || (toChair && p.role === 'chair')).map((p) => p.id);
}
