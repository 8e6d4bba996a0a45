// The reads every chat turn makes, in plain SQL: it skips the ORM's argument checks, query plan lookup
// and result shaping. The SQL is what SQLite and PostgreSQL share (double-quoted names; Prisma.sql writes
// each one's placeholders), `SELECT *` of one model's table returns that model's row (typed from the
// columns: numbers, Dates, booleans), and tests compare each read with the ORM's on both databases. On
// SQLite it goes straight to the connection (sqlite-direct.ts): outside transactions behind the gate,
// inside one opened with `transaction` at once; otherwise through Prisma's $queryRaw and $executeRaw.
import { Prisma } from '../generated/prisma/client.js';
import { prismaOf, type Db, type Tx } from './db.js';
import type { SqliteDirect } from './sqlite-direct.js';

export { Prisma };

/** The SQLite clients whose plain SQL outside transactions goes straight to the connection. */
const directs = new WeakMap<object, () => SqliteDirect | undefined>();

/** Sends a SQLite client's plain SQL (not its transactions') straight to its connection while open. */
export function sqlDirectly(db: Db, direct: () => SqliteDirect | undefined): void {
  directs.set(db, direct);
}

/**
 * Runs `work` in a transaction. On SQLite the transaction is Prisma's (its lock, BEGIN and COMMIT, on the
 * one connection), and the plain SQL made with `tx` goes straight to that connection, inside it: through
 * the transaction's client each statement paid Prisma's request pipeline, most of a submission's cost.
 */
export function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return prismaOf(db).$transaction(async (tx) => {
    // Asked here: the connection is open once the transaction is.
    const direct = directs.get(db)?.();
    if (direct) {
      const within = direct.within();
      directs.set(tx, () => within);
    }
    return work(tx);
  });
}

/** The rows of a query, as the given row type. */
export async function rawRows<T>(db: Db | Tx, query: Prisma.Sql): Promise<T[]> {
  const direct = directs.get(db)?.();
  return direct ? direct.rows<T>(query) : prismaOf(db).$queryRaw<T[]>(query);
}

/** Runs a statement; the number of rows it changed. */
export async function rawExecute(db: Db | Tx, query: Prisma.Sql): Promise<number> {
  const direct = directs.get(db)?.();
  return direct ? direct.execute(query) : prismaOf(db).$executeRaw(query);
}

/** A value a column takes as it is: text, a number, a Date, a boolean, or null. */
export type ColumnValue = string | number | boolean | Date | null;

/** `INSERT INTO "table" ("a", "b") VALUES (…), (…)`: the rows given, with the first row's columns in its order. */
export function insertInto(
  table: string,
  rows: Record<string, ColumnValue> | Record<string, ColumnValue>[],
): Prisma.Sql {
  const list = Array.isArray(rows) ? rows : [rows];
  const names = Object.keys(list[0] ?? {});
  const columns = names.map((c) => `"${c}"`).join(', ');
  const values = list.map((row) => Prisma.sql`(${Prisma.join(names.map((c) => row[c] ?? null))})`);
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(columns)}) VALUES ${Prisma.join(values)}`;
}

/** `"column" IN (…)` for ids or texts, or a condition that holds for none when there are none. */
export function inList(column: string, values: readonly (number | string)[]): Prisma.Sql {
  if (values.length === 0) return Prisma.sql`1 = 0`;
  return Prisma.sql`${Prisma.raw(`"${column}"`)} IN (${Prisma.join(values)})`;
}
