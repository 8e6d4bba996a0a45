// Builds the reminder and summary jobs from the configuration and the channels' senders, then starts
// the schedulers and the delivery loop.
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import type { SummaryChart } from '../reports/weekly-summary.js';
import type { Senders } from '../jobs/senders/route-recipient.js';
import { startJobs, type Jobs, type JobsOptions } from '../jobs/start-jobs.js';

export interface ReminderJobsDeps {
  config: Config;
  db: Db;
  log: Logger;
  clock: () => Date;
  /** The senders of the channels the configuration turned on (channels/registry.ts). */
  senders: Senders;
  /** The RAG distribution chart of the weekly and quarterly summaries. */
  summaryChart?: SummaryChart | null;
  overrides?: JobsOptions['overrides'];
}

export async function startReminderJobs(d: ReminderJobsDeps): Promise<Jobs | null> {
  const { config } = d;
  if (config.REMINDERS === 'off') return null;
  return startJobs({
    db: d.db,
    log: d.log,
    clock: d.clock,
    senders: d.senders,
    cron: config.REMINDERS_CRON,
    timezone: 'Europe/London',
    pollMs: config.OUTBOX_POLL_MS,
    ...(config.TODAY ? { today: config.TODAY } : {}),
    summaryChart: d.summaryChart ?? null,
    ...(d.overrides ? { overrides: d.overrides } : {}),
  });
}
