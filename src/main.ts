// The server's composition root: configuration, clock, database, plan, HTTP. On SIGTERM or SIGINT it
// stops the ticks, lets requests and deliveries in flight finish (for SHUTDOWN_GRACE_MS at most),
// closes the database and exits 0; a second signal exits at once.
import 'dotenv/config';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ConfigError, loadConfig } from './config.js';
import { checkPortFree } from './http/port-in-use.js';
import { createLogger, type Logger } from './log.js';
import { ensurePlan } from './app/ensure-plan.js';
import { isLocalMode } from './channels/teams/create-adapter.js';
import { startServer } from './server/start-server.js';
import { loadPartnership } from './store/partnership-store.js';
import { openDatabase } from './store/open-database.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL, {
    secrets: [
      config.SLACK_BOT_TOKEN,
      config.SLACK_SIGNING_SECRET,
      config.SLACK_APP_TOKEN,
      config.MicrosoftAppPassword,
      config.CHART_SIGNING_KEY,
      config.REPORTS_SIGNING_KEY,
      /:\/\/[^:/]+:([^@]+)@/.exec(config.DATABASE_URL)?.[1],
    ],
  });
  // Before migrating or loading anything: a port someone else holds is said plainly, at once.
  await checkPortFree(config.HOST, config.PORT);
  const clock = () => new Date();
  const db = await openDatabase(config.DATABASE_URL);
  if (db.migrated.length > 0) log.info({ migrations: db.migrated }, 'database migrated');
  await ensurePlan(db.prisma, config.PLAN_FILE, clock(), log);
  // In local mode the example plan's demonstration date stands in for today (unless TODAY is set), so
  // the README's tour reads the same whatever the real date is.
  const demoDate =
    !config.TODAY && isLocalMode(config) ? (await loadPartnership(db.prisma))?.settings.demoDate : undefined;
  if (demoDate) log.info({ demoDate }, 'local mode: behaving as on the plan’s demonstration date');

  // Who this process is among the bot's instances: claims of activities it dies holding are taken over.
  const instance = { id: randomUUID(), host: hostname(), pid: process.pid };
  const server = await startServer({
    config: demoDate ? { ...config, TODAY: demoDate } : config,
    db: db.prisma,
    clock,
    log,
    instance,
    todayIsDemo: demoDate !== undefined,
  });
  log.info(
    { url: `${server.url}/`, localMode: server.localMode, reminders: server.jobs !== null },
    'listening',
  );
  stopOnSignals(server, db, config.SHUTDOWN_GRACE_MS, log);
}

/** On SIGTERM or SIGINT: close the server (waiting up to graceMs), then the database, and exit. */
function stopOnSignals(
  server: { close(o: { graceMs: number }): Promise<void> },
  db: { close(): Promise<void> },
  graceMs: number,
  log: Logger,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, graceMs: graceMs }, 'shutting down');
    server
      .close({ graceMs: graceMs })
      .then(() => db.close())
      .then(
        () => {
          log.info('stopped');
          process.exit(0);
        },
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError || e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
