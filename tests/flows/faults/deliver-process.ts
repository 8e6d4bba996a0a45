// A bot process delivering the outbox to Slack DMs: one delivery pass at each instant given, through
// the real sender and WebClient. The test kills it (SIGKILL) while a send is in flight.
// Usage: node --import tsx tests/flows/faults/deliver-process.ts <database url> <Slack API url> <instant>...
import { pino } from 'pino';
import { loadConfig } from '../../../src/config.js';
import { deliverOutbox } from '../../../src/jobs/deliver-outbox.js';
import { createSlackSender, createSlackWebClient } from '../../../src/channels/slack/outbox-sender.js';
import { deliveryDeps } from '../../../src/jobs/start-jobs.js';
import { openDatabase } from '../../../src/store/open-database.js';

const [url = '', slackApiUrl = '', ...instants] = process.argv.slice(2);
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const config = loadConfig({
  SLACK_BOT_TOKEN: 'xoxb-fault',
  SLACK_SIGNING_SECRET: 's',
  SLACK_API_URL: slackApiUrl,
});
// Long enough that a held request is still in flight when the test kills the process.
const client = createSlackWebClient(config, 60_000);
if (!client) throw new Error('no Slack client');

const db = await openDatabase(url);
let now = new Date(instants[0] ?? 0);
const deps = deliveryDeps({
  db: db.prisma,
  log,
  clock: () => now,
  senders: { teams: null, slack: createSlackSender(client) },
  cron: '*/5 * * * *',
  timezone: 'Europe/London',
  pollMs: 1000,
  overrides: { sleep: async () => {}, random: () => 0.5 },
});
const reports = [];
for (const instant of instants) {
  now = new Date(instant);
  reports.push(await deliverOutbox(deps));
}
await db.close();
process.stdout.write(`${JSON.stringify(reports)}\n`);
