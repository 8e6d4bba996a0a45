// A real, migrated database for one test, removed again by close(): a SQLite file in its own temporary
// directory or, when TEST_DATABASE_URL names a PostgreSQL server, a new database on it (migrated on
// opening, as the bot's own would be).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db, DbClient } from '../../src/store/db.js';
import { openDatabase } from '../../src/store/open-database.js';
import { isPostgresUrl } from '../../src/store/open-postgres.js';

/** The store's handle, and (for a test's own look at the rows) the Prisma client behind it. */
export type TestDb = Db & DbClient;

/** A handle opened outside tempDb, as a test's handle. */
export const asTestDb = (db: Db) => db as TestDb;

export interface TempDb {
  prisma: TestDb;
  /** The DATABASE_URL of the database, e.g. for a spawned CLI. */
  url: string;
  /** The temporary directory, free for the test's own files. */
  dir: string;
  close(): Promise<void>;
}

/** The PostgreSQL server the tests run against (TEST_DATABASE_URL), or null for SQLite files. */
export const testPostgres = (() => {
  const url = process.env.TEST_DATABASE_URL;
  return url && isPostgresUrl(url) ? url : null;
})();

/** Runs statements on the server's maintenance database (CREATE or DROP DATABASE). */
async function onServer<T>(server: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

const withDatabase = (server: string, name: string) => {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
};

/** A new, empty PostgreSQL database on the test server; returns its URL and how to drop it. */
export async function emptyPostgres(server: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `perfbot_test_${randomBytes(6).toString('hex')}`;
  await onServer(server, (c) => c.query(`CREATE DATABASE ${name}`));
  return { url: withDatabase(server, name), drop: () => dropDatabase(server, name) };
}

const dropDatabase = (server: string, name: string) =>
  onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {});

export async function tempDb(): Promise<TempDb> {
  const dir = await mkdtemp(join(tmpdir(), 'perfbot-test-'));
  const fresh = testPostgres ? await emptyPostgres(testPostgres) : null;
  const url = fresh ? fresh.url : `file:${join(dir, 'test.db')}`;
  const db = await openDatabase(url);
  return {
    prisma: asTestDb(db.prisma),
    url,
    dir,
    close: async () => {
      await db.close();
      await fresh?.drop();
      // A SQLite journal written by a turn still finishing as the server closed can reappear while the
      // folder is removed (ENOTEMPTY, seen once in CI): rm retries then.
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/** Every stored row, table by table, to check that something wrote nothing. */
export async function snapshot(db: TestDb) {
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
