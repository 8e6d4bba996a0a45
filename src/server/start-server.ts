// Builds the HTTP server's routes (health, dashboard, chart, the Bot Framework and Slack endpoints
// and, in local mode, the chat page) and starts listening. Called by src/main.ts, and by the tests
// with a temporary database and a fixed clock.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { guardConversation } from './guard-conversation.js';
import { createInboundClaims } from '../app/inbound-claims.js';
import { createRateLimit } from './rate-limit.js';
import { createReportLinks, reportSigningKey } from '../reports/report-links.js';
import { createConversation } from '../bot/create-conversation.js';
import { chartSigningKey } from '../charts/chart-key.js';
import { chartDelivery } from '../charts/chart-delivery.js';
import { createChartLinks } from '../charts/chart-link.js';
import { createChartRenderer } from '../charts/chart-renderer.js';
import { createChartService } from '../charts/chart-service.js';
import type { Config } from '../config.js';
import { localRoutes, openLocalChannels } from '../channels/local/index.js';
import { isLocalMode } from '../channels/teams/create-adapter.js';
import { createTeamsChannel } from '../channels/teams/index.js';
import type { Proactive } from '../channels/teams/send-proactive.js';
import { isoDateOf } from '../domain/iso-date.js';
import type { Jobs, JobsOptions } from '../jobs/start-jobs.js';
import { startReminderJobs } from './start-reminder-jobs.js';
import { checkReadiness, committedMigrations } from '../store/health.js';
import { pruneInbound } from '../store/inbound-store.js';
import type { Logger } from '../log.js';
import type { InstanceIdentity } from '../store/instance-store.js';
import type { Db } from '../store/open-database.js';
import { isRunning, startInstance } from './bot-instance.js';
import { chartRoutes } from './chart-route.js';
import { summaryChartFrom } from '../reports/summary-chart.js';
import { dashboardRoute } from './dashboard-route.js';
import { reportsRoute } from './reports-route.js';
import type { Route } from '../http/route.js';
import { startHttpServer } from './http-server.js';

export interface ServerOptions {
  config: Config;
  db: Db;
  clock: () => Date;
  /** Real time, for checking the timestamps of platform signatures; defaults to `clock`. */
  wallClock?: () => Date;
  log: Logger;
  /** Timers and randomness of the reminder jobs, for tests. */
  jobs?: JobsOptions['overrides'];
  /** Milliseconds for the per-person rate limit (default: the monotonic performance clock). */
  rateClock?: () => number;
  /** TODAY is the example plan's demonstration date (the chat page says so). */
  todayIsDemo?: boolean;
  /** This process among the bot's instances (default: a random id, this host and pid). */
  instance?: InstanceIdentity;
}

