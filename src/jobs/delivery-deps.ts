// What the delivery loop is built from: the database, the clock and timers (injected, so tests control
// time), the channels' senders and the rate limiter.
import type { IsoDate } from '../domain/iso-date.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Senders } from './senders/route-recipient.js';

export interface DeliveryDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  senders: Senders;
  limiter: RateLimiter;
  sleep(ms: number): Promise<void>;
  random(): number;
  /** A fresh claim token. */
  newToken(): string;
  today?: IsoDate;
  /** A claim older than this with no outcome recorded means the process stopped mid-send. */
  leaseMs: number;
  /** How often to look again for a way to reach someone who cannot be reached. */
  recheckMs: number;
  /** A rate-limit wait longer than this gives the claim back instead of waiting. */
  maxWaitMs: number;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  unknown: number;
  cancelled: number;
  waiting: number;
  reconciled: number;
}

export const emptyReport = (): DeliveryReport => ({
  sent: 0,
  retried: 0,
  failed: 0,
  unknown: 0,
  cancelled: 0,
  waiting: 0,
  reconciled: 0,
});
