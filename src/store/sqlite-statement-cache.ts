// Prisma's better-sqlite3 adapter with its prepared statements kept: the adapter prepares every query
// afresh (its `bind` makes a statement single-use), so this factory gives it a stand-in for the
// Database whose `prepare` returns a cached statement and passes the arguments on each call instead.
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { RowShape, SqliteDirect, type DirectStatements } from './sqlite-direct.js';
import { gateOutsideTransactions } from './sqlite-transaction-gate.js';

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;

/** How many statements one connection keeps: a bound, as the length of an `IN (…)` list changes the SQL text. */
const STATEMENT_CACHE_SIZE = 300;

/** One query's statement with its arguments: the part of a bound better-sqlite3 Statement the adapter uses. */
class BoundStatement {
  constructor(
    private readonly kept: ReusableStatement,
    private readonly args: unknown[],
  ) {}

  get reader(): boolean {
    return this.kept.statement.reader;
  }

  columns(): Database.ColumnDefinition[] {
    return this.kept.columns();
  }

  raw(): this {
    this.kept.statement.raw(true);
    return this;
  }

  all(): unknown[] {
    return this.kept.statement.all(this.args);
  }

  run(): Database.RunResult {
    return this.kept.statement.run(this.args);
  }
}

/** The shape of a statement that returns no rows. */
const NO_COLUMNS = new RowShape([]);

/** A statement kept for reuse: never bound, so each query passes its own arguments. */
class ReusableStatement {
  private columnList: Database.ColumnDefinition[] | undefined;
  private rowShape: RowShape | undefined;

  constructor(readonly statement: Database.Statement) {}

  bind(args: unknown[]): BoundStatement {
    return new BoundStatement(this, args);
  }

  /**
   * The result's columns, asked of SQLite once: the adapter asks on every query, and each answer is a
   * fresh array of objects. Migrations run before the first query, so a statement's columns stay put.
   */
  columns(): Database.ColumnDefinition[] {
    this.columnList ??= this.statement.columns();
    return this.columnList;
  }

  /** How its rows become objects (sqlite-direct.ts), worked out once. */
  shape(): RowShape {
    this.rowShape ??= new RowShape(this.columns());
    return this.rowShape;
  }

  run(): Database.RunResult {
    return this.statement.run();
  }
}

/**
 * Stands in for the adapter's Database: `prepare` keeps the last `limit` statements by SQL text,
 * everything else the adapter calls goes to the Database. Statements run synchronously (the adapter
 * never iterates one), so two queries can never be inside the same statement at once.
 */
export class StatementCache implements DirectStatements {
  private readonly statements = new Map<string, ReusableStatement>();

  constructor(
    private readonly db: Database.Database,
    private readonly limit = STATEMENT_CACHE_SIZE,
  ) {}

  get size(): number {
    return this.statements.size;
  }

  prepare(sql: string): ReusableStatement {
    const kept = this.statements.get(sql);
    if (kept) {
      this.statements.delete(sql);
      this.statements.set(sql, kept);
      return kept;
    }
    const fresh = new ReusableStatement(this.db.prepare(sql));
    this.statements.set(sql, fresh);
    if (this.statements.size > this.limit) this.evictOldest();
    return fresh;
  }

  rows(sql: string, args: unknown[]): { shape: RowShape; rows: unknown[][] } {
    const kept = this.prepare(sql);
    // A statement that returns nothing is run, and has no rows (as the adapter does for $queryRaw).
    if (!kept.statement.reader) {
      kept.statement.run(args);
      return { shape: NO_COLUMNS, rows: [] };
    }
    return { shape: kept.shape(), rows: kept.statement.raw(true).all(args) as unknown[][] };
  }

  run(sql: string, args: unknown[]): number {
    return this.prepare(sql).statement.run(args).changes;
  }

  exec(sql: string): this {
    this.db.exec(sql);
    return this;
  }

  close(): this {
    this.statements.clear();
    this.db.close();
    return this;
  }

  private evictOldest(): void {
    const oldest = this.statements.keys().next();
    if (!oldest.done) this.statements.delete(oldest.value);
  }
}

/** Puts a statement cache in place of the adapter's Database; fails loudly if the adapter has changed shape. */
export function withStatementCache(
  adapter: SqlDriverAdapter,
  limit?: number,
): SqlDriverAdapter & { client: StatementCache } {
  if (!('client' in adapter) || !(adapter.client instanceof Database)) {
    throw new Error(
      'The better-sqlite3 adapter no longer keeps its Database in `client`: the statement cache cannot be installed; update src/store/sqlite-statement-cache.ts for this Prisma version',
    );
  }
  return Object.assign(adapter, { client: new StatementCache(adapter.client, limit) });
}

/**
 * PrismaBetterSqlite3 whose connections reuse their prepared statements, and whose queries outside a
 * transaction wait while one is open (sqlite-transaction-gate.ts).
 */
export class PrismaBetterSqlite3WithStatementCache extends PrismaBetterSqlite3 {
  /** Plain SQL straight to the connection, while it is open (undefined before the first query and after disposal). */
  direct: SqliteDirect | undefined;

  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = withStatementCache(await super.connect());
    const { outside } = gateOutsideTransactions(adapter);
    const dispose = adapter.dispose.bind(adapter);
    const direct = new SqliteDirect(adapter.client, outside);
    adapter.dispose = async () => {
      if (this.direct === direct) this.direct = undefined;
      return dispose();
    };
    this.direct = direct;
    return adapter;
  }

  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const adapter = withStatementCache(await super.connectToShadowDb());
    gateOutsideTransactions(adapter);
    return adapter;
  }
}
