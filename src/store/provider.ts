// Which database a client or transaction talks to, for the few statements that differ between
// SQLite and PostgreSQL (the tick lock, inserting outbox rows that may exist already).
import type { Tx } from './db.js';

/** The provider of the generated client behind a client or transaction (the two share one API). */
export function providerOf(tx: Tx): string {
  const provider = (tx as unknown as { _activeProvider?: unknown })._activeProvider;
  if (typeof provider !== 'string')
    throw new Error('cannot tell the database provider of this Prisma client');
  return provider;
}
