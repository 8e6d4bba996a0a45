// The outbox: proactive messages written under a unique key, then claimed, sent and recorded by the
// delivery loop. Claims are single UPDATE statements, so two delivery loops (two processes on one
// database) never both take a row: SQLite runs one write at a time, and on PostgreSQL an UPDATE that
// waited for another's row re-checks its WHERE (status = 'pending') against what that one committed.
import {
  OutboxPayloadSchema,
  type OutboxKind,
  type OutboxPayload,
} from '../domain/reminders/reminder-payload.js';
import type { Db } from './open-database.js';
import { prismaOf, type DbClient, type Tx } from './db.js';
import { withRetry } from './retry.js';
import { inList, insertInto, Prisma, rawRows, type ColumnValue } from './raw-rows.js';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'unknown', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface NewOutboxMessage {
  key: string;
  partnershipId: number;
  kind: OutboxKind;
  recipient: string;
  ref: string | null;
  period: string | null;
  stage: string | null;
  payload: OutboxPayload;
}

export interface OutboxRow extends NewOutboxMessage {
  id: number;
  status: OutboxStatus;
  attempts: number;
  notBefore: Date;
  claimedAt: Date | null;
  channel: string | null;
  providerId: string | null;
  lastError: string | null;
  waiting: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface Recipient {
  partnershipId: number;
  recipient: string;
}

type Row = Awaited<ReturnType<DbClient['outboxMessage']['findMany']>>[number];

function toRow(r: Row): OutboxRow {
  return {
    id: r.id,
    key: r.key,
    partnershipId: r.partnershipId,
    kind: r.kind as OutboxKind,
    recipient: r.recipient,
    ref: r.ref,
    period: r.period,
    stage: r.stage,
    payload: OutboxPayloadSchema.parse(JSON.parse(r.payload)),
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    notBefore: r.notBefore,
    claimedAt: r.claimedAt,
    channel: r.channel,
    providerId: r.providerId,
    lastError: r.lastError,
    waiting: r.waiting,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
  };
}

const newRow = (m: NewOutboxMessage, now: Date) => ({
  ...m,
  payload: JSON.stringify(m.payload),
  status: 'pending',
  notBefore: now,
  createdAt: now,
  updatedAt: now,
});

/**
 * Writes the messages whose key is not in the outbox yet; returns the keys written. A key written
 * meanwhile by another process (outside a tick's lock) is skipped, not an error: ON CONFLICT DO NOTHING,
 * since on PostgreSQL a unique-key error aborts the whole transaction it happens in (a stored return with
 * its approver's notice, say), so catching it afterwards is too late.
 */
export async function insertMissing(db: Db | Tx, messages: NewOutboxMessage[], now: Date): Promise<string[]> {
  if (messages.length === 0) return [];
  const keys = messages.map((m) => m.key);
  // Keys already there are left out first, though ON CONFLICT would skip them: jobs offer the same keys
  // tick after tick, and on PostgreSQL every row an INSERT proposes takes an id, conflict or not.
  const seen = await rawRows<{ key: string }>(
    db,
    Prisma.sql`SELECT "key" FROM "OutboxMessage" WHERE ${inList('key', keys)}`,
  );
  const known = new Set(seen.map((s) => s.key));
  const fresh: NewOutboxMessage[] = [];
  for (const m of messages) {
    if (known.has(m.key)) continue;
    known.add(m.key);
    fresh.push(m);
  }
  if (fresh.length === 0) return [];
  const written = new Set<string>();
  // In slices: a statement's parameters are limited (a row has 14 columns).
  for (let i = 0; i < fresh.length; i += 500) {
    const rows: Record<string, ColumnValue>[] = fresh.slice(i, i + 500).map((m) => newRow(m, now));
    const keys = await rawRows<{ key: string }>(
      db,
      Prisma.sql`${insertInto('OutboxMessage', rows)} ON CONFLICT ("key") DO NOTHING RETURNING "key"`,
    );
    for (const { key } of keys) written.add(key);
  }
  return fresh.filter((m) => written.has(m.key)).map((m) => m.key);
}

export async function outboxByKeys(db: Db, keys: string[]): Promise<Map<string, OutboxRow>> {
  const rows = await prismaOf(db).outboxMessage.findMany({ where: { key: { in: keys } } });
  return new Map(rows.map((r) => [r.key, toRow(r)]));
}

export async function listOutbox(
  db: Db,
  status: OutboxStatus | null,
  limit = 200,
  partnershipId?: number,
): Promise<OutboxRow[]> {
  const rows = await prismaOf(db).outboxMessage.findMany({
    where: { ...(status ? { status } : {}), ...(partnershipId !== undefined ? { partnershipId } : {}) },
    orderBy: { id: 'desc' },
    take: limit,
  });
  return rows.map(toRow);
}

/** People with pending messages due, oldest first. */
export async function dueRecipients(db: Db, now: Date, limit = 50): Promise<Recipient[]> {
  const rows = await prismaOf(db).outboxMessage.findMany({
    where: { status: 'pending', notBefore: { lte: now } },
    orderBy: { id: 'asc' },
    select: { partnershipId: true, recipient: true },
    take: limit * 4,
  });
  const seen = new Set<string>();
  return rows
    .filter((r) => {
      const k = `${r.partnershipId}|${r.recipient}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .slice(0, limit);
}

/** Claims every due pending message to one person in one statement; returns what this claim took. */
export async function claimRecipient(db: Db, who: Recipient, now: Date, token: string): Promise<OutboxRow[]> {
  await prismaOf(db).outboxMessage.updateMany({
    where: { ...who, status: 'pending', notBefore: { lte: now } },
    data: { status: 'sending', claimToken: token, claimedAt: now, updatedAt: now },
  });
  const rows = await prismaOf(db).outboxMessage.findMany({
    where: { claimToken: token },
    orderBy: { id: 'asc' },
  });
  return rows.map(toRow);
}

type Update = Parameters<DbClient['outboxMessage']['updateMany']>[0]['data'];

async function update(db: Db, ids: number[], data: Update, now: Date): Promise<void> {
  if (ids.length === 0) return;
  // Recording what happened to a send must not be lost to a busy database (the row would be left
  // "sending" and later settled as unknown); writing it twice at worst counts an attempt twice.
  await withRetry(() =>
    prismaOf(db).outboxMessage.updateMany({ where: { id: { in: ids } }, data: { ...data, updatedAt: now } }),
  );
}

/** Recorded before the send, so that after a crash we know whether it may have gone out. */
export const recordChannel = (db: Db, ids: number[], channel: string, now: Date) =>
  update(db, ids, { channel }, now);

export const recordSent = (db: Db, ids: number[], providerId: string | null, now: Date) =>
  update(
    db,
    ids,
    { status: 'sent', providerId, sentAt: now, claimToken: null, lastError: null, waiting: null },
    now,
  );

export const recordRetry = (db: Db, ids: number[], notBefore: Date, error: string, now: Date) =>
  update(
    db,
    ids,
    { status: 'pending', notBefore, lastError: error, claimToken: null, attempts: { increment: 1 } },
    now,
  );

export const recordFailed = (db: Db, ids: number[], error: string, now: Date) =>
  update(db, ids, { status: 'failed', lastError: error, claimToken: null, attempts: { increment: 1 } }, now);

/** The outcome is not known; `notBefore` is when to look again (Slack) or is irrelevant (left). */
export const recordUnknown = (db: Db, ids: number[], notBefore: Date, error: string, now: Date) =>
  update(
    db,
    ids,
    { status: 'unknown', notBefore, lastError: error, claimToken: null, attempts: { increment: 1 } },
    now,
  );

export const recordCancelled = (db: Db, ids: number[], reason: string, now: Date) =>
  update(db, ids, { status: 'cancelled', lastError: reason, claimToken: null }, now);

/** Gives claimed rows back untouched (e.g. the rate limit says not yet). */
export const releaseClaim = (db: Db, ids: number[], notBefore: Date, now: Date) =>
  update(db, ids, { status: 'pending', notBefore, claimToken: null }, now);

/** Holds the person's pending rows back until `until`, saying why; returns the rows newly held. */
export async function holdPending(
  db: Db,
  who: Recipient,
  why: string,
  until: Date,
  now: Date,
): Promise<OutboxRow[]> {
  const fresh = await prismaOf(db).outboxMessage.findMany({
    where: { ...who, status: 'pending', waiting: null },
    orderBy: { id: 'asc' },
  });
  await prismaOf(db).outboxMessage.updateMany({
    where: { ...who, status: 'pending' },
    data: { waiting: why, notBefore: until, updatedAt: now },
  });
  return fresh.map(toRow);
}

/**
 * Rows claimed before `claimedBefore` and never recorded: the process stopped between claim and record.
 * With no channel recorded nothing was sent: back to pending. The others may have gone out: they are
 * claimed again under `token` and returned, for the caller to settle as unknown.
 */
export async function recoverStale(
  db: Db,
  claimedBefore: Date,
  token: string,
  now: Date,
): Promise<OutboxRow[]> {
  const stale = { status: 'sending', claimedAt: { lt: claimedBefore } };
  await prismaOf(db).outboxMessage.updateMany({
    where: { ...stale, channel: null },
    data: { status: 'pending', claimToken: null, notBefore: now, updatedAt: now },
  });
  await prismaOf(db).outboxMessage.updateMany({
    where: stale,
    data: { claimToken: token, claimedAt: now, updatedAt: now },
  });
  const rows = await prismaOf(db).outboxMessage.findMany({
    where: { claimToken: token },
    orderBy: { id: 'asc' },
  });
  return rows.map(toRow);
}

/** Unknown outcomes to look up in people's DMs on a channel that can be asked (Slack), due now. */
export async function unknownToCheck(db: Db, channel: string, now: Date): Promise<OutboxRow[]> {
  const rows = await prismaOf(db).outboxMessage.findMany({
    where: { status: 'unknown', channel, notBefore: { lte: now }, kind: { not: 'summary' } },
    orderBy: { id: 'asc' },
    take: 50,
  });
  return rows.map(toRow);
}

/** Takes one unknown row for checking (so two loops do not both check and resend it). */
export async function claimUnknown(db: Db, id: number, token: string, now: Date): Promise<boolean> {
  const { count } = await prismaOf(db).outboxMessage.updateMany({
    where: { id, status: 'unknown' },
    data: { status: 'sending', claimToken: token, claimedAt: now, updatedAt: now },
  });
  return count === 1;
}
