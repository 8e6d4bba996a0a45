// Builds the reminder and summary jobs from the configuration: the Bot Framework sender (Teams and the
// local chat) and, with a Slack bot token, the Slack sender; then starts the schedulers and the
// delivery loop.
import type { Proactive } from '../channels/teams/send-proactive.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import type { SummaryChart } from '../reports/weekly-summary.js';
import type { Sender } from '../jobs/senders/sender.js';
import { createTeamsSender } from '../channels/teams/outbox-sender.js';
import { startJobs, type Jobs, type JobsOptions } from '../jobs/start-jobs.js';

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

/** The Slack sender, with a bot token: only then are Slack's libraries loaded (they cost memory). */
async function slackSender(config: Config): Promise<Sender | null> {
  if (!config.SLACK_BOT_TOKEN) return null;
  const { createSlackSender, createSlackWebClient } = await import('../channels/slack/outbox-sender.js');
  const client = createSlackWebClient(config, config.SEND_TIMEOUT_MS);
  return client ? createSlackSender(client) : null;
}

export async function startReminderJobs(d: ReminderJobsDeps): Promise<Jobs | null> {
  const { config } = d;
  if (config.REMINDERS === 'off') return null;
  return startJobs({
    db: d.db,
    log: d.log,
    clock: d.clock,
    senders: {
      teams: createTeamsSender(d.proactive, config.SEND_TIMEOUT_MS),
      slack: await slackSender(config),
    },
    cron: config.REMINDERS_CRON,
    timezone: 'Europe/London',
    pollMs: config.OUTBOX_POLL_MS,
    ...(config.TODAY ? { today: config.TODAY } : {}),
    summaryChart: d.summaryChart ?? null,
    ...(d.overrides ? { overrides: d.overrides } : {}),
  });
}
