// A coordinator's "remind all" / "remind 2.2": an immediate nudge to whoever each open return is
// waiting for, once per return, person and day (saying it twice in a day sends nothing new).
import type { IsoDate } from '../iso-date.js';
import { deadlineOf, isAwaited } from './reminder-late.js';
import type { PlannedMessage, ReminderState } from './reminder-plan.js';
import { reminderKey } from './reminder-payload.js';
import { workingDaysBetween } from '../working-days.js';

export function manualNudges(
  state: ReminderState,
  today: IsoDate,
  ref: string | null,
  askedBy: string,
): PlannedMessage[] {
  const name = (key: string) => state.people.find((p) => p.id === key)?.name ?? key;
  return state.obligations
    .filter((o) => isAwaited(o, today) && (ref === null || o.ref.toLowerCase() === ref.toLowerCase()))
    .map((o) => {
      const stage = `manual-${today}`;
      const deadline = deadlineOf(o);
      return {
        key: reminderKey(o.ref, o.period, stage, o.recipient),
        kind: 'reminder' as const,
        to: o.recipient,
        ref: o.ref,
        period: o.period,
        stage,
        reason: `asked for by ${name(askedBy)}`,
        payload: {
          kind: 'reminder' as const,
          item: {
            stage: 'manual' as const,
            ref: o.ref,
            title: o.title,
            period: o.period,
            due: o.due,
            deadline,
            workingDaysLate: workingDaysBetween(deadline, today),
            lastFigure: o.lastFigure,
            lastYearFigure: o.lastYearFigure,
            delegatedBy: o.delegated ? name(o.owner) : null,
            askedBy: name(askedBy),
          },
        },
      };
    });
}
