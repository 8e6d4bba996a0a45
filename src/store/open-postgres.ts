// Opens a PostgreSQL database (DATABASE_URL postgresql://…) through the pg driver adapter, after applying
// the PostgreSQL migrations. Its client is generated from prisma/postgres/schema.prisma, the same models
// as SQLite's, so the rest of the store uses it through the one `Db` type. The driver, its adapter and
// the client are loaded only here, when the URL is PostgreSQL's: on SQLite they would cost memory for nothing.
import { migratePostgres } from './migrate.js';
import type { Db, OpenedDatabase } from './db.js';

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export async function openPostgres(url: string): Promise<OpenedDatabase> {
  const [{ default: pg }, { PrismaPg }, { PrismaClient }] = await Promise.all([
    import('pg'),
    import('@prisma/adapter-pg'),
    import('../generated/prisma-pg/client.js'),
  ]);
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  let migrated: string[];
  try {
    migrated = await migratePostgres(raw);
  } finally {
    await raw.end();
  }
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    // Every statement is a round trip to the server: a plan import's one transaction (hundreds of
    // statements) can outlast Prisma's 5 s default on a busy or distant server.
    transactionOptions: { maxWait: 10_000, timeout: 60_000 },
  });
  // The two generated clients differ only in their provider, not in their API.
  const prisma = client as unknown as Db;
  return { prisma, migrated, close: () => client.$disconnect() };
}
