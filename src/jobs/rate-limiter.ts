// Keeps sends within the platforms' rate limits without dropping anything: a conversation gets its
// next message only after the platform's interval (Slack about one a second per channel, Teams about
// seven a second per conversation), and all sends on a channel keep a small global spacing (Teams'
// 30 a second per tenant). A 429's Retry-After blocks that conversation until then.
export interface RateLimiter {
  /** How long to wait before the next send to `key` (0 = now). */
  delayFor(key: string, channel: string): number;
  /** Records a send to `key` at the current time. */
  sent(key: string, channel: string, intervalMs: number): void;
  /** Nothing to `key` before `ms` from now. */
  block(key: string, ms: number): void;
}

export function createRateLimiter(now: () => number, globalMs: Record<string, number> = {}): RateLimiter {
  const nextAt = new Map<string, number>();
  const channelNext = new Map<string, number>();
  return {
    delayFor: (key, channel) =>
      Math.max(0, (nextAt.get(key) ?? 0) - now(), (channelNext.get(channel) ?? 0) - now()),
    sent: (key, channel, intervalMs) => {
      nextAt.set(key, Math.max(nextAt.get(key) ?? 0, now() + intervalMs));
      channelNext.set(channel, now() + (globalMs[channel] ?? 0));
    },
    block: (key, ms) => nextAt.set(key, Math.max(nextAt.get(key) ?? 0, now() + ms)),
  };
}
