// Every environment variable the bot reads, parsed once. A bad value stops start-up with a message
// that names the variable and says how to fix it.
import cron from 'node-cron';
import { z } from 'zod';

const ConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .default('file:./data/bot.db')
    .refine(
      (v) => /^(file:|postgres(ql)?:\/\/)/.test(v),
      'use a SQLite file URL such as file:./data/bot.db, or postgresql://user:password@host:5432/database',
    ),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PLAN_FILE: z.string().default('examples/stockton-2015-16.yaml'),
  PUBLIC_BASE_URL: z.string().url().optional(),
  // Charts (src/charts). Drawn by our own /chart endpoint unless QUICKCHART_URL names an outside
  // QuickChart service (the figures then leave the server).
  QUICKCHART_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), 'use an http(s) address, e.g. https://quickchart.io')
    .optional(),
  /** url: chat clients fetch chart images from us; upload: the bot uploads them; auto: upload unless reachable. */
  CHART_DELIVERY: z.enum(['auto', 'url', 'upload']).default('auto'),
  /** Signs chart image links; unset, a random key is made on first start and kept in the database. */
  CHART_SIGNING_KEY: z
    .string()
    .min(32, 'use at least 32 random characters, e.g. from "openssl rand -hex 32"')
    .optional(),
  /** Days a chart link draws: chat clients fetch a card's image again whenever an old message is shown. */
  CHART_LINK_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
    .optional(),
  // Teams (Bot Framework). With no MicrosoftAppId the bot runs in local mode: no authentication,
  // allowed only on a loopback HOST.
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  /** Microsoft Entra tenant ids whose Teams users may talk to the bot; empty means any tenant. */
  ALLOWED_TENANTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== ''),
    ),
  // Slack. With no SLACK_BOT_TOKEN Slack is off; with SLACK_APP_TOKEN it connects by Socket Mode.
  SLACK_BOT_TOKEN: z
    .string()
    .startsWith('xoxb-', 'use the Bot User OAuth Token, which starts xoxb-')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z
    .string()
    .startsWith('xapp-', 'use an app-level token (starts xapp-) with the connections:write scope')
    .optional(),
  /** The Web API's base URL: for tests, or operators behind a proxy. */
  SLACK_API_URL: z
    .string()
    .url()
    .refine((v) => v.endsWith('/'), 'end it with "/", e.g. https://slack.com/api/')
    .optional(),
  // Reminders (src/jobs): the scheduler's ticks and the outbox delivery loop.
  REMINDERS: z.enum(['on', 'off']).default('on'),
  REMINDERS_CRON: z
    .string()
    .default('*/5 * * * *')
    .refine((v) => cron.validate(v), 'use a cron expression, e.g. "*/5 * * * *" (every five minutes)'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** A send with no answer by then has an unknown outcome (it is not sent again blindly). */
  SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  // The board dashboard's download links (/reports/…): the secret that signs them (default: a random one
  // kept in the database) and how long a link works.
  REPORTS_SIGNING_KEY: z
    .string()
    .min(32, 'use at least 32 random characters, e.g. from "openssl rand -hex 32"')
    .optional(),
  REPORTS_LINK_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  // Email, for owners outside Teams and Slack (police, probation, NHS, charities): reminders and notices by
  // SMTP, each with a signed link to the web return form. SMTP_URL carries the server, port and login,
  // e.g. smtp://user:pass@smtp.example.org:587 (STARTTLS when the server offers it) or smtps://… (TLS).
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'use smtp://user:password@host:587 or smtps://user:password@host:465')
    .optional(),
  /** The sender of the emails, e.g. "Safer Stockton Partnership <performance@stockton.gov.uk>". */
  SMTP_FROM: z.string().min(3).default('perfbot <perfbot@localhost>'),
  /** Refuse an SMTP server whose TLS certificate cannot be verified (off only for a test server). */
  SMTP_TLS_VERIFY: z.enum(['on', 'off']).default('on'),
  /** How many days a return form link works (it also stops when the return is approved or the link revoked). */
  RETURN_LINK_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Chat requests a person may make in a minute (a burst of that many, then one every 60/N s); 0: no limit. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(30),
  /** Anonymous /chart drawings one client address may ask for a minute (0: no limit); signed links are free. */
  CHART_RATE_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(60),
  /** How long a stopping server waits for requests and deliveries in flight before it closes anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (parsed.success) {
    const problem = teamsProblem(parsed.data) ?? slackProblem(parsed.data);
    if (problem) throw new ConfigError(problem);
    return parsed.data;
  }
  const first = parsed.error.issues[0];
  const name = String(first?.path[0] ?? 'environment');
  throw new ConfigError(`${name} is not valid: ${first?.message ?? 'check .env.example'} (see .env.example)`);
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/** The Microsoft credentials must be complete, and local mode (none) is only for a loopback HOST. */
function teamsProblem(c: Config): string | null {
  if (!c.MicrosoftAppId) {
    // Without credentials Teams runs only as the local chat on loopback; a Slack-only server may listen
    // on the network with Teams switched off.
    return isLoopback(c.HOST) || c.SLACK_BOT_TOKEN
      ? null
      : `MicrosoftAppId is not set and HOST is ${c.HOST}: set MicrosoftAppId/MicrosoftAppPassword to serve Teams (or the SLACK_ variables to serve only Slack), or HOST=127.0.0.1 to run in local mode (no authentication)`;
  }
  if (c.MicrosoftAppType !== 'UserAssignedMSI' && !c.MicrosoftAppPassword) {
    return "MicrosoftAppPassword is missing: set it to the bot's client secret, or unset MicrosoftAppId to run in local mode";
  }
  if (c.MicrosoftAppType !== 'MultiTenant' && !c.MicrosoftAppTenantId) {
    return `MicrosoftAppTenantId is missing: a ${c.MicrosoftAppType} bot needs its tenant id`;
  }
  return null;
}

/** A bot token needs the signing secret to check requests over HTTP; Socket Mode needs the bot token. */
function slackProblem(c: Config): string | null {
  if (c.SLACK_APP_TOKEN && !c.SLACK_BOT_TOKEN) {
    return 'SLACK_BOT_TOKEN is missing: set it (Socket Mode needs both tokens), or unset SLACK_APP_TOKEN to run without Slack';
  }
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    return 'SLACK_SIGNING_SECRET is missing: set it, or unset SLACK_BOT_TOKEN to run without Slack';
  }
  return null;
}
