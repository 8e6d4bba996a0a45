// Which inbound platform activities have been handled, so a redelivery is answered once. The unique key
// lives in the database, not in memory, so a second instance or a restart still sees it. Each claim
// names the BotInstance that made it, so a redelivery can take over a claim whose process died
// (src/app/inbound-claims.ts decides when).
import type { Db } from './open-database.js';
import { prismaOf } from './db.js';
import { Prisma, rawExecute } from './raw-rows.js';

/** How long an unhandled claim is left alone, whoever made it, before a redelivery may take it over. */
export const ABANDONED_AFTER_MS = 60_000;

export type InboundState =
  | { kind: 'claimed' }
  | { kind: 'handled' }
  /** Claimed and not handled yet, by this instance (null: by a process from before instances were recorded). */
  | { kind: 'held'; by: string | null };

/**
 * Claims the key for handling by instance `by`. When it is claimed already: handled, or held by its
 * claimant. A claim older than a minute and still unhandled is taken over at once, whoever holds it:
 * submissions are idempotent by their request key, so handling again cannot store twice.
 */
export async function claimInbound(db: Db, key: string, at: Date, by: string | null): Promise<InboundState> {
  // Every turn claims: one plain statement (SQLite and PostgreSQL both have ON CONFLICT), no ORM query.
  const inserted = await rawExecute(
    db,
    Prisma.sql`INSERT INTO "InboundActivity" ("key", "receivedAt", "claimedBy") VALUES (${key}, ${at}, ${by}) ON CONFLICT ("key") DO NOTHING`,
  );
  if (inserted === 1) return { kind: 'claimed' };
  const abandoned = new Date(at.getTime() - ABANDONED_AFTER_MS);
  const taken = await prismaOf(db).inboundActivity.updateMany({
    where: { key, handledAt: null, receivedAt: { lt: abandoned } },
    data: { receivedAt: at, claimedBy: by },
  });
  if (taken.count === 1) return { kind: 'claimed' };
  return (await inboundState(db, key)) ?? claimInbound(db, key, at, by);
}

/** The key's state as stored, or null when nobody holds it (never claimed, or released). */
export async function inboundState(db: Db, key: string): Promise<InboundState | null> {
  const row = await prismaOf(db).inboundActivity.findUnique({
    where: { key },
    select: { handledAt: true, claimedBy: true },
  });
  if (!row) return null;
  return row.handledAt ? { kind: 'handled' } : { kind: 'held', by: row.claimedBy };
}

/** Takes over a claim still held, unhandled, by `from` (a process that died); false if it changed meanwhile. */
export async function takeOverInbound(
  db: Db,
  key: string,
  from: string | null,
  by: string,
  at: Date,
): Promise<boolean> {
  const taken = await prismaOf(db).inboundActivity.updateMany({
    where: { key, handledAt: null, claimedBy: from },
    data: { receivedAt: at, claimedBy: by },
  });
  return taken.count === 1;
}

/** Marks a claimed key handled: from now on its redeliveries are only acknowledged. */
export async function finishInbound(db: Db, key: string, at: Date): Promise<void> {
  // One plain statement on every turn (the ORM's updateMany took a transaction of its own). A key gone
  // meanwhile (pruned) is left gone.
  await rawExecute(db, Prisma.sql`UPDATE "InboundActivity" SET "handledAt" = ${at} WHERE "key" = ${key}`);
}

/** Forgets a key whose handling failed, so the platform's retry is processed. */
export async function releaseInbound(db: Db, key: string): Promise<void> {
  await prismaOf(db).inboundActivity.deleteMany({ where: { key } });
}

/** Removes keys older than `before` (redeliveries come within minutes). */
export async function pruneInbound(db: Db, before: Date): Promise<number> {
  const out = await prismaOf(db).inboundActivity.deleteMany({ where: { receivedAt: { lt: before } } });
  return out.count;
}
