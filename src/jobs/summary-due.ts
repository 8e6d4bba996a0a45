// When the weekly summary is due: the latest time the partnership's cron expression names, in its time
// zone, at or before now and within the current ISO week (Monday to Sunday). A tick at any later moment
// of the same week still finds it, so a missed tick catches up; next week it is a new week's summary.
import cron from 'node-cron';
import { addDays } from '../domain/iso-date.js';
import { isoWeekOf, type IsoWeek } from '../domain/iso-week.js';
import { localTime, zonedInstant } from '../domain/reminders/reminder-time.js';

export interface Occurrence {
  /** The instant the cron expression named. */
  at: Date;
  week: IsoWeek;
}

export type CronCheck = { ok: true } | { ok: false; error: string };

/** Whether node-cron can run the expression, with the fix when not. */
export function checkCron(expression: string): CronCheck {
  return cron.validate(expression)
    ? { ok: true }
    : {
        ok: false,
        error: `"${expression}" is not a cron expression node-cron can run: use five fields, e.g. "0 9 * * 1" for Mondays at 09:00`,
      };
}

const desc = (xs: (number | string)[]) =>
  xs.filter((x): x is number => typeof x === 'number').sort((a, b) => b - a);

/**
 * The latest instant at or before `now` that the cron expression names in the time zone, if it falls in
 * now's ISO week. Walks back over the week's days and the expression's hours and minutes (a handful of
 * candidates for a weekly schedule) and lets node-cron itself judge each one.
 */
export function lastOccurrenceThisWeek(expression: string, timezone: string, now: Date): Occurrence | null {
  const fields = cron.parse(expression);
  const matcher = cron.createTask(expression, () => undefined, { timezone });
  try {
    const local = localTime(now, timezone);
    const week = isoWeekOf(local.date);
    for (let day = local.date; day >= week.monday; day = addDays(day, -1)) {
      for (const hour of desc(fields.hour)) {
        for (const minute of desc(fields.minute)) {
          if (day === local.date && hour * 60 + minute > local.minutes) continue;
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const at = zonedInstant(`${day}T${time}`, timezone);
          // A wall-clock time skipped by the clocks going forward does not exist that day.
          if (!at || localTime(at, timezone).time !== time || at > now) continue;
          const second = new Date(at.getTime() + Math.min(...desc(fields.second), 59) * 1000);
          if (matcher.match(second)) return { at: second, week };
        }
      }
    }
    return null;
  } finally {
    void matcher.destroy();
  }
}
