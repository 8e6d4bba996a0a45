// Retrying a database operation: passing failures (busy, locked, connection refused, serialization) are
// tried again with a growing wait, up to a bound; anything else is thrown at once.
import { describe, expect, it } from 'vitest';
import { isTransient, withRetry } from '../../src/store/retry.js';

const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('withRetry', () => {
  it('tries a busy database again, waiting longer each time', async () => {
    const waits: number[] = [];
    let calls = 0;
    const out = await withRetry(
      async () => {
        if (++calls < 3) throw busy;
        return 'stored';
      },
      { sleep: async (ms) => void waits.push(ms), random: () => 1 },
    );
    expect(out).toBe('stored');
    expect(waits).toEqual([50, 100]);
  });

  it('gives up after the last attempt and throws the error', async () => {
    let calls = 0;
    const work = () => {
      calls++;
      return Promise.reject(busy);
    };
    await expect(withRetry(work, { attempts: 3, sleep: async () => {} })).rejects.toBe(busy);
    expect(calls).toBe(3);
  });

  it('does not retry an error that is not passing', async () => {
    let calls = 0;
    const unique = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });
    const work = () => {
      calls++;
      return Promise.reject(unique);
    };
    await expect(withRetry(work, { sleep: async () => {} })).rejects.toBe(unique);
    expect(calls).toBe(1);
  });

  it('knows the passing errors of SQLite, PostgreSQL, Prisma and the network, also as causes', () => {
    expect(isTransient(busy)).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { code: '40001' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { code: 'P1001' }))).toBe(true);
    expect(
      isTransient(new Error('wrapped', { cause: new Error('connect ECONNREFUSED 127.0.0.1:5432') })),
    ).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { meta: { code: '40P01' } }))).toBe(true);
    expect(isTransient(new Error('Invalid value for argument'))).toBe(false);
    expect(isTransient('a string')).toBe(false);
  });
});
