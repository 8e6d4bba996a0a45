// Retries a database operation that failed for a passing reason: SQLite busy or locked past its busy
// timeout, a PostgreSQL serialization failure or deadlock, a connection refused, reset or timed out.
// Only for whole units of work that are safe to run again (a transaction that rolled back, or an
// idempotent write); anything else is thrown at once.

export interface RetryOptions {
  /** Tries in all (default 4). */
  attempts?: number;
  /** The first wait; each next one doubles, with jitter, up to `maxMs` (defaults 50 and 1000). */
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told of each retry (to log it). */
  onRetry?: (attempt: number, error: unknown) => void;
}

const TRANSIENT_TEXT =
  /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|could not serialize access|deadlock detected|too many clients|the database system is (starting up|shutting down)/i;

/** Prisma: cannot reach, timed out, connection closed, pool timeout, transaction timeout, write conflict. */
const TRANSIENT_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034']);

/** PostgreSQL SQLSTATEs: serialization failure, deadlock, connection exceptions, shutdowns, too many. */
const TRANSIENT_PG = /^(40001|40P01|08\w{3}|57P0[123]|53300)$/;

/** Whether the error (or one it was caused by) is one worth trying again. */
export function isTransient(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === 'object' && !seen.has(e);) {
    seen.add(e);
    const o = e as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    const code = typeof o.code === 'string' ? o.code : '';
    if (TRANSIENT_PRISMA.has(code) || TRANSIENT_PG.test(code) || /^SQLITE_(BUSY|LOCKED)/.test(code))
      return true;
    if (typeof o.message === 'string' && TRANSIENT_TEXT.test(o.message)) return true;
    const meta = o.meta as { code?: unknown; message?: unknown } | undefined;
    if (meta && typeof meta.code === 'string' && TRANSIENT_PG.test(meta.code)) return true;
    if (meta && typeof meta.message === 'string' && TRANSIENT_TEXT.test(meta.message)) return true;
    e = o.cause;
  }
  return false;
}

export async function withRetry<T>(work: () => Promise<T>, o: RetryOptions = {}): Promise<T> {
  const attempts = o.attempts ?? 4;
  const base = o.baseMs ?? 50;
  const max = o.maxMs ?? 1000;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = o.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (attempt >= attempts || !isTransient(e)) throw e;
      o.onRetry?.(attempt, e);
      const wait = Math.min(max, base * 2 ** (attempt - 1));
      await sleep(Math.round(wait / 2 + (random() * wait) / 2));
    }
  }
}
