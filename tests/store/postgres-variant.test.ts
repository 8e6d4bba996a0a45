// The PostgreSQL variant is current: prisma/postgres/schema.prisma is what `npm run db:variant` makes
// from prisma/schema.prisma, its migrations follow every change of the models and, given a PostgreSQL
// server, applying them to an empty database gives what creating the schema from nothing gives.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrationSql } from '../../scripts/migration-sql.js';
import { variantStatus, type VariantStatus } from '../../scripts/postgres-variant.js';
import { migratePostgres } from '../../src/store/migrate.js';
import { emptyPostgres, testPostgres } from '../helpers/temp-db.js';

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

/** The tables, columns, indexes and constraints of a database, leaving out the migrations ledger. */
const shape = (url: string) =>
  withClient(url, async (c) => {
    const rows = async (sql: string) => (await c.query(sql)).rows;
    return {
      columns: await rows(`SELECT table_name, column_name, data_type, is_nullable, column_default,
          character_maximum_length, numeric_precision, datetime_precision
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`),
      indexes: await rows(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`),
      constraints:
        await rows(`SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
          AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`),
    };
  });

let status: VariantStatus;
beforeAll(() => {
  status = variantStatus();
}, 60_000);

describe('the PostgreSQL variant of the schema', () => {
  it('is what npm run db:variant makes from prisma/schema.prisma', () => {
    expect(status.schemaStale, 'prisma/postgres/schema.prisma is stale: run npm run db:variant').toBe(false);
  });

  it('has a migration for every change of the models', () => {
    expect(status.pendingSql, 'a PostgreSQL migration is missing: run npm run db:variant').toBe('');
  });

  // Needs a server to apply the migrations to; CI's PostgreSQL pass sets TEST_DATABASE_URL.
  it.skipIf(!testPostgres)(
    'migrated from empty, has the tables, columns, indexes and constraints of the schema',
    { timeout: 60_000 },
    async () => {
      const migrated = await emptyPostgres(testPostgres!);
      const direct = await emptyPostgres(testPostgres!);
      try {
        await withClient(migrated.url, (c) => migratePostgres(c));
        const sql = migrationSql(null, status.schema);
        await withClient(direct.url, (c) => c.query(sql));
        const [a, b] = [await shape(migrated.url), await shape(direct.url)];
        expect(a.columns.length).toBeGreaterThan(50);
        expect(a).toEqual(b);
      } finally {
        await migrated.drop();
        await direct.drop();
      }
    },
  );
});
