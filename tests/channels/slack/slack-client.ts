// Talks to the bot as Slack does: requests to /slack/events signed with the signing secret exactly as
// Slack signs them (`v0:<timestamp>:<raw body>`, HMAC-SHA256), as JSON for events and form-encoded for
// commands and interactions (`payload=<json>`); a fake Web API catches what the bot sends.
import { createHmac } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { importPlanFile } from '../../../src/app/import-plan-file.js';
import { loadConfig } from '../../../src/config.js';
import { startServer } from '../../../src/server/start-server.js';
import { startFakeSlackApi, type FakeSlackApi, type Json } from '../../fakes/slack-api.js';
import { tempDb } from '../../helpers/temp-db.js';
import { FIXED_NOW, type TestServer } from '../test-server.js';

export const SIGNING_SECRET = 'test-signing-secret-8f14e45f';
export const BOT_TOKEN = 'xoxb-test-bot-token';

export const DAN = 'U01ABC7GHJ9';
export const PRIYA = 'U01ABC2DEF3';
export const STRANGER = 'U0STRANGER9';
/** Joanne Lister has no slackId in the plan: she is found by the email Slack holds for her. */
export const JOANNE = 'U0JOANNE001';

export interface SignOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface Answer {
  status: number;
  text: string;
  json: Json | null;
}

export async function postSigned(
  baseUrl: string,
  rawBody: string,
  contentType: string,
  o: SignOptions = {},
): Promise<Answer> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(o.secret ?? SIGNING_SECRET, timestamp, rawBody),
      ...o.headers,
    },
    body: rawBody,
  });
  const text = await res.text();
  const json = /json/.test(res.headers.get('content-type') ?? '') && text ? (JSON.parse(text) as Json) : null;
  return { status: res.status, text, json };
}

export const sendEvent = (baseUrl: string, envelope: Json, o?: SignOptions) =>
  postSigned(baseUrl, JSON.stringify(envelope), 'application/json', o);

export const sendCommand = (baseUrl: string, fields: Record<string, string>, o?: SignOptions) =>
  postSigned(baseUrl, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', o);

export const sendInteraction = (baseUrl: string, payload: Json, o?: SignOptions) =>
  postSigned(
    baseUrl,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    o,
  );

/** Every object in a value, depth first. */
export function nodesOf(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(nodesOf);
  if (!value || typeof value !== 'object') return [];
  return [value as Json, ...Object.values(value).flatMap(nodesOf)];
}

/** The buttons in blocks, by action_id prefix. */
export function buttons(blocks: unknown, actionId: string): { action_id: string; value: string }[] {
  return nodesOf(blocks)
    .filter((n) => n.type === 'button' && String(n.action_id).startsWith(actionId))
    .map((n) => ({ action_id: String(n.action_id), value: String(n.value) }));
}

/** The DM channel the fake Slack API opens for a user (`D0…` for `U0…`). */
export const dmChannelOf = (user: string): string => `D0${user.slice(1)}`;

/** Messages the bot posted in one channel: other people's notices (the approver's) go elsewhere. */
export const postsIn = (api: FakeSlackApi, channel: string) =>
  api.ok('chat.postMessage').filter((c) => c.args.channel === channel);

export interface SlackHarness {
  t: TestServer;
  api: FakeSlackApi;
  url: string;
}

export const slackEnv = (api: FakeSlackApi): Record<string, string> => ({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: api.apiUrl,
});

/**
 * The real server as test-server.ts starts it (example plan, conversation clock at 2016-05-02), with
 * Slack on. Slack signs with real time, so signatures are checked against the real clock.
 */
export async function startSlackTestServer(
  env: Record<string, string>,
  log: Logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
): Promise<TestServer> {
  const db = await tempDb();
  const imported = await importPlanFile(db.prisma, 'examples/stockton-2015-16.yaml', {
    dryRun: false,
    now: FIXED_NOW,
  });
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  const server = await startServer({
    config: { ...loadConfig({ HOST: '127.0.0.1', ...env }), PORT: 0 },
    db: db.prisma,
    clock: () => FIXED_NOW,
    wallClock: () => new Date(),
    log,
  });
  return {
    server,
    db,
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}

/** Starts the fake Web API and the server for the file's tests; forgets the calls after each test. */
export function useSlackHarness(env: Record<string, string> = {}): SlackHarness {
  const h = {} as SlackHarness;
  beforeAll(async () => {
    h.api = await startFakeSlackApi();
    h.t = await startSlackTestServer({ ...slackEnv(h.api), ...env });
    h.url = h.t.server.url;
  });
  afterAll(async () => {
    await h.t?.close();
    await h.api?.close();
  });
  afterEach(async () => {
    await h.api.quiet();
    h.api.reset();
  });
  return h;
}
