// The tick lock: on PostgreSQL a second tick of the same job and partnership waits until the first
// commits (SQLite needs nothing more than the tick's first write, which takes the database's write lock).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { providerOf } from '../../src/store/provider.js';
import { lockTick } from '../../src/store/tick-lock.js';
import { tempDb, testPostgres, type TempDb } from '../helpers/temp-db.js';

let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the tick lock', () => {
  it('knows which database it is on, inside a transaction too', async () => {
    const provider = testPostgres ? 'postgresql' : 'sqlite';
    expect(providerOf(db.prisma)).toBe(provider);
    expect(await db.prisma.$transaction(async (tx) => providerOf(tx))).toBe(provider);
  });

  // What it serialises only exists on PostgreSQL; on SQLite lockTick does nothing by design.
  it.skipIf(!testPostgres)(
    'holds a second tick of the same partnership until the first commits, and not another partnership',
    async () => {
      const events: string[] = [];
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      const first = db.prisma.$transaction(async (tx) => {
        await lockTick(tx, 'reminders', 1);
        events.push('first locked');
        await held;
        events.push('first commits');
      });
      while (!events.includes('first locked')) await sleep(5);
      const second = db.prisma.$transaction(async (tx) => {
        await lockTick(tx, 'reminders', 1);
        events.push('second locked');
      });
      await db.prisma.$transaction(async (tx) => {
        await lockTick(tx, 'reminders', 2);
        events.push('other partnership locked');
      });
      await sleep(300);
      release();
      await Promise.all([first, second]);
      expect(events).toEqual(['first locked', 'other partnership locked', 'first commits', 'second locked']);
    },
  );
});
