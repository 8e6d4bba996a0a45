// Where to reach people and channels proactively: the platform's conversation reference, kept from
// every inbound activity, marked inactive when the platform says the conversation is gone.
import type { Db } from './open-database.js';
import { prismaOf, type DbClient } from './db.js';
import { Prisma, rawRows } from './raw-rows.js';

export type RefKind = 'person' | 'channel';

export interface RefTarget {
  platform: string;
  partnershipId: number;
  kind: RefKind;
  /** The person's key, or the channel's conversation id. */
  target: string;
}

export interface StoredRef extends RefTarget {
  conversationId: string;
  /** The platform's reference object, as JSON-ready data. */
  reference: unknown;
  active: boolean;
}

/**
 * Stores the reference of an inbound activity. Most activities come from a conversation whose reference
 * is stored already: then nothing is written (a read instead of a write on every turn), unless the stored
 * one is inactive or another platform's reference to the same target is more recent, since proactive
 * messages go to the one most recently used (latestConversationRef).
 */
export async function saveConversationRef(
  db: Db,
  t: RefTarget,
  conversationId: string,
  reference: unknown,
  at: Date,
): Promise<void> {
  const data = { conversationId, reference: JSON.stringify(reference), active: true, updatedAt: at };
  const { partnershipId, kind, target } = t;
  const stored = await rawRows<RefRow>(
    db,
    Prisma.sql`SELECT * FROM "ConversationRef" WHERE "partnershipId" = ${partnershipId} AND "kind" = ${kind} AND "target" = ${target}`,
  );
  const mine = stored.find((r) => r.platform === t.platform);
  const unchanged =
    mine?.active === true &&
    mine.conversationId === data.conversationId &&
    mine.reference === data.reference &&
    stored.every((r) => r === mine || r.updatedAt < mine.updatedAt);
  if (unchanged) return;
  await prismaOf(db).conversationRef.upsert({
    where: { platform_partnershipId_kind_target: t },
    create: { ...t, ...data },
    update: data,
  });
}

type RefRow = Awaited<ReturnType<DbClient['conversationRef']['findMany']>>[number];

function toStored(row: RefRow): StoredRef {
  return {
    platform: row.platform,
    partnershipId: row.partnershipId,
    kind: row.kind as RefKind,
    target: row.target,
    conversationId: row.conversationId,
    reference: JSON.parse(row.reference) as unknown,
    active: row.active,
  };
}

export async function findConversationRef(db: Db, t: RefTarget): Promise<StoredRef | null> {
  const row = await prismaOf(db).conversationRef.findUnique({
    where: { platform_partnershipId_kind_target: t },
  });
  return row ? toStored(row) : null;
}

/**
 * The active reference most recently used, on any platform: for a person kind with their key, for
 * channels with the channel's id, or with no target the partnership's most recent channel.
 */
export async function latestConversationRef(
  db: Db,
  partnershipId: number,
  kind: RefKind,
  target?: string,
): Promise<StoredRef | null> {
  const row = await prismaOf(db).conversationRef.findFirst({
    where: { partnershipId, kind, active: true, ...(target === undefined ? {} : { target }) },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
  });
  return row ? toStored(row) : null;
}

export async function markConversationInactive(db: Db, t: RefTarget, at: Date): Promise<void> {
  const { platform, partnershipId, kind, target } = t;
  await prismaOf(db).conversationRef.updateMany({
    where: { platform, partnershipId, kind, target },
    data: { active: false, updatedAt: at },
  });
}

/**
 * The Teams user ids (`29:…`, the id Teams sends as `from.id`) of people who have spoken to the bot in
 * Teams, by person key: what an Adaptive Card's `refresh.userIds` lists.
 */
export async function teamsUserIds(
  db: Db,
  partnershipId: number,
  people: string[],
): Promise<Map<string, string>> {
  if (people.length === 0) return new Map();
  const rows = await prismaOf(db).conversationRef.findMany({
    where: { platform: 'teams', partnershipId, kind: 'person', target: { in: people } },
  });
  const ids = new Map<string, string>();
  for (const row of rows) {
    const user = (JSON.parse(row.reference) as { user?: { id?: unknown } }).user;
    if (typeof user?.id === 'string' && user.id) ids.set(row.target, user.id);
  }
  return ids;
}
