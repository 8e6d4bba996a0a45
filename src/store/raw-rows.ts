// The reads every chat turn makes, in plain SQL through Prisma's $queryRaw: it skips the ORM's
// argument checks, query plan lookup and result shaping, about a third of an ORM read's CPU. The SQL is
// what SQLite and PostgreSQL share (double-quoted names; Prisma.sql writes each one's placeholders),
// `SELECT *` of one model's table returns that model's row (raw results are typed from the columns:
// numbers, Dates, booleans), and tests compare each read with the ORM's on both databases.
import { Prisma } from '../generated/prisma/client.js';
import { prismaOf, type Db, type Tx } from './db.js';

export { Prisma };

/** The rows of a query, as the given row type. */
export async function rawRows<T>(db: Db | Tx, query: Prisma.Sql): Promise<T[]> {
  return prismaOf(db).$queryRaw<T[]>(query);
}

/** `"column" IN (…)` for ids or texts, or a condition that holds for none when there are none. */
export function inList(column: string, values: readonly (number | string)[]): Prisma.Sql {
  if (values.length === 0) return Prisma.sql`1 = 0`;
  return Prisma.sql`${Prisma.raw(`"${column}"`)} IN (${Prisma.join(values)})`;
}
