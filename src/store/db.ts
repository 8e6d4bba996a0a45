// The store's handles: the client the rest of the program holds and passes back in (`Db`), the
// transaction a store function runs its statements in (`Tx`), and an opened database.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

export type Db = PrismaClient;

export type Tx = Prisma.TransactionClient;

export interface OpenedDatabase {
  prisma: Db;
  /** Migrations applied by this opening. */
  migrated: string[];
  close(): Promise<void>;
}
