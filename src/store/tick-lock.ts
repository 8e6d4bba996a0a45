// Serialises one partnership's ticks of one job across instances sharing a database. On SQLite the
// tick's first write takes the database's write lock. On PostgreSQL the tick first takes a
// transaction-level advisory lock on (job, partnership), held to its commit: a second instance's tick
// waits there and then, each statement reading what is committed, sees the rows the first one wrote.
import { providerOf } from './provider.js';
import type { Tx } from './db.js';

// One key per job that locks its ticks (the summary tick needs none: its outbox keys alone decide).
const JOBS = { reminders: 1 } as const;

export async function lockTick(tx: Tx, job: keyof typeof JOBS, partnershipId: number): Promise<void> {
  if (providerOf(tx) !== 'postgresql') return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${JOBS[job]}::int, ${partnershipId}::int)`;
}
