// Reads what the reminder plan needs for one partnership: returns, delegations, snoozes and the pause
// switch, through the client given (a tick passes its transaction).
import { addDays, type IsoDate } from '../domain/iso-date.js';
import { partnershipCalendar } from '../domain/partnership-calendar.js';
import { financialCalendar } from '../domain/period.js';
import { yearOfDay } from '../domain/reporting-calendar.js';
import { reminderObligations } from '../domain/reminders/reminder-obligations.js';
import type { ReminderState } from '../domain/reminders/reminder-plan.js';
import { localTime } from '../domain/reminders/reminder-time.js';
import type { Partnership } from '../domain/partnership.js';
import {
  readDelegations,
  readReminderControl,
  readReturnFacts,
  readSnoozes,
  type Tx,
} from './reminder-store.js';
import { prismaOf, type Db } from './db.js';
import { periodStates } from './review-store.js';

export async function readReminderState(
  db: Db | Tx,
  p: Partnership,
  now: Date,
  todayOverride?: IsoDate,
): Promise<ReminderState> {
  const tx = prismaOf(db);
  const { settings } = p;
  const cal = financialCalendar(settings.yearStartMonth);
  const today = todayOverride ?? localTime(now, settings.timezone).date;
  // Last year's returns are still chased (until closed), so the facts are read from the period before
  // last year's first, for "last quarter's figure".
  const thisYear = yearOfDay(cal, today);
  const sinceEnd = addDays(cal.start({ kind: 'year', year: thisYear - 1 }), -1);
  const measures = p.measures.map((m) => ({ id: p.measureIds.get(m.ref) as number, ref: m.ref }));
  const [facts, delegations, snoozes, control, states] = [
    await readReturnFacts(tx, measures, sinceEnd),
    await readDelegations(tx, p.id),
    await readSnoozes(tx, p.id),
    await readReminderControl(tx, p.id),
    await periodStates(tx, p.id),
  ];
  const calendar = partnershipCalendar({
    cal,
    settings,
    measures: p.measures,
    // Approval does not matter to reminders: a return that is in stops them, approved or not.
    facts: facts.map((f) => ({
      ref: f.ref,
      period: f.period,
      received: f.notAvailable === null,
      notAvailable: f.notAvailable ? { reason: f.notAvailable, expected: f.expectedDate } : null,
      approved: false,
    })),
    periodStates: states,
    today,
  });
  return {
    timezone: settings.timezone,
    policy: settings.reminders,
    paused: control.paused
      ? { by: control.changedBy ?? 'someone', since: control.changedAt?.toISOString() ?? '' }
      : null,
    people: p.people,
    obligations: reminderObligations({
      cal,
      measures: p.measures,
      facts,
      delegations,
      calendar,
    }),
    snoozes,
    ...(todayOverride ? { today: todayOverride } : {}),
  };
}
