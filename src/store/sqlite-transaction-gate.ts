// On SQLite every query goes through one connection, and Prisma's better-sqlite3 adapter serializes
// transactions only among themselves: a query made outside a transaction while one is open (a
// submission's, between two of its statements) ran inside it. It saw the transaction's uncommitted rows,
// and a write, say another turn's inbound claim, was rolled back with it and silently lost. The gate makes
// queries outside transactions wait until the open one commits or rolls back. Code inside a transaction
// must use the transaction's client for every query (one made outside would wait for the transaction,
// which waits for it, until Prisma's transaction timeout).
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { Outside } from './sqlite-direct.js';

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>;

/**
 * Makes the adapter's queries outside a transaction wait while one is open. `outside` runs other work
 * on the same connection the same way (sqlite-direct.ts).
 */
export function gateOutsideTransactions(adapter: SqlDriverAdapter): { outside: Outside } {
  /** Settles when the open transaction ends; null when none is open. */
  let open: Promise<void> | null = null;

  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx = await startTransaction(isolationLevel);
    let ended!: () => void;
    const current = new Promise<void>((resolve) => (ended = resolve));
    open = current;
    const end =
      <R>(close: () => Promise<R>) =>
      async (): Promise<R> => {
        try {
          return await close();
        } finally {
          if (open === current) open = null;
          ended();
        }
      };
    const gated: Transaction = tx;
    gated.commit = end(tx.commit.bind(tx));
    gated.rollback = end(tx.rollback.bind(tx));
    return gated;
  };

  // After the wait, the query's statement runs in the same tick (the adapter's query methods run SQLite
  // synchronously before their first await), so no transaction can begin in between.
  const outside: Outside = async (run) => {
    while (open) await open;
    return run();
  };
  const query = adapter.queryRaw.bind(adapter);
  const execute = adapter.executeRaw.bind(adapter);
  adapter.queryRaw = async (q) => outside(() => query(q));
  adapter.executeRaw = async (q) => outside(() => execute(q));
  return { outside };
}
