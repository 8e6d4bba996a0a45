// Confirmations that were stored but could not be delivered (the platform failed while replying): kept
// as outbox notices, so the delivery loop sends them, or the person is told the next time they speak,
// whichever comes first. Each is taken once: the loop's claim and `takeUndelivered` both move the row
// out of `pending` in one statement.
import { insertMissing } from './outbox-store.js';
import type { Db } from './open-database.js';
import { withRetry } from './retry.js';
import { prismaOf } from './db.js';
import { Prisma, rawRows } from './raw-rows.js';

const PREFIX = 'notice:undelivered:';
/** Not sent yet, or given up on by the delivery loop: either way the person has not seen it. */
const RETELL = ['pending', 'failed'];
/**
 * The pattern in the statement's text, not as a parameter: SQLite prepares a statement again at every
 * run when a LIKE pattern is bound (it may pick another plan for it), and every message asks this.
 */
const UNDELIVERED_KEYS = Prisma.raw(`'${PREFIX}%'`);

export interface UndeliveredNotice {
  partnershipId: number;
  person: string;
  /** Unique per confirmation (channel, request, measure): written once however often it fails. */
  id: string;
  ref: string | null;
  period: string | null;
  text: string;
}

export const rememberUndelivered = (db: Db, n: UndeliveredNotice, now: Date): Promise<void> =>
  queueNotice(db, n, now, PREFIX);

/** A notice for a person through the outbox, written once per `id` (a stored return's confirmation...). */
export async function queueNotice(
  db: Db,
  n: UndeliveredNotice,
  now: Date,
  prefix = 'notice:',
): Promise<void> {
  await withRetry(() =>
    insertMissing(
      db,
      [
        {
          key: `${prefix}${n.id}`.slice(0, 250),
          partnershipId: n.partnershipId,
          kind: 'notice',
          recipient: n.person,
          ref: n.ref,
          period: n.period,
          stage: null,
          payload: { kind: 'notice', text: n.text, buttons: [] },
        },
      ],
      now,
    ),
  );
}

/** The person's undelivered confirmations not sent yet, taken (marked told) so nobody sends them again. */
export async function takeUndelivered(
  db: Db,
  partnershipId: number,
  person: string,
  now: Date,
): Promise<string[]> {
  const rows = await rawRows<{ id: number; payload: string }>(
    db,
    Prisma.sql`SELECT "id", "payload" FROM "OutboxMessage" WHERE "partnershipId" = ${partnershipId} AND "recipient" = ${person} AND "status" IN (${Prisma.join(RETELL)}) AND "key" LIKE ${UNDELIVERED_KEYS} ORDER BY "id"`,
  );
  const texts: string[] = [];
  for (const row of rows) {
    const { count } = await prismaOf(db).outboxMessage.updateMany({
      where: { id: row.id, status: { in: RETELL } },
      data: { status: 'sent', sentAt: now, lastError: 'told in the conversation', updatedAt: now },
    });
    const payload = JSON.parse(row.payload) as { text?: unknown };
    if (count === 1 && typeof payload.text === 'string') texts.push(payload.text);
  }
  return texts;
}
