// A write that met a unique key someone else wrote first: on both databases the sign that another
// request or instance got there first, which callers treat as "already done". Prisma's client says so
// with P2002, or for plain SQL with P2010 and its driver adapter's kind of error; plain SQL straight to
// SQLite (sqlite-direct.ts) fails with better-sqlite3's own error.
import { Prisma } from '../generated/prisma/client.js';

type RawFailure = { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined;

const SQLITE_UNIQUE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

export function isUniqueClash(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    if (e.code === 'P2002') return true;
    const cause = (e.meta as RawFailure)?.driverAdapterError?.cause;
    return e.code === 'P2010' && cause?.kind === 'UniqueConstraintViolation';
  }
  return SQLITE_UNIQUE.has(String((e as { code?: unknown } | null)?.code));
}
