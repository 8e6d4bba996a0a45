// The running bot processes (BotInstance rows): each registers at start, beats every second and removes
// its row at a graceful stop, so a redelivered activity can tell a claimant still at work from one that
// died mid-turn.
import type { Db } from './open-database.js';
import { prismaOf } from './db.js';

/** Who a process is: a random id made at start, and where it runs. */
export interface InstanceIdentity {
  id: string;
  host: string;
  pid: number;
}

export interface InstanceSeen extends InstanceIdentity {
  seenAt: Date;
  /** Rises by one on every heartbeat while the process runs. */
  beats: number;
}

export async function registerInstance(db: Db, self: InstanceIdentity, at: Date): Promise<void> {
  await prismaOf(db).botInstance.upsert({
    where: { id: self.id },
    create: { ...self, startedAt: at, seenAt: at },
    update: { seenAt: at },
  });
}

/** One heartbeat; registers again when the row was pruned meanwhile. */
export async function beatInstance(db: Db, self: InstanceIdentity, at: Date): Promise<void> {
  const { count } = await prismaOf(db).botInstance.updateMany({
    where: { id: self.id },
    data: { seenAt: at, beats: { increment: 1 } },
  });
  if (count === 0) await registerInstance(db, self, at);
}

export async function findInstance(db: Db, id: string): Promise<InstanceSeen | null> {
  return prismaOf(db).botInstance.findUnique({
    where: { id },
    select: { id: true, host: true, pid: true, seenAt: true, beats: true },
  });
}

export async function removeInstance(db: Db, id: string): Promise<void> {
  await prismaOf(db).botInstance.deleteMany({ where: { id } });
}

/** Removes the rows of processes not seen since `before` (killed ones never remove their own). */
export async function pruneInstances(db: Db, before: Date): Promise<number> {
  const { count } = await prismaOf(db).botInstance.deleteMany({ where: { seenAt: { lt: before } } });
  return count;
}
