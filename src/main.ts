// The server's composition root: configuration, clock, database, plan, HTTP.
import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { ensurePlan } from './app/ensure-plan.js';
import { isoDateOf } from './domain/iso-date.js';
import { financialCalendar } from './domain/period.js';
import { buildDashboard } from './reports/dashboard.js';
import { dashboardText } from './reports/dashboard-format.js';
import { startHttpServer } from './server/http-server.js';
import { openDatabase } from './store/open-database.js';
import { loadPartnership } from './store/plan-store.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  const clock = () => new Date();
  const today = () => config.TODAY ?? isoDateOf(clock(), 'Europe/London');
  const db = await openDatabase(config.DATABASE_URL);
  if (db.migrated.length > 0) log.info({ migrations: db.migrated }, 'database migrated');
  await ensurePlan(db.prisma, config.PLAN_FILE, clock(), log);

  const server = await startHttpServer(
    {
      'GET /healthz': async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      },
      'GET /dashboard': async (_req, res) => {
        const p = await loadPartnership(db.prisma);
        if (!p) return void res.writeHead(404).end('No partnership loaded\n');
        const cal = financialCalendar(p.settings.yearStartMonth);
        const d = await buildDashboard(db.prisma, cal, p, { today: today(), suppress: true });
        res
          .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
          .end(d.ok ? dashboardText(d.value) : d.error);
      },
    },
    config.HOST,
    config.PORT,
    log,
  );
  log.info({ url: `http://${config.HOST}:${config.PORT}/` }, 'listening');
  const stop = () => {
    server.close();
    void db.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError || e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