export interface RunningServer {
  /** Where the server listens, e.g. http://127.0.0.1:3978 (the actual port when PORT was 0). */
  url: string;
  localMode: boolean;
  proactive: Proactive;
  /** The reminder scheduler and outbox delivery loop (null when REMINDERS=off). */
  jobs: Jobs | null;
  /**
   * Stops accepting connections, stops the jobs (waiting for deliveries in flight) and closes the
   * server. With `graceMs`, requests and deliveries in flight get that long to finish; without, open
   * connections are closed at once (tests).
   */
  close(o?: { graceMs?: number }): Promise<void>;
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const { config, db, clock, log } = o;
  let url = `http://${config.HOST}:${config.PORT}`;
  const ourBase = () => config.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? url;
  // Chart links are signed with a key kept across restarts, so a card's chart still draws tomorrow.
  const links = createChartLinks({
    baseUrl: ourBase,
    quickChartBase: config.QUICKCHART_URL ?? null,
    key: await chartSigningKey(db, config.CHART_SIGNING_KEY, clock()),
    days: config.CHART_LINK_DAYS,
  });
  const summaryChart = summaryChartFrom(links);
  const renderer = createChartRenderer({ log: log.child({ component: 'charts' }) });
  const charts = createChartService({ db, links, renderer, ourBases: () => [ourBase(), url], log, clock });
  const chartImages = (platform: 'slack' | 'teams') => ({
    delivery: chartDelivery(platform, config, isLocalMode(config)),
    owns: charts.owns,
    imageFor: charts.imageFor,
  });
  const reports = createReportLinks({
    baseUrl: ourBase,
    key: await reportSigningKey(db, config.REPORTS_SIGNING_KEY, clock()),
    minutes: config.REPORTS_LINK_MINUTES,
  });
  const perMinute = config.RATE_LIMIT_PER_MINUTE;
  const conversation = guardConversation(
    createConversation({
      db,
      chartUrl: (ref, period, now, partnership) => links.statusUrl(ref, period, now, partnership),
      reports,
      summaryChart,
    }),
    {
      db,
      log: log.child({ component: 'conversation' }),
      perMinute,
      rateLimit: createRateLimit(perMinute, o.rateClock ?? (() => performance.now())),
    },
  );
  const wallClock = o.wallClock ?? clock;
  const self = o.instance ?? { id: randomUUID(), host: hostname(), pid: process.pid };
  const claims = createInboundClaims({
    db,
    self,
    clock,
    wallClock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    isRunning,
  });
  const teams = createTeamsChannel({
    config,
    db,
    log,
    clock,
    conversation,
    claims,
    charts: chartImages('teams'),
  });
  // Slack's libraries (bolt, with express) are loaded only when Slack is configured: they cost memory.
  const slack = config.SLACK_BOT_TOKEN
    ? (await import('../channels/slack/index.js')).createSlackChannel({
        config,
        db,
        log,
        clock,
        wallClock,
        conversation,
        claims,
        charts: chartImages('slack'),
      })
    : null;
  const today = () => config.TODAY ?? isoDateOf(clock(), 'Europe/London');
  const migrations = committedMigrations(config.DATABASE_URL);
  let draining = false;
  const routes: Record<string, Route> = {
    'GET /healthz': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    },
    'GET /readyz': async (_req, res) => {
      const ready = draining
        ? { ok: false as const, reason: 'shutting down' }
        : await checkReadiness(db, migrations);
      if (!ready.ok) log.warn({ reason: ready.reason }, 'not ready');
      res
        .writeHead(ready.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(ready));
    },
    'GET /dashboard': dashboardRoute(db, today, teams.localMode),
    'GET /reports/:partnership/:file': reportsRoute({ db, links: reports, clock, today, log }),
    ...chartRoutes(
      charts,
      createRateLimit(config.CHART_RATE_PER_MINUTE, o.rateClock ?? (() => performance.now())),
    ),
    ...teams.routes,
    ...slack?.routes,
    ...(teams.localMode
      ? localRoutes(db, config.TODAY ? { date: config.TODAY, demo: o.todayIsDemo ?? false } : null)
      : { 'GET /': notLocal }),
  };
  // Redeliveries come within minutes: a week of inbound keys is plenty.
  const pruned = await pruneInbound(db, new Date(clock().getTime() - 7 * 24 * 3600 * 1000));
  if (pruned > 0) log.info({ pruned }, 'old inbound activity keys removed');
  // Registered before the first request: every claim this process makes names a live instance.
  const instance = await startInstance(db, self, wallClock, log);
  const server = await startHttpServer(routes, config.HOST, config.PORT, log);
  try {
    await slack?.start();
  } catch (e) {
    server.close();
    await charts.close();
    await instance.stop();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  // Started once listening: in local mode the chat page's messages go through this server.
  if (teams.localMode) await openLocalChannels(db, url, clock());
  const jobs = await startReminderJobs({
    config,
    db,
    log,
    clock,
    proactive: teams.proactive,
    summaryChart,
    overrides: o.jobs,
  });
  return {
    url,
    localMode: teams.localMode,
    proactive: teams.proactive,
    jobs,
    close: async (c = {}) => {
      // Jobs first: in local mode deliveries go through this very server.
      draining = true;
      if (c.graceMs === undefined) await jobs?.stop();
      else if (!(await within(c.graceMs, jobs?.stop())))
        log.warn({ graceMs: c.graceMs }, 'deliveries still in flight at shutdown: left for the next start');
      await slack?.stop();
      const closed = new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
      });
      if (c.graceMs === undefined) server.closeAllConnections();
      else if (!(await within(c.graceMs, closed))) {
        log.warn({ graceMs: c.graceMs }, 'requests still in flight at shutdown: connections closed');
        server.closeAllConnections();
      }
      await closed;
      await charts.close();
      // Last: a request cut off at the grace limit leaves a claim that is now seen as abandoned.
      await instance.stop();
    },
  };
}

/** Whether `work` finished within `ms` (it is not stopped when it did not). */
async function within(ms: number, work: Promise<unknown> | undefined): Promise<boolean> {
  if (!work) return true;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

const notLocal: Route = async (_req, res) => {
  res
    .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
    .end(
      'perfbot is running. Talk to it in Microsoft Teams; the local chat page is only served in local mode.\n',
    );
};
