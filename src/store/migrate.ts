// Applies the committed migrations at start-up (SQLite: prisma/migrations/*/migration.sql; PostgreSQL:
// prisma/postgres/migrations/*/migration.sql), recording them in Prisma's own `_prisma_migrations` table
// so that `prisma migrate deploy` and this agree.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import type pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(
  new URL('../../prisma/postgres/migrations', import.meta.url),
);

const LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

export interface Migration {
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => ({ name: d.name, sql: readFileSync(join(dir, d.name, 'migration.sql'), 'utf8') }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Applies every migration not yet applied, each in its own transaction. Returns the names applied. */
export function migrateSqlite(db: Database.Database, migrations = readMigrations()): string[] {
  db.exec(LEDGER);
  const applied = new Set(
    (
      db.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL').all() as {
        migration_name: string;
      }[]
    ).map((r) => r.migration_name),
  );
  const done: string[] = [];
  for (const m of migrations.filter((x) => !applied.has(x.name))) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES (?, ?, current_timestamp, ?, 1)`,
      ).run(randomUUID(), createHash('sha256').update(m.sql).digest('hex'), m.name);
    })();
    done.push(m.name);
  }
  return done;
}

const PG_LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** The advisory lock `prisma migrate deploy` takes, so that it and every starting instance migrate in turn. */
const MIGRATE_LOCK = 72707369;

/**
 * PostgreSQL: applies every migration not yet applied, all in one transaction under an advisory lock,
 * so that several instances starting together migrate once (the others wait, then find nothing to do).
 */
export async function migratePostgres(
  client: pg.ClientBase,
  migrations = readMigrations(POSTGRES_MIGRATIONS_DIR),
): Promise<string[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query(PG_LEDGER);
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const done: string[] = [];
    for (const m of migrations.filter((x) => !applied.has(x.name))) {
      await client.query(m.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), createHash('sha256').update(m.sql).digest('hex'), m.name],
      );
      done.push(m.name);
    }
    await client.query('COMMIT');
    return done;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}
