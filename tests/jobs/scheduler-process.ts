// A second (or first) bot process for the two-schedulers tests: opens the shared database and, for each
// instant given, runs a scheduler tick and a delivery pass through the real Bot Framework sender, meeting
// the other processes (comma-separated) at a file barrier before each instant so all work on the same
// moment at the same time. With SCHEDULER_JOBS=summaries it runs the summary tick instead, with
// SCHEDULER_JOBS=both the reminder tick and then the summary tick.
// Usage: node --import tsx tests/jobs/scheduler-process.ts <database url> <barrier dir> <me> <others> <instant>...
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { createAdapter } from '../../src/channels/teams/create-adapter.js';
import { createProactive } from '../../src/channels/teams/send-proactive.js';
import { loadConfig } from '../../src/config.js';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.js';
import { reminderTick } from '../../src/jobs/reminder-tick.js';
import { summaryTick } from '../../src/jobs/summary-tick.js';
import { createTeamsSender } from '../../src/channels/teams/outbox-sender.js';
import { deliveryDeps } from '../../src/jobs/start-jobs.js';
import { openDatabase } from '../../src/store/open-database.js';

const [url = '', dir = '', me = '', other = '', ...instants] = process.argv.slice(2);
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const jobs = process.env.SCHEDULER_JOBS ?? 'reminders';
const tick = async (now: Date) => [
  ...(jobs !== 'summaries' ? await reminderTick({ db: db.prisma, log }, now) : []),
  ...(jobs !== 'reminders' ? await summaryTick({ db: db.prisma, log, chart: null }, now) : []),
];

async function meet(step: number): Promise<void> {
  writeFileSync(join(dir, `${me}-${step}`), '');
  for (const o of other.split(','))
    while (!existsSync(join(dir, `${o}-${step}`))) await new Promise((r) => setTimeout(r, 5));
}

const db = await openDatabase(url);
let now = new Date(instants[0] ?? 0);
const clock = () => now;
const proactive = createProactive({
  adapter: createAdapter(loadConfig({}), log),
  appId: '',
  db: db.prisma,
  log,
  clock,
});
const deps = deliveryDeps({
  db: db.prisma,
  log,
  clock,
  senders: { teams: createTeamsSender(proactive, 10_000), slack: null },
  cron: '*/5 * * * *',
  timezone: 'Europe/London',
  pollMs: 1000,
  overrides: { sleep: async () => {} },
});
const report = { written: 0, sent: 0, errors: [] as string[] };
for (const [step, instant] of instants.entries()) {
  now = new Date(instant);
  await meet(step);
  try {
    for (const r of await tick(now)) report.written += r.written.length;
    report.sent += (await deliverOutbox(deps)).sent;
  } catch (e) {
    report.errors.push(e instanceof Error ? e.message : String(e));
  }
}
await db.close();
process.stdout.write(JSON.stringify(report));
