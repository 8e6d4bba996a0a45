// One scheduler tick: for each partnership, in one transaction, take the tick lock, read the state,
// compute the reminder plan for "now" and write the messages whose keys are not in the outbox yet.
// The tick is a pure function of the database and the instant: a restart, a missed tick or a second
// scheduler writes nothing twice and leaves nothing out.
import type { IsoDate } from '../domain/iso-date.js';
import { reminderPlan } from '../domain/reminders/reminder-plan.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import { outboxMessage } from '../store/outbox-messages.js';
import { insertMissing } from '../store/outbox-store.js';
import { loadPartnership } from '../store/partnership-store.js';
import { listPartnerships } from '../store/partnership-store.js';
import { ensureReminderControl, lockReminderTick } from '../store/reminder-store.js';
import { lockTick } from '../store/tick-lock.js';
import { readReminderState } from '../store/reminder-state.js';

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
  await ensureReminderControl(deps.db, p.id);
  return deps.db.$transaction(async (tx) => {
    // Another instance's tick of this partnership runs to its commit first, and this one then sees its rows.
    await lockTick(tx, 'reminders', p.id);
    await lockReminderTick(tx, p.id, now);
    const plan = reminderPlan(await readReminderState(tx, p, now, deps.today), now);
    const written = await insertMissing(
      tx,
      plan.messages.map((m) => outboxMessage(p.id, m)),
      now,
    );
    return { partnership: slug, planned: plan.messages.length, written };
  });
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
