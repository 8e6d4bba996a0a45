// Exponential back-off with jitter for failed sends: 30 s, 1 min, 2 min... capped at 30 min, each
// drawn between half and all of that so that many failures do not retry in step. A platform's
// Retry-After wins when it is given.
export const MAX_ATTEMPTS = 8;

const BASE_MS = 30_000;
const CAP_MS = 30 * 60_000;

/** The wait before attempt `attempt + 1` (attempt counts the failures so far, from 1). */
export function backoffMs(attempt: number, random: () => number, retryAfterMs: number | null = null): number {
  if (retryAfterMs !== null) return Math.max(retryAfterMs, 1000);
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(attempt - 1, 0));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
