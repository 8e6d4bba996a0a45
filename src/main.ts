// The server's composition root: configuration, clock, database, plan, HTTP.
import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { ensurePlan } from './app/ensure-plan.js';
import { startServer } from './server/start-server.js';
import { openDatabase } from './store/open-database.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  const clock = () => new Date();
  const db = await openDatabase(config.DATABASE_URL);
  if (db.migrated.length > 0) log.info({ migrations: db.migrated }, 'database migrated');
  await ensurePlan(db.prisma, config.PLAN_FILE, clock(), log);

  const server = await startServer({ config, db: db.prisma, clock, log });
  log.info(
    { url: `${server.url}/`, localMode: server.localMode, reminders: server.jobs !== null },
    'listening',
  );
  const stop = () => {
    void server
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError || e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
