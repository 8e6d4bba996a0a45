// Which inbound platform activities have been handled, so a redelivery is answered once. The unique key
// lives in the database, not in memory, so a second instance or a restart still sees it.
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from './open-database.js';
import { isUniqueClash } from './unique-clash.js';

/** How long an unhandled claim is left alone before a redelivery may take it over. */
export const ABANDONED_AFTER_MS = 60_000;

/**
 * Claims the key for handling; false when it is handled already, or being handled right now (a
 * redelivery). A claim older than a minute and still unhandled was abandoned (the process died mid-turn),
 * so the redelivery takes it over and the activity is handled after all: submissions are idempotent by
 * their request key, so handling again cannot store twice.
 */
export async function claimInbound(db: Db, key: string, at: Date): Promise<boolean> {
  try {
    await db.inboundActivity.create({ data: { key, receivedAt: at } });
    return true;
  } catch (e) {
    if (!isUniqueClash(e)) throw e;
  }
  const abandoned = new Date(at.getTime() - ABANDONED_AFTER_MS);
  const taken = await db.inboundActivity.updateMany({
    where: { key, handledAt: null, receivedAt: { lt: abandoned } },
    data: { receivedAt: at },
  });
  return taken.count === 1;
}

/** Marks a claimed key handled: from now on its redeliveries are only acknowledged. */
export async function finishInbound(db: Db, key: string, at: Date): Promise<void> {
  // `update` is one statement; `updateMany` took a transaction of its own, on every turn. A key gone
  // meanwhile (pruned) is left gone, as updateMany would.
  try {
    await db.inboundActivity.update({ where: { key }, data: { handledAt: at }, select: { id: true } });
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2025')) throw e;
  }
}

/** Forgets a key whose handling failed, so the platform's retry is processed. */
export async function releaseInbound(db: Db, key: string): Promise<void> {
  await db.inboundActivity.deleteMany({ where: { key } });
}

/** Removes keys older than `before` (redeliveries come within minutes). */
export async function pruneInbound(db: Db, before: Date): Promise<number> {
  const out = await db.inboundActivity.deleteMany({ where: { receivedAt: { lt: before } } });
  return out.count;
}
