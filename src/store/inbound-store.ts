// Which inbound platform activities have been handled, so a redelivery is answered once. The unique key
// lives in the database, not in memory, so a second instance or a restart still sees it.
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from './open-database.js';

/** Records the key; false when it was already recorded (a redelivery). */
export async function claimInbound(db: Db, key: string, at: Date): Promise<boolean> {
  try {
    await db.inboundActivity.create({ data: { key, receivedAt: at } });
    return true;
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return false;
    throw e;
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
