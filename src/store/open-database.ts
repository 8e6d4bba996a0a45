// Opens the database named by DATABASE_URL (a SQLite file, or PostgreSQL), applies pending migrations
// and returns the store's handle on it.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { PrismaClient } from '../generated/prisma/client.js';
import { dbOf, type OpenedDatabase } from './db.js';
import { migrateSqlite } from './migrate.js';
import { isPostgresUrl, openPostgres } from './open-postgres.js';
import { sqlDirectly } from './raw-rows.js';
import { PrismaBetterSqlite3WithStatementCache } from './sqlite-statement-cache.js';

export type { Db, OpenedDatabase } from './db.js';

/** How long a statement waits for another process's write lock before SQLite says busy. */
const BUSY_TIMEOUT_MS = 15_000;

export function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, '');
  return path === ':memory:' ? path : resolve(path);
}

export async function openDatabase(url: string): Promise<OpenedDatabase> {
  if (isPostgresUrl(url)) return openPostgres(url);
  if (!url.startsWith('file:')) {
    throw new Error(
      `DATABASE_URL "${url.split(':')[0]}:…" is not supported: use file:./data/bot.db (SQLite) or postgresql://user:password@host:5432/database`,
    );
  }
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const migrated = migrateSqlite(raw);
  raw.close();
  const adapter = new PrismaBetterSqlite3WithStatementCache({ url: path, timeout: BUSY_TIMEOUT_MS });
  const prisma = new PrismaClient({ adapter });
  const db = dbOf(prisma);
  sqlDirectly(db, () => adapter.direct);
  return { prisma: db, migrated, close: () => prisma.$disconnect() };
}
