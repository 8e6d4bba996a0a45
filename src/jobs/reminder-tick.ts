// One scheduler tick: for each partnership, in one transaction, take the tick lock, read the state,
// compute the reminder plan for "now" and write the messages whose keys are not in the outbox yet.
// The tick is a pure function of the database and the instant: a restart, a missed tick or a second
// scheduler writes nothing twice and leaves nothing out.
import type { IsoDate } from '../domain/iso-date.js';
import { reminderPlan } from '../domain/reminders/reminder-plan.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import { listPartnerships, loadPartnership } from '../store/partnership-store.js';
import { writeDueReminders } from '../store/reminder-tick-store.js';
import { takeBoardSnapshots } from '../app/board-snapshots.js';
import { financialCalendar } from '../domain/period.js';
import { localTime } from '../domain/reminders/reminder-time.js';
import { yearTargetNotices } from './year-notice.js';

export interface TickDeps {
  db: Db;
  log: Logger;
  /** A fixed "today" (config TODAY, demonstrations). */
  today?: IsoDate;
}

export interface TickResult {
  partnership: string;
  planned: number;
  written: string[];
}

async function tickOne(deps: TickDeps, slug: string, now: Date): Promise<TickResult | null> {
  const p = await loadPartnership(deps.db, slug);
  if (!p) return null;
  const cal = financialCalendar(p.settings.yearStartMonth);
  const today = deps.today ?? localTime(now, p.settings.timezone).date;
  const result = await writeDueReminders(deps.db, p, now, deps.today, (state) => {
    const plan = reminderPlan(state, now);
    // The coordinator's notice that a year began without targets goes out in the same sending window.
    return { reminders: plan.messages, notices: plan.window.open ? yearTargetNotices(cal, p, today) : [] };
  });
  // What the board saw, for quarters that closed since the last tick.
  await takeBoardSnapshots(deps.db, cal, p, today, now);
  return { partnership: slug, ...result };
}

export async function reminderTick(deps: TickDeps, now: Date): Promise<TickResult[]> {
  const results: TickResult[] = [];
  for (const { slug } of await listPartnerships(deps.db)) {
    const log = deps.log.child({ partnership: slug });
    const result = await tickOne(deps, slug, now);
    if (!result) continue;
    if (result.written.length > 0)
      log.info({ written: result.written.length }, 'reminders written to the outbox');
    results.push(result);
  }
  return results;
}
