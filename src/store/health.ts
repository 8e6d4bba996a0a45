// Readiness: the database answers, and every committed migration is recorded as applied.
import { MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR, readMigrations } from './migrate.js';
import type { Db } from './open-database.js';
import { prismaOf } from './db.js';

export type Readiness = { ok: true } | { ok: false; reason: string };

/** The migrations committed for the database DATABASE_URL names. */
export function committedMigrations(databaseUrl: string): string[] {
  const postgres = /^postgres(ql)?:\/\//.test(databaseUrl);
  return readMigrations(postgres ? POSTGRES_MIGRATIONS_DIR : MIGRATIONS_DIR).map((m) => m.name);
}

export async function checkReadiness(db: Db, committed: readonly string[]): Promise<Readiness> {
  try {
    await prismaOf(db).$queryRawUnsafe('SELECT 1');
  } catch (e) {
    return { ok: false, reason: `the database does not answer (${errorCode(e)})` };
  }
  let applied: Set<string>;
  try {
    const rows = await prismaOf(db).$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (e) {
    return { ok: false, reason: `the migrations ledger cannot be read (${errorCode(e)})` };
  }
  const missing = committed.filter((m) => !applied.has(m));
  if (missing.length > 0) return { ok: false, reason: `migrations not applied: ${missing.join(', ')}` };
  return { ok: true };
}

/** A short, safe description of a database error (no connection strings). */
function errorCode(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.name : 'unknown error';
}
