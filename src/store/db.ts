// The store's handles: the one the rest of the program holds and passes back in (`Db`, opaque outside
// src/store), the Prisma client behind it (`DbClient`, for the store's own statements), the transaction a
// store function runs its statements in (`Tx`), and an opened database.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

declare const brand: unique symbol;

/** The database handle outside src/store: passed back to store functions, never called. */
export interface Db {
  readonly [brand]: 'Db';
}

/** The Prisma client behind a `Db`: only src/store names it. */
export type DbClient = PrismaClient;

export type Tx = Prisma.TransactionClient;

/** The client behind a handle (a transaction stays itself), for the store's statements. */
export function prismaOf(db: Db): DbClient;
export function prismaOf(db: Db | Tx): DbClient | Tx;
export function prismaOf(db: Db | Tx): DbClient | Tx {
  return db as unknown as DbClient | Tx;
}

/** The handle the rest of the program holds for a client. */
export const dbOf = (client: DbClient): Db => client as unknown as Db;

export interface OpenedDatabase {
  prisma: Db;
  /** Migrations applied by this opening. */
  migrated: string[];
  close(): Promise<void>;
}
