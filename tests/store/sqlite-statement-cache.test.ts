// The SQLite statement cache: through the real PrismaClient on a SQLite file, queries reuse their
// prepared statements and still return their own rows, exact big integers, and transactions that
// commit or roll back; the cache itself stays within its bound.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/store/open-database.js';
import { StatementCache, withStatementCache } from '../../src/store/sqlite-statement-cache.js';
import { asTestDb, type TestDb } from '../helpers/temp-db.js';

let dir: string;
let opened: OpenedDatabase;
let prisma: TestDb;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'perfbot-stmt-'));
  opened = await openDatabase(`file:${join(dir, 'cache.db')}`);
  prisma = asTestDb(opened.prisma);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await opened.close();
  await rm(dir, { recursive: true, force: true });
});

const partnership = (n: number) => ({ slug: `p${n}`, name: `Partnership ${n}`, settings: '{}' });

async function seedPartnerships(count: number): Promise<void> {
  for (let n = 0; n < count; n++) await prisma.partnership.create({ data: partnership(n) });
}

describe('the SQLite statement cache, through Prisma', () => {
  it('answers the same query with different arguments with the right rows, preparing it once', async () => {
    await seedPartnerships(20);
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    const statementProto = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as {
      columns: () => unknown;
    };
    const columns = vi.spyOn(statementProto, 'columns');
    let queries = 0;
    for (let round = 0; round < 5; round++) {
      for (let n = 0; n < 20; n++) {
        const found = await prisma.partnership.findUnique({ where: { slug: `p${n}` } });
        queries++;
        expect(found?.name).toBe(`Partnership ${n}`);
      }
    }
    expect(await prisma.partnership.findUnique({ where: { slug: 'nobody' } })).toBeNull();
    expect(prepare.mock.calls.length).toBeLessThanOrEqual(2);
    // The result's columns are asked of SQLite once per statement, not on every query.
    expect(columns.mock.calls.length).toBeLessThanOrEqual(2);
    expect(queries).toBe(100);
  });

  it('reuses statements for writes too, and each write changes only its own row', async () => {
    await seedPartnerships(10);
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    for (let n = 0; n < 10; n++) {
      await prisma.partnership.update({ where: { slug: `p${n}` }, data: { planVersion: n * 10 } });
    }
    const rows = await prisma.partnership.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.planVersion)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(prepare.mock.calls.length).toBeLessThan(10);
  });

  it('returns integers beyond 2^53 exactly, as before', async () => {
    const big = 9_007_199_254_740_993n;
    expect(await prisma.$queryRawUnsafe('SELECT 9007199254740993 AS n')).toEqual([{ n: big }]);
    for (let i = 0; i < 3; i++) {
      expect(await prisma.$queryRawUnsafe('SELECT ? AS n', big + BigInt(i))).toEqual([
        { n: big + BigInt(i) },
      ]);
    }
  });

  it('commits the writes of a transaction, and rolls back one that throws, time after time', async () => {
    for (let n = 0; n < 3; n++) {
      await prisma.$transaction(async (tx) => {
        await tx.partnership.create({ data: partnership(n) });
      });
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.partnership.create({ data: partnership(100 + n) });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
    }
    const slugs = (await prisma.partnership.findMany({ orderBy: { id: 'asc' } })).map((p) => p.slug);
    expect(slugs).toEqual(['p0', 'p1', 'p2']);
  });

  it('still reports a failed statement and runs it again afterwards', async () => {
    await seedPartnerships(1);
    await expect(prisma.partnership.create({ data: partnership(0) })).rejects.toMatchObject({
      code: 'P2002',
    });
    await prisma.partnership.create({ data: partnership(1) });
    expect(await prisma.partnership.count()).toBe(2);
  });
});

describe('StatementCache', () => {
  it('keeps no more statements than its bound, dropping the least recently used', () => {
    const db = new Database(':memory:');
    const cache = new StatementCache(db, 3);
    const first = cache.prepare('SELECT 0');
    for (let n = 1; n < 50; n++) {
      cache.prepare(`SELECT ${n}`);
      cache.prepare('SELECT 0');
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    expect(cache.prepare('SELECT 0')).toBe(first);
    expect(cache.prepare('SELECT 1')).not.toBe(cache.prepare('SELECT 2'));
    cache.close();
    expect(db.open).toBe(false);
  });

  it('refuses an adapter that no longer keeps its Database in `client`', () => {
    const changed = { provider: 'sqlite' } as unknown as Parameters<typeof withStatementCache>[0];
    expect(() => withStatementCache(changed)).toThrow(/no longer keeps its Database in `client`/);
  });
});
