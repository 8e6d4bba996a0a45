// The units of work behind the conversation's reminder requests: each writes its change and the outbox
// messages it causes in one transaction, so neither is kept without the other.
import type { PlannedMessage } from '../domain/reminders/reminder-plan.js';
import type { Db } from './db.js';
import { transaction } from './raw-rows.js';
import { outboxMessage } from './outbox-messages.js';
import { insertMissing, type NewOutboxMessage } from './outbox-store.js';
import { setDelegation } from './reminder-store.js';

export interface DelegationChange {
  partnershipId: number;
  ref: string;
  /** The person who gets the measure's reminders, or null to give them back to the owner. */
  delegate: string | null;
}

export interface ChangedBy {
  by: string;
  at: Date;
  channel: string;
}

/** Sets (or clears) a delegation and writes the notices telling the people concerned. */
export async function delegateWithNotices(
  db: Db,
  change: DelegationChange,
  who: ChangedBy,
  notices: NewOutboxMessage[],
): Promise<void> {
  await transaction(db, async (tx) => {
    await setDelegation(tx, change.partnershipId, change.ref, change.delegate, who.by, who.at, who.channel);
    await insertMissing(tx, notices, who.at);
  });
}

/** Writes manual nudges to the outbox; returns the keys written (a key already there was sent today). */
export function writeNudges(
  db: Db,
  partnershipId: number,
  nudges: PlannedMessage[],
  now: Date,
): Promise<string[]> {
  return transaction(db, (tx) =>
    insertMissing(
      tx,
      nudges.map((n) => outboxMessage(partnershipId, n)),
      now,
    ),
  );
}
