// Builds the reminder and summary jobs from the configuration: the Bot Framework sender (Teams and the
// local chat) and, with a Slack bot token, the Slack sender; then starts the schedulers and the
// delivery loop.
import type { Proactive } from '../channels/teams/send-proactive.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import type { SummaryChart } from '../reports/weekly-summary.js';
import { createSlackSender, createSlackWebClient } from './senders/slack-sender.js';
import { createTeamsSender } from './senders/teams-sender.js';
import { startJobs, type Jobs, type JobsOptions } from './start-jobs.js';

export interface ReminderJobsDeps {
  config: Config;
  db: Db;
  log: Logger;
  clock: () => Date;
  proactive: Proactive;
  /** The RAG distribution chart of the weekly and quarterly summaries. */
  summaryChart?: SummaryChart | null;
  overrides?: JobsOptions['overrides'];
}

export function startReminderJobs(d: ReminderJobsDeps): Jobs | null {
  const { config } = d;
  if (config.REMINDERS === 'off') return null;
  const slackClient = createSlackWebClient(config, config.SEND_TIMEOUT_MS);
  return startJobs({
    db: d.db,
    log: d.log,
    clock: d.clock,
    senders: {
      teams: createTeamsSender(d.proactive, config.SEND_TIMEOUT_MS),
      slack: slackClient ? createSlackSender(slackClient) : null,
    },
    cron: config.REMINDERS_CRON,
    timezone: 'Europe/London',
    pollMs: config.OUTBOX_POLL_MS,
    ...(config.TODAY ? { today: config.TODAY } : {}),
    summaryChart: d.summaryChart ?? null,
    ...(d.overrides ? { overrides: d.overrides } : {}),
  });
}
