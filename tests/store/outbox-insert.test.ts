// Writing outbox rows under their unique keys: a key already there is skipped, and on PostgreSQL a key
// written by another transaction meanwhile is skipped without aborting the transaction it happens in
// (a stored return and its approver's notice commit together, or not at all).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertMissing, type NewOutboxMessage } from '../../src/store/outbox-store.js';
import { minimalPlanDb } from '../helpers/minimal-db.js';
import { testPostgres, type TempDb } from '../helpers/temp-db.js';

const now = new Date('2016-05-02T09:00:00Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let db: TempDb;
let partnershipId: number;
beforeEach(async () => {
  db = await minimalPlanDb(now);
  partnershipId = (await db.prisma.partnership.findFirstOrThrow()).id;
});
afterEach(() => db.close());

const notice = (key: string): NewOutboxMessage => ({
  key,
  partnershipId,
  kind: 'notice',
  recipient: 'sam-lee',
  ref: null,
  period: null,
  stage: null,
  payload: { kind: 'notice', text: `notice ${key}`, buttons: [] },
});
const keys = async () =>
  (await db.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } })).map((r) => r.key);

describe('writing outbox rows', () => {
  it('writes each new key once, in order, and returns the keys it wrote', async () => {
    expect(await insertMissing(db.prisma, [notice('a'), notice('b'), notice('a')], now)).toEqual(['a', 'b']);
    expect(await insertMissing(db.prisma, [notice('b'), notice('c')], now)).toEqual(['c']);
    expect(await keys()).toEqual(['a', 'b', 'c']);
  });

  it('skips a key already there inside a transaction, which then commits what else it wrote', async () => {
    await insertMissing(db.prisma, [notice('a')], now);
    await db.prisma.$transaction(async (tx) => {
      expect(await insertMissing(tx, [notice('a'), notice('b')], now)).toEqual(['b']);
      await tx.outboxMessage.updateMany({ where: { key: 'b' }, data: { stage: 'after' } });
    });
    expect(await keys()).toEqual(['a', 'b']);
  });

  // SQLite runs one writing transaction at a time, so two cannot race on a key there.
  it.skipIf(!testPostgres)(
    'skips a key another transaction wrote meanwhile, and the transaction still commits',
    async () => {
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      let firstWrote = false;
      const first = db.prisma.$transaction(async (tx) => {
        await insertMissing(tx, [notice('k')], now);
        firstWrote = true;
        await held;
      });
      while (!firstWrote) await sleep(5);
      // The second does not see the first's uncommitted row, so its insert waits on the key's index.
      const second = db.prisma.$transaction(async (tx) => {
        const written = await insertMissing(tx, [notice('k'), notice('other')], now);
        await tx.outboxMessage.updateMany({ where: { key: 'other' }, data: { stage: 'after' } });
        return written;
      });
      await sleep(200);
      release();
      await first;
      expect(await second).toEqual(['other']);
      expect(await keys()).toEqual(['k', 'other']);
    },
  );
});
