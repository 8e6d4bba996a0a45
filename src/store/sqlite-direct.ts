// Plain SQL on SQLite, straight to the connection Prisma's adapter holds. Through $queryRaw a read pays
// Prisma's client for each query (its request pipeline, then shaping every value of every row), several
// times what SQLite takes for a turn's small reads. Here the statement comes from the same cache, runs
// behind the same transaction gate, and its values are typed as Prisma types a raw result: Dates for
// DATETIME columns, booleans for BOOLEAN ones, numbers for INTEGER ones, BigInts for other integers
// (COUNT(*) and the like). Outside transactions they wait at the gate; a transaction opened with
// `transaction` (raw-rows.ts) runs its plain SQL here at once (`within`), its ORM queries on its client.
import type Database from 'better-sqlite3';
import type { Prisma } from '../generated/prisma/client.js';

type Convert = ((value: unknown) => unknown) | null;

/**
 * The adapter reads integers as BigInts; Prisma gives a column declared as a 32-bit integer type as
 * numbers (the digits when one does not fit), any other (BIGINT, or an expression such as COUNT(*)) as
 * BigInts.
 */
const asNumber: Convert = (v) => {
  if (typeof v !== 'bigint') return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v.toString();
};
const asDate: Convert = (v) =>
  v === null ? null : new Date(typeof v === 'bigint' ? Number(v) : (v as string | number));
const asBoolean: Convert = (v) => (v === null ? null : Number(v) !== 0);

const INT32 = new Set(['TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'INTEGER', 'SERIAL', 'INT2']);

/** How a declared column type's values are typed, as Prisma's raw results type them (null: as read). */
function converterOf(declared: string | null): Convert {
  const type = declared?.toUpperCase() ?? '';
  if (type === 'DATETIME' || type === 'TIMESTAMP') return asDate;
  if (type === 'BOOLEAN') return asBoolean;
  return INT32.has(type) ? asNumber : null;
}

/** An argument as the adapter stores it: Dates as ISO text with +00:00, booleans as 1 and 0. */
function sqliteArg(arg: unknown): unknown {
  if (arg instanceof Date) return arg.toISOString().replace('Z', '+00:00');
  if (typeof arg === 'boolean') return arg ? 1 : 0;
  return arg;
}

/** A statement's rows as objects, typed by its columns (worked out once per statement). */
export class RowShape {
  private readonly names: string[];
  private readonly converts: Convert[];

  constructor(columns: readonly Database.ColumnDefinition[]) {
    this.names = columns.map((c) => c.name);
    this.converts = columns.map((c) => converterOf(c.type));
  }

  objects<T>(rows: unknown[][]): T[] {
    const { names, converts } = this;
    return rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const convert = converts[i];
        out[names[i] as string] = convert ? convert(row[i]) : row[i];
      }
      return out as T;
    });
  }
}

/** What runs a statement outside transactions: waits while one is open, then runs it in the same tick. */
export type Outside = <R>(run: () => R) => Promise<R>;

export interface DirectStatements {
  /** The statement kept for this SQL: its rows as arrays, and their shape. */
  rows(sql: string, args: unknown[]): { shape: RowShape; rows: unknown[][] };
  run(sql: string, args: unknown[]): number;
}

/** Plain SQL straight to one SQLite connection, outside transactions. */
export class SqliteDirect {
  constructor(
    private readonly statements: DirectStatements,
    private readonly outside: Outside,
  ) {}

  rows<T>(query: Prisma.Sql): Promise<T[]> {
    return this.outside(() => {
      const { shape, rows } = this.statements.rows(query.sql, query.values.map(sqliteArg));
      return shape.objects<T>(rows);
    });
  }

  /** Runs a statement; the number of rows it changed. */
  execute(query: Prisma.Sql): Promise<number> {
    return this.outside(() => this.statements.run(query.sql, query.values.map(sqliteArg)));
  }

  /**
   * The same connection for the statements of the transaction open on it: they run at once, inside it
   * (they must not wait at the gate for the very transaction they belong to).
   */
  within(): SqliteDirect {
    return new SqliteDirect(this.statements, async (run) => run());
  }
}
