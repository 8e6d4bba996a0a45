// Queries made outside a transaction while one is open, through the real PrismaClient (SQLite, one
// connection; PostgreSQL when TEST_DATABASE_URL is set): a write survives the transaction's rollback,
// and a read never sees the transaction's uncommitted rows.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { Prisma, rawExecute, rawRows, transaction } from '../../src/store/raw-rows.js';
import { asTestDb, tempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.close();
});

const partnership = (slug: string) => ({ slug, name: slug, settings: '{}' });
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const slugs = async () =>
  (await db.prisma.partnership.findMany({ orderBy: { slug: 'asc' } })).map((p) => p.slug);
/** The same read in plain SQL (on SQLite, straight to the connection: sqlite-direct.ts). */
const rawSlugs = async () =>
  (
    await rawRows<{ slug: string }>(db.prisma, Prisma.sql`SELECT "slug" FROM "Partnership" ORDER BY "slug"`)
  ).map((p) => p.slug);

/**
 * Opens a transaction and holds it open, before its first statement, until `write` is called; then it
 * writes `in-tx`, holds again until `end` is called, and commits (`commit`) or rolls back.
 */
function heldTransaction(outcome: 'commit' | 'rollback') {
  let write!: () => void;
  const writing = new Promise<void>((resolve) => (write = resolve));
  let end!: () => void;
  const ending = new Promise<void>((resolve) => (end = resolve));
  let opened!: () => void;
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  let wrote!: () => void;
  const hasWritten = new Promise<void>((resolve) => (wrote = resolve));
  const done = db.prisma
    .$transaction(async (tx) => {
      opened();
      await writing;
      await tx.partnership.create({ data: partnership('in-tx') });
      wrote();
      await ending;
      if (outcome === 'rollback') throw new Error('the submission failed');
    })
    .then(
      () => 'committed',
      (e: Error) => e.message,
    );
  return { isOpen, write, hasWritten, end, done };
}

describe('queries outside an open transaction', () => {
  it('keep a write made meanwhile when the transaction rolls back', async () => {
    const tx = heldTransaction('rollback');
    await tx.isOpen;
    // Another turn's writes meanwhile: an ORM create, and a plain statement (as the inbound claim is).
    const outside = db.prisma.partnership.create({ data: partnership('outside') });
    const claim = db.prisma
      .$executeRaw`INSERT INTO "Partnership" ("slug", "name", "settings") VALUES ('claim', 'claim', '{}')`;
    const plain = rawExecute(
      db.prisma,
      Prisma.sql`INSERT INTO "Partnership" ("slug", "name", "settings") VALUES (${'plain'}, 'plain', '{}')`,
    );
    await tick();
    tx.write();
    await tx.hasWritten;
    tx.end();
    expect(await tx.done).toBe('the submission failed');
    expect((await outside).slug).toBe('outside');
    expect(await claim).toBe(1);
    expect(await plain).toBe(1);
    expect(await slugs()).toEqual(['claim', 'outside', 'plain']);
  });

  it('keep a write made as a newly opened SQLite database starts its first transaction', async () => {
    // A process's first queries: the transaction's BEGIN came first and the others ran inside it.
    const dir = await mkdtemp(join(tmpdir(), 'perfbot-gate-'));
    const fresh = await openDatabase(`file:${join(dir, 'fresh.db')}`);
    try {
      const p = asTestDb(fresh.prisma);
      const tx = p
        .$transaction(async (t) => {
          await t.partnership.create({ data: partnership('in-tx') });
          await new Promise((resolve) => setTimeout(resolve, 100));
          throw new Error('the submission failed');
        })
        .catch((e: Error) => e.message);
      await tick();
      const seen = (await p.partnership.findMany()).map((r) => r.slug);
      await p.partnership.create({ data: partnership('outside') });
      expect(await tx).toBe('the submission failed');
      expect(seen).toEqual([]);
      expect((await p.partnership.findMany()).map((r) => r.slug)).toEqual(['outside']);
    } finally {
      await fresh.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('never read the transaction’s uncommitted rows, and read them once committed', async () => {
    const tx = heldTransaction('commit');
    await tx.isOpen;
    tx.write();
    await tx.hasWritten;
    let seen: string[] | null = null;
    let seenRaw: string[] | null = null;
    const read = slugs().then((s) => (seen = s));
    const readRaw = rawSlugs().then((s) => (seenRaw = s));
    await tick();
    // On SQLite the reads wait for the transaction; on PostgreSQL they have already answered, without the row.
    expect(seen === null || !(seen as string[]).includes('in-tx')).toBe(true);
    expect(seenRaw === null || !(seenRaw as string[]).includes('in-tx')).toBe(true);
    tx.end();
    expect(await tx.done).toBe('committed');
    await Promise.all([read, readRaw]);
    expect(await slugs()).toEqual(['in-tx']);
    expect(await rawSlugs()).toEqual(['in-tx']);
  });

  it('leave transactions one after another, and raw statements, working as before', async () => {
    for (const slug of ['a', 'b', 'c'])
      await db.prisma.$transaction(async (tx) => {
        await tx.partnership.create({ data: partnership(slug) });
      });
    await db.prisma.$transaction([
      db.prisma.partnership.create({ data: partnership('d') }),
      db.prisma.$executeRaw`UPDATE "Partnership" SET "name" = 'D' WHERE "slug" = 'd'`,
    ]);
    expect(await slugs()).toEqual(['a', 'b', 'c', 'd']);
    expect((await db.prisma.partnership.findUnique({ where: { slug: 'd' } }))?.name).toBe('D');
  });
});

describe("a transaction's plain SQL (on SQLite, straight to the connection)", () => {
  const insert = (slug: string) =>
    Prisma.sql`INSERT INTO "Partnership" ("slug", "name", "settings") VALUES (${slug}, ${slug}, '{}')`;
  const select = Prisma.sql`SELECT "slug" FROM "Partnership" ORDER BY "slug"`;

  it('runs inside it: it reads the rows written in it, and a rollback takes its writes back', async () => {
    let inside: string[] = [];
    const outcome = await transaction(db.prisma, async (tx) => {
      await rawExecute(tx, insert('plain-in-tx'));
      await asTestDb(tx as never).partnership.create({ data: partnership('orm-in-tx') });
      inside = (await rawRows<{ slug: string }>(tx, select)).map((r) => r.slug);
      throw new Error('the submission failed');
    }).catch((e: Error) => e.message);

    expect(outcome).toBe('the submission failed');
    expect(inside).toEqual(['orm-in-tx', 'plain-in-tx']);
    expect(await rawSlugs()).toEqual([]);
  });

  it('is not seen outside until it commits, and then is', async () => {
    let write!: () => void;
    const writing = new Promise<void>((resolve) => (write = resolve));
    let end!: () => void;
    const ending = new Promise<void>((resolve) => (end = resolve));
    const done = transaction(db.prisma, async (tx) => {
      await writing;
      await rawExecute(tx, insert('in-tx'));
      await ending;
      return 'committed';
    });
    await tick();
    write();
    await tick();
    let seen: string[] | null = null;
    const read = rawSlugs().then((s) => (seen = s));
    const outside = rawExecute(db.prisma, insert('outside'));
    await tick();
    expect(seen === null || !(seen as string[]).includes('in-tx')).toBe(true);
    end();
    expect(await done).toBe('committed');
    await read;
    expect(await outside).toBe(1);
    expect(await rawSlugs()).toEqual(['in-tx', 'outside']);
  });
});
