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
  const result = await writeDueReminders(
    deps.db,
    p,
    now,
    deps.today,
    (state) => reminderPlan(state, now).messages,
  );
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
