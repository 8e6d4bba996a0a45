// What reminders depend on besides the plan: the pause switch, snoozes, delegations, and the facts of
// the returns (in or not, "not available until"). Functions take a transaction client so a tick reads
// them in the same transaction as it writes the outbox rows they cause.
import { FiguresSchema } from '../domain/figures.js';
import type { IsoDate } from '../domain/iso-date.js';
import type { ReturnFact } from '../domain/reminders/reminder-obligations.js';
import type { ReminderSnooze } from '../domain/reminders/reminder-plan.js';
import { recordAudit } from './audit-store.js';
import type { Db } from './open-database.js';
import { prismaOf, type Tx } from './db.js';
import { Prisma, rawRows, transaction } from './raw-rows.js';
import type { Delegation } from '../generated/prisma/client.js';
import { isUniqueClash } from './unique-clash.js';

export type { Tx };

export interface ReminderControlState {
  paused: boolean;
  changedBy: string | null;
  changedAt: Date | null;
}

/** Makes sure the partnership's control row exists (outside the tick's transaction). */
export async function ensureReminderControl(db: Db, partnershipId: number): Promise<void> {
  try {
    await prismaOf(db).reminderControl.upsert({
      where: { partnershipId },
      create: { partnershipId },
      update: {},
    });
  } catch (e) {
    // Prisma's upsert reads, then inserts: another instance's first tick inserted the row in between.
    if (!isUniqueClash(e)) throw e;
  }
}

/**
 * The tick's first statement: a write, so that on SQLite the transaction holds the write lock before it
 * reads anything, and a second scheduler's tick waits for this one instead of reading stale state.
 */
export async function lockReminderTick(tx: Tx, partnershipId: number, now: Date): Promise<void> {
  await tx.reminderControl.updateMany({ where: { partnershipId }, data: { lastTickAt: now } });
}

export async function readReminderControl(tx: Tx, partnershipId: number): Promise<ReminderControlState> {
  const row = await tx.reminderControl.findUnique({ where: { partnershipId } });
  return {
    paused: row?.paused ?? false,
    changedBy: row?.changedBy ?? null,
    changedAt: row?.changedAt ?? null,
  };
}

export async function setRemindersPaused(
  db: Db,
  partnershipId: number,
  paused: boolean,
  by: string,
  at: Date,
): Promise<void> {
  const data = { paused, changedBy: by, changedAt: at };
  await prismaOf(db).reminderControl.upsert({
    where: { partnershipId },
    create: { partnershipId, ...data },
    update: data,
  });
}

/** The current revision of each return of the measures whose period ended on or after `sinceEnd`. */
export async function readReturnFacts(
  tx: Tx,
  measures: { id: number; ref: string }[],
  sinceEnd: IsoDate,
): Promise<ReturnFact[]> {
  const refs = new Map(measures.map((m) => [m.id, m.ref]));
  const rows = await tx.return.findMany({
    where: { measureId: { in: [...refs.keys()] }, periodEnd: { gte: sinceEnd } },
    orderBy: [{ measureId: 'asc' }, { periodEnd: 'asc' }, { revision: 'asc' }],
  });
  const latest = new Map(rows.map((r) => [`${r.measureId}|${r.period}`, r]));
  return [...latest.values()].map((r) => ({
    ref: refs.get(r.measureId) ?? '',
    period: r.period,
    figures: r.figures ? FiguresSchema.parse(JSON.parse(r.figures)) : null,
    notAvailable: r.notAvailable,
    expectedDate: r.expectedDate,
    submittedAt: r.submittedAt.toISOString(),
  }));
}

export async function readSnoozes(tx: Tx, partnershipId: number): Promise<ReminderSnooze[]> {
  const rows = await tx.reminderSnooze.findMany({ where: { partnershipId } });
  return rows.map((r) => ({ person: r.person, ref: r.ref, period: r.period, until: r.until }));
}

/** Snoozes the person's reminders about these returns until the day (a later snooze replaces one). */
export async function saveSnoozes(
  db: Db,
  partnershipId: number,
  person: string,
  returns: { ref: string; period: string }[],
  until: IsoDate,
  at: Date,
): Promise<void> {
  await transaction(db, async (tx) => {
    for (const { ref, period } of returns) {
      const where = { partnershipId_person_ref_period: { partnershipId, person, ref, period } };
      await tx.reminderSnooze.upsert({
        where,
        create: { partnershipId, person, ref, period, until, createdAt: at },
        update: { until, createdAt: at },
      });
    }
  });
}

/** Measure ref → the person its returns are delegated to. */
export async function readDelegations(db: Db | Tx, partnershipId: number): Promise<Map<string, string>> {
  const rows = await rawRows<Delegation>(
    db,
    Prisma.sql`SELECT * FROM "Delegation" WHERE "partnershipId" = ${partnershipId}`,
  );
  return new Map(rows.map((r) => [r.ref, r.delegate]));
}

/**
 * Delegates a measure's returns, or (delegate null) gives them back to the owner, with its audit event
 * (in the caller's transaction). A change to what is already so writes nothing.
 */
export async function setDelegation(
  tx: Tx,
  partnershipId: number,
  ref: string,
  delegate: string | null,
  by: string,
  at: Date,
  channel: string,
): Promise<void> {
  const where = { partnershipId_ref: { partnershipId, ref } };
  const before = (await tx.delegation.findUnique({ where }))?.delegate ?? null;
  if (before === delegate) return;
  if (delegate === null) await tx.delegation.deleteMany({ where: { partnershipId, ref } });
  else {
    const data = { delegate, setBy: by, setAt: at };
    await tx.delegation.upsert({ where, create: { partnershipId, ref, ...data }, update: data });
  }
  await recordAudit(tx, {
    partnershipId,
    at,
    actor: by,
    channel,
    action: delegate === null ? 'delegation.clear' : 'delegation.set',
    ref,
    before: before === null ? null : { delegate: before },
    after: delegate === null ? null : { delegate },
  });
}
