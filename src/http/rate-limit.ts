// A token bucket per key (a person): `perMinute` requests at once, refilled at `perMinute` a minute.
// The clock is a parameter (milliseconds, monotonic in production), so tests control time.

export type RateDecision = { ok: true } | { ok: false; retryInSeconds: number };

export interface RateLimit {
  take(key: string): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimit(perMinute: number, now: () => number): RateLimit {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  const refill = (b: Bucket, t: number) => {
    b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * perMs);
    b.at = t;
  };
  return {
    take(key) {
      if (perMinute <= 0) return { ok: true };
      const t = now();
      // Full buckets are forgotten now and then, so the map holds only recent speakers.
      if (buckets.size > 10_000) {
        for (const [k, b] of buckets) {
          refill(b, t);
          if (b.tokens >= perMinute) buckets.delete(k);
        }
      }
      const b = buckets.get(key) ?? { tokens: perMinute, at: t };
      buckets.set(key, b);
      refill(b, t);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryInSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
    },
  };
}
