// A second write of the same unique key is told apart from other failures however it was made: through
// Prisma's client, as plain SQL through it, or straight to SQLite (on PostgreSQL, through $executeRaw).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Prisma, rawExecute, transaction } from '../../src/store/raw-rows.js';
import { isUniqueClash } from '../../src/store/unique-clash.js';
import { tempDb, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
  await db.prisma.partnership.create({ data: { slug: 'p', name: 'p', settings: '{}' } });
});
afterEach(async () => {
  await db.close();
});

const again = Prisma.sql`INSERT INTO "Partnership" ("slug", "name", "settings") VALUES ('p', 'p', '{}')`;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('a unique key written twice', () => {
  it('is a clash through the ORM, as plain SQL, and as plain SQL in a transaction', async () => {
    const errors = [
      await failure(db.prisma.partnership.create({ data: { slug: 'p', name: 'p', settings: '{}' } })),
      await failure(rawExecute(db.prisma, again)),
      await failure(db.prisma.$executeRaw(again)),
      await failure(transaction(db.prisma, (tx) => rawExecute(tx, again))),
    ];
    expect(errors.map(isUniqueClash)).toEqual([true, true, true, true]);
  });

  it('is told from another failure', async () => {
    const error = await failure(
      rawExecute(db.prisma, Prisma.sql`INSERT INTO "Partnership" ("slug") VALUES ('q')`),
    );
    expect(error).not.toBeNull();
    expect(isUniqueClash(error)).toBe(false);
  });
});
