// The per-person rate limit: a burst of N, then one every 60/N seconds, with the wait told in seconds.
import { describe, expect, it } from 'vitest';
import { createRateLimit } from '../../src/http/rate-limit.js';

describe('the per-person rate limit', () => {
  it('allows a burst of 30, refuses the 31st with the wait, and refills at one every two seconds', () => {
    let now = 0;
    const limit = createRateLimit(30, () => now);
    for (let i = 0; i < 30; i++) expect(limit.take('dan')).toEqual({ ok: true });
    expect(limit.take('dan')).toEqual({ ok: false, retryInSeconds: 2 });
    now += 1000;
    expect(limit.take('dan')).toEqual({ ok: false, retryInSeconds: 1 });
    now += 1000;
    expect(limit.take('dan')).toEqual({ ok: true });
    expect(limit.take('dan').ok).toBe(false);
  });

  it('keeps one bucket per person', () => {
    const limit = createRateLimit(2, () => 0);
    expect(limit.take('dan').ok).toBe(true);
    expect(limit.take('dan').ok).toBe(true);
    expect(limit.take('dan').ok).toBe(false);
    expect(limit.take('priya').ok).toBe(true);
  });

  it('never refills past the burst, however long the wait', () => {
    let now = 0;
    const limit = createRateLimit(3, () => now);
    now = 3_600_000;
    for (let i = 0; i < 3; i++) expect(limit.take('dan').ok).toBe(true);
    expect(limit.take('dan').ok).toBe(false);
  });

  it('is off at 0', () => {
    const limit = createRateLimit(0, () => 0);
    for (let i = 0; i < 100; i++) expect(limit.take('dan').ok).toBe(true);
  });
});
