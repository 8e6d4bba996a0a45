// Plain SQL outside transactions on SQLite goes straight to the connection (src/store/sqlite-direct.ts),
// not through Prisma's client: its rows must be exactly what $queryRaw gives, typed alike (integers as
// numbers, DATETIME columns as Dates, BOOLEAN ones as booleans, nulls, texts), its arguments compared as
// Prisma stores them, and a statement that fails must fail the same way. Runs on PostgreSQL too, where
// the same calls go through $queryRaw.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Prisma, rawExecute, rawRows } from '../../src/store/raw-rows.js';
import { tempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.close();
});

const at = new Date('2016-05-20T09:00:00.123Z');

describe('plain SQL straight to the connection', () => {
  it('gives the rows $queryRaw gives, typed alike', async () => {
    const p = await db.prisma.partnership.create({
      data: { slug: 'p', name: 'Ünïcode “p”', settings: '{}' },
    });
    await db.prisma.inboundActivity.create({ data: { key: 'k1', receivedAt: at, claimedBy: null } });
    await db.prisma.inboundActivity.create({
      data: { key: 'k2', receivedAt: at, handledAt: at, claimedBy: 'i' },
    });
    for (const [target, active] of [
      ['a', true],
      ['b', false],
    ] as const)
      await db.prisma.conversationRef.create({
        data: {
          platform: 'teams',
          partnershipId: p.id,
          kind: 'person',
          target,
          conversationId: 'c',
          reference: '{}',
          active,
          updatedAt: at,
        },
      });
    const queries = [
      Prisma.sql`SELECT * FROM "Partnership"`,
      Prisma.sql`SELECT * FROM "InboundActivity" ORDER BY "key"`,
      Prisma.sql`SELECT * FROM "ConversationRef" WHERE "partnershipId" = ${p.id} ORDER BY "target"`,
      Prisma.sql`SELECT "key" FROM "InboundActivity" WHERE "receivedAt" >= ${at} ORDER BY "key"`,
      Prisma.sql`SELECT "key" FROM "InboundActivity" WHERE "receivedAt" > ${at}`,
      Prisma.sql`SELECT "slug" FROM "Partnership" WHERE "id" = ${-1}`,
      // Expressions: integers come as BigInts, as Prisma infers them; others as they are.
      Prisma.sql`SELECT COUNT(*) AS "n", MAX("id") AS "top", SUM("planVersion") AS "v", 1.5 AS "f", 'x' AS "s", NULL AS "z" FROM "Partnership"`,
    ];
    for (const q of queries) {
      const viaPrisma = await db.prisma.$queryRaw<unknown[]>(q);
      expect(await rawRows(db.prisma, q)).toEqual(viaPrisma);
    }
    expect(await rawRows(db.prisma, queries[3] as Prisma.Sql)).toEqual([{ key: 'k1' }, { key: 'k2' }]);
    const [row] = await rawRows<{ receivedAt: Date; handledAt: Date | null }>(
      db.prisma,
      queries[1] as Prisma.Sql,
    );
    expect(row?.receivedAt).toEqual(at);
    expect(row?.handledAt).toBeNull();
  });

  it('writes, and counts the rows it changed', async () => {
    const claim = (key: string) =>
      rawExecute(
        db.prisma,
        Prisma.sql`INSERT INTO "InboundActivity" ("key", "receivedAt", "claimedBy") VALUES (${key}, ${at}, ${null}) ON CONFLICT ("key") DO NOTHING`,
      );
    expect(await claim('k')).toBe(1);
    expect(await claim('k')).toBe(0);
    const stored = await db.prisma.inboundActivity.findUniqueOrThrow({ where: { key: 'k' } });
    expect(stored.receivedAt).toEqual(at);
    expect(await rawExecute(db.prisma, Prisma.sql`UPDATE "InboundActivity" SET "handledAt" = ${at}`)).toBe(1);
    expect((await db.prisma.inboundActivity.findUniqueOrThrow({ where: { key: 'k' } })).handledAt).toEqual(
      at,
    );
    // A statement returning nothing, given as a read, runs and has no rows, as through $queryRaw.
    const claimAgain = Prisma.sql`UPDATE "InboundActivity" SET "claimedBy" = ${'me'} WHERE "key" = ${'k'}`;
    expect(await rawRows(db.prisma, claimAgain)).toEqual(await db.prisma.$queryRaw(claimAgain));
    expect((await db.prisma.inboundActivity.findUniqueOrThrow({ where: { key: 'k' } })).claimedBy).toBe('me');
  });

  it('fails a bad statement, and the connection goes on', async () => {
    await expect(rawRows(db.prisma, Prisma.sql`SELECT * FROM "NoSuchTable"`)).rejects.toThrow(/NoSuchTable/);
    expect(await rawRows(db.prisma, Prisma.sql`SELECT "slug" FROM "Partnership"`)).toEqual([]);
  });
});
