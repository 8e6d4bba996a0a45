// Builds the HTTP server's routes (health, dashboard, chart, the Bot Framework and Slack endpoints
// and, in local mode, the chat page) and starts listening. Called by src/main.ts, and by the tests
// with a temporary database and a fixed clock.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { guardConversation } from './guard-conversation.js';
import { createInboundClaims } from '../app/inbound-claims.js';
import { createRateLimit } from '../http/rate-limit.js';
import { createReportLinks, reportSigningKey, type ReportLinks } from '../reports/report-links.js';
import type { Conversation } from '../bot/conversation.js';
import { createConversation } from '../bot/create-conversation.js';
import type { ChartLinks } from '../charts/chart-link.js';
import type { SummaryChart } from '../reports/weekly-summary.js';
import { healthRoutes } from './health-routes.js';
import { serverCharts } from './server-charts.js';
import type { Config } from '../config.js';
import type { Channel } from '../channels/channel.js';
import { localRoutes } from '../channels/local/index.js';
import { openChannels } from '../channels/registry.js';
import type { Proactive } from '../channels/teams/send-proactive.js';
import { isoDateOf } from '../domain/iso-date.js';
import type { Jobs, JobsOptions } from '../jobs/start-jobs.js';
import { startReminderJobs } from './start-reminder-jobs.js';
import { committedMigrations } from '../store/health.js';
import { pruneInbound } from '../store/inbound-store.js';
import type { Logger } from '../log.js';
import type { InstanceIdentity } from '../store/instance-store.js';
import type { Db } from '../store/open-database.js';
import { isRunning, startInstance } from './bot-instance.js';
import { chartRoutes } from './chart-route.js';
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
  const { links, charts, chartImages, summaryChart } = await serverCharts(o, ourBase, () => url);
  const reports = createReportLinks({
    baseUrl: ourBase,
    key: await reportSigningKey(db, config.REPORTS_SIGNING_KEY, clock()),
    minutes: config.REPORTS_LINK_MINUTES,
  });
  const conversation = guardedConversation(o, links, reports, summaryChart);
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
  const channels = await openChannels({
    ...{ config, db, log, clock, wallClock, conversation, claims, chartImages },
    baseUrl: ourBase,
    rateLimit: createRateLimit(config.RATE_LIMIT_PER_MINUTE, o.rateClock ?? (() => performance.now())),
  });
  const { teams } = channels;
  const today = () => config.TODAY ?? isoDateOf(clock(), 'Europe/London');
  const health = { draining: false };
  const routes = routeTable(o, { health, today, reports, charts, teams, channels: channels.routes });
  // Redeliveries come within minutes: a week of inbound keys is plenty.
  const pruned = await pruneInbound(db, new Date(clock().getTime() - 7 * 24 * 3600 * 1000));
  if (pruned > 0) log.info({ pruned }, 'old inbound activity keys removed');
  // Registered before the first request: every claim this process makes names a live instance.
  const instance = await startInstance(db, self, wallClock, log);
  const server = await startHttpServer(routes, config.HOST, config.PORT, log);
  const { port } = server.address() as AddressInfo;
  url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  await startChannels({ channels: channels.all, server, charts, instance, url });
  const jobs = await startReminderJobs({
    config,
    db,
    log,
    clock,
    senders: channels.senders,
    summaryChart,
    overrides: o.jobs,
  });
  const parts: Parts = { jobs, channels: channels.all, server, charts, instance, log };
  return {
    url,
    localMode: teams.localMode,
    proactive: teams.proactive,
    jobs,
    close: async (c = {}) => {
      health.draining = true;
      await closeParts(parts, c);
    },
  };
}

interface RouteParts {
  health: { draining: boolean };
  today: () => string;
  reports: ReportLinks;
  charts: Parameters<typeof chartRoutes>[0];
  teams: { localMode: boolean };
  /** Every channel's endpoints. */
  channels: Record<string, Route>;
}

/** Every route the server answers: health, reports, charts, the channels' endpoints and the chat page. */
function routeTable(o: ServerOptions, p: RouteParts): Record<string, Route> {
  const { config, db, clock, log } = o;
  const { health, today, reports, charts, teams } = p;
  return {
    ...healthRoutes(db, committedMigrations(config.DATABASE_URL), log, health),
    'GET /dashboard': dashboardRoute(db, today, teams.localMode),
    'GET /reports/:partnership/:file': reportsRoute({ db, links: reports, clock, today, log }),
    ...chartRoutes(
      charts,
      createRateLimit(config.CHART_RATE_PER_MINUTE, o.rateClock ?? (() => performance.now())),
    ),
    ...p.channels,
    ...(teams.localMode
      ? localRoutes(db, config.TODAY ? { date: config.TODAY, demo: o.todayIsDemo ?? false } : null)
      : { 'GET /': notLocal }),
  };
}

/** The conversation behind every channel, guarded (rate limit, strangers) and given its links. */
function guardedConversation(
  o: ServerOptions,
  links: ChartLinks,
  reports: ReportLinks,
  summaryChart: SummaryChart,
): Conversation {
  const perMinute = o.config.RATE_LIMIT_PER_MINUTE;
  return guardConversation(
    createConversation({
      db: o.db,
      chartUrl: (ref, period, now, partnership) => links.statusUrl(ref, period, now, partnership),
      reports,
      summaryChart,
    }),
    {
      db: o.db,
      log: o.log.child({ component: 'conversation' }),
      perMinute,
      rateLimit: createRateLimit(perMinute, o.rateClock ?? (() => performance.now())),
    },
  );
}

interface Parts {
  jobs: Jobs | null;
  channels: Channel[];
  server: Server;
  charts: { close(): Promise<void> };
  instance: { stop(): Promise<void> };
  log: Logger;
}

/** Starts the channels (Slack's Socket Mode connection...); if one cannot, what was started is stopped. */
async function startChannels(p: Omit<Parts, 'jobs' | 'log'> & { url: string }) {
  try {
    for (const channel of p.channels) await channel.start(p.url);
  } catch (e) {
    p.server.close();
    await p.charts.close();
    await p.instance.stop();
    throw e;
  }
}

/** Stops the jobs, the channels and the server, in that order, then the charts and the instance. */
async function closeParts({ jobs, channels, server, charts, instance, log }: Parts, c: { graceMs?: number }) {
  // Jobs first: in local mode deliveries go through this very server.
  if (c.graceMs === undefined) await jobs?.stop();
  else if (!(await within(c.graceMs, jobs?.stop())))
    log.warn({ graceMs: c.graceMs }, 'deliveries still in flight at shutdown: left for the next start');
  for (const channel of channels) await channel.stop();
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
