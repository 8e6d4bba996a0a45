// /healthz answers whenever the process is up; /readyz only when the database answers and every
// committed migration is applied, else 503 with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedMigrations } from '../../src/store/health.js';
import { startTestServer, type TestServer } from '../channels/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ REMINDERS: 'off' });
});

afterAll(async () => {
  await t?.close();
});

const get = async (path: string) => {
  const res = await fetch(`${t.server.url}${path}`);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('health', () => {
  it('is live', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { ok: true } });
  });

  it('is ready with the database up and migrated', async () => {
    expect(await get('/readyz')).toEqual({ status: 200, body: { ok: true } });
  });

  it('is not ready, and says why, when a committed migration is not applied', async () => {
    const last = committedMigrations(t.db.url).at(-1) ?? '';
    const db = t.db.prisma;
    // Tagged templates, so that Prisma writes each database's placeholders (SQLite or PostgreSQL).
    const [row] = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "_prisma_migrations" WHERE migration_name = ${last}`;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE id = ${row?.id}`;
    try {
      expect(await get('/readyz')).toEqual({
        status: 503,
        body: { ok: false, reason: `migrations not applied: ${last}` },
      });
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = current_timestamp WHERE id = ${row?.id}`;
    }
    expect((await get('/readyz')).status).toBe(200);
  });
});
