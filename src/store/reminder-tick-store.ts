// One partnership's reminder tick as a unit of work: under the tick lock, read the reminder state, let
// the caller plan from it (reminders, and notices written as they are), and write the messages whose keys
// are not in the outbox yet.
import type { Partnership } from '../domain/partnership.js';
import type { IsoDate } from '../domain/iso-date.js';
import type { PlannedMessage, ReminderState } from '../domain/reminders/reminder-plan.js';
import type { Db } from './db.js';
import { transaction } from './raw-rows.js';
import { outboxMessage } from './outbox-messages.js';
import { insertMissing, type NewOutboxMessage } from './outbox-store.js';
import { readReminderState } from './reminder-state.js';
import { ensureReminderControl, lockReminderTick } from './reminder-store.js';
import { withRetry } from './retry.js';
import { lockTick } from './tick-lock.js';

export interface WrittenReminders {
  planned: number;
  written: string[];
}

export async function writeDueReminders(
  db: Db,
  p: Partnership,
  now: Date,
  today: IsoDate | undefined,
  plan: (state: ReminderState) => { reminders: PlannedMessage[]; notices: NewOutboxMessage[] },
): Promise<WrittenReminders> {
  // Another instance's tick can hold the write lock past the busy timeout on a loaded machine: the
  // transaction then rolled back, and planning is pure, so the whole unit runs again.
  return withRetry(async () => {
    await ensureReminderControl(db, p.id);
    return transaction(db, async (tx) => {
      // Another instance's tick of this partnership runs to its commit first, and this one then sees its rows.
      await lockTick(tx, 'reminders', p.id);
      await lockReminderTick(tx, p.id, now);
      const { reminders, notices } = plan(await readReminderState(tx, p, now, today));
      const written = await insertMissing(
        tx,
        [...reminders.map((m) => outboxMessage(p.id, m)), ...notices],
        now,
      );
      return { planned: reminders.length, written };
    });
  });
}
