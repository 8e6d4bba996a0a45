// Why a reminder stage is due, in words, for `reminders --at` and the logs.
import type { IsoDate } from '../iso-date.js';
import type { ReminderPolicy } from './reminder-policy.js';
import type { Stage } from './reminder-stages.js';
import { longDate } from './reminder-time.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function why(stage: Stage, deadline: IsoDate, p: ReminderPolicy): string {
  const due = longDate(deadline);
  switch (stage.kind) {
    case 'first':
      return `first reminder: ${plural(p.firstWorkingDaysBefore, 'working day')} before the due date, ${due}`;
    case 'nudge':
      return `nudge: the working day before the due date, ${due}`;
    case 'due':
      return `due today, ${due}`;
    case 'chase':
      return `chaser ${stage.name.replace(/^chase-(\d+).*$/, '$1')}: overdue since ${due} (every ${plural(p.chaseEveryWorkingDays, 'working day')}, at most ${p.maxChasers})`;
    case 'escalate':
      return `escalation: ${plural(p.escalateAfterWorkingDays, 'working day')} overdue (due ${due})`;
    case 'snooze':
      return `snoozed until ${longDate(stage.date)}, as asked (due ${due})`;
    case 'manual':
      return `asked for by a coordinator (due ${due})`;
    default: {
      const never: never = stage.kind;
      throw new Error(`unknown stage ${String(never)}`);
    }
  }
}

export function stageReason(
  stage: Stage,
  deadline: IsoDate,
  policy: ReminderPolicy,
  delegatedBy: string | null,
  today: IsoDate,
): string {
  // A stage whose day has passed is still sent within its slot: a missed tick catches up.
  const since = stage.date < today ? ` (its day was ${longDate(stage.date)})` : '';
  const delegated = delegatedBy ? `; delegated by ${delegatedBy}` : '';
  return `${why(stage, deadline, policy)}${since}${delegated}`;
}
