// Starts the reminder scheduler (node-cron, timezone-aware, never two ticks at once), the summaries
// (each partnership's own cron, and checked on every reminder tick) and the outbox delivery loop (a poll
// every few seconds, never two passes at once). All also run once at start, so a restart catches up at
// once. None keeps state of its own: everything is in the database.
import { randomUUID } from 'node:crypto';
import cron from 'node-cron';
import type { IsoDate } from '../domain/iso-date.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import { deliverOutbox } from './deliver-outbox.js';
import type { DeliveryDeps, DeliveryReport } from './delivery-deps.js';
import { createRateLimiter } from './rate-limiter.js';
import { reminderTick, type TickResult } from './reminder-tick.js';
import type { Senders } from './senders/route-recipient.js';
import { scheduleSummaries } from './schedule-summaries.js';
import { summaryTick, type SummaryTickResult } from './summary-tick.js';
import type { SummaryChart } from '../reports/weekly-summary.js';

export interface JobsOptions {
  db: Db;
  log: Logger;
  clock: () => Date;
  senders: Senders;
  /** When ticks run, e.g. every five minutes: "*\/5 * * * *". */
  cron: string;
  timezone: string;
  pollMs: number;
  today?: IsoDate;
  /** The RAG distribution chart of the summaries (null: no chart). */
  summaryChart?: SummaryChart | null;
  /** Overrides for tests: timers, randomness, the rate limiter's clock (default: `clock`). */
  overrides?: Partial<
    Pick<DeliveryDeps, 'sleep' | 'random' | 'newToken' | 'leaseMs' | 'recheckMs' | 'maxWaitMs'>
  > & {
    monotonic?: () => number;
  };
}

export interface Jobs {
  /** One scheduler tick now (what cron runs). */
  tick(): Promise<TickResult[]>;
  /** One summaries tick now (each partnership's summary cron, and every reminder tick). */
  summaries(): Promise<SummaryTickResult[]>;
  /** One delivery pass now (what the poll runs). */
  deliver(): Promise<DeliveryReport>;
  stop(): Promise<void>;
}

export function deliveryDeps(o: JobsOptions): DeliveryDeps {
  const v = o.overrides ?? {};
  return {
    db: o.db,
    log: o.log.child({ job: 'outbox' }),
    clock: o.clock,
    senders: o.senders,
    // Teams: about 30 messages a second per tenant.
    limiter: createRateLimiter(v.monotonic ?? (() => o.clock().getTime()), { teams: 40 }),
    sleep: v.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: v.random ?? Math.random,
    newToken: v.newToken ?? randomUUID,
    leaseMs: v.leaseMs ?? 5 * 60_000,
    recheckMs: v.recheckMs ?? 60_000,
    maxWaitMs: v.maxWaitMs ?? 2_000,
    ...(o.today ? { today: o.today } : {}),
  };
}

/** Runs `work` unless it is already running (the running promise is shared). */
function single<T>(work: () => Promise<T>): { run(): Promise<T>; idle(): Promise<void> } {
  let running: Promise<T> | null = null;
  return {
    run: () => {
      running ??= work().finally(() => {
        running = null;
      });
      return running;
    },
    idle: async () => {
      await running?.catch(() => undefined);
    },
  };
}

/** The three jobs, each run one at a time: the reminder tick, the summaries' tick and delivery. */
function ticksOf(o: JobsOptions, log: Logger, deps: ReturnType<typeof deliveryDeps>) {
  const tick = single(() =>
    reminderTick({ db: o.db, log, ...(o.today ? { today: o.today } : {}) }, o.clock()),
  );
  const summaries = single(() =>
    summaryTick(
      {
        db: o.db,
        log: o.log.child({ job: 'summaries' }),
        chart: o.summaryChart ?? null,
        ...(o.today ? { today: o.today } : {}),
      },
      o.clock(),
    ),
  );
  const deliver = single(() => deliverOutbox(deps));
  return { tick, summaries, deliver };
}

export function startJobs(o: JobsOptions): Jobs {
  const log = o.log.child({ job: 'reminders' });
  const deps = deliveryDeps(o);
  const { tick, summaries, deliver } = ticksOf(o, log, deps);
  const logged = (what: string, p: Promise<unknown>) =>
    void p.catch((err: unknown) => log.error({ err }, what));
  const onSummary = () =>
    logged(
      'summary tick failed',
      summaries.run().then(() => deliver.run()),
    );
  const onTick = () =>
    logged(
      'reminder tick failed',
      tick
        .run()
        .then(() => summaries.run())
        .then(() => deliver.run()),
    );
  const task = cron.schedule(o.cron, onTick, { name: 'reminders', timezone: o.timezone, noOverlap: true });
  const schedules = scheduleSummaries(o.db, log, onSummary).catch((err: unknown) => {
    log.error({ err }, 'summary schedules failed to start');
    return null;
  });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = () => {
    if (stopped) return;
    logged('outbox delivery failed', deliver.run());
    timer = setTimeout(poll, o.pollMs);
  };
  // At start: catch up on whatever fell due while the process was down, then deliver.
  void tick
    .run()
    .catch((err: unknown) => log.error({ err }, 'reminder tick failed'))
    .then(() => summaries.run())
    .catch((err: unknown) => log.error({ err }, 'summary tick failed'))
    .finally(poll);
  return {
    tick: tick.run,
    summaries: summaries.run,
    deliver: deliver.run,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await task.destroy();
      await (await schedules)?.stop();
      await tick.idle();
      await summaries.idle();
      await deliver.idle();
    },
  };
}
