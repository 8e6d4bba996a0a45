// A real, migrated SQLite database in its own temporary directory, removed again by close().
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/store/open-database.js';

export interface TempDb {
  prisma: Db;
  /** The DATABASE_URL of the file, e.g. for a spawned CLI. */
  url: string;
  /** The temporary directory, free for the test's own files. */
  dir: string;
  close(): Promise<void>;
}

export async function tempDb(): Promise<TempDb> {
  const dir = await mkdtemp(join(tmpdir(), 'perfbot-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const db = await openDatabase(url);
  return {
    prisma: db.prisma,
    url,
    dir,
    close: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every stored row, table by table, to check that something wrote nothing. */
export async function snapshot(db: Db) {
  const byId = { orderBy: { id: 'asc' } } as const;
  return {
    partnerships: await db.partnership.findMany(byId),
    people: await db.person.findMany(byId),
    themes: await db.theme.findMany(byId),
    measures: await db.measure.findMany(byId),
    returns: await db.return.findMany(byId),
    overrides: await db.override.findMany(byId),
    audit: await db.auditEvent.findMany(byId),
    reviews: await db.returnReview.findMany(byId),
    periodStates: await db.periodState.findMany({ orderBy: [{ partnershipId: 'asc' }, { period: 'asc' }] }),
  };
}
