// The logs never hold a secret: requests carrying the Slack token and signing secret, bearer tokens,
// Slack's `token` fields and signed link signatures are driven through the real server at the most
// verbose level, with the process's own logger, and the captured lines are searched for every one.
// Each request's lines carry its request id, which the answer echoes.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../../../src/log.js';
import { startFakeConnector, type FakeConnector } from '../../fakes/bot-connector.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import * as payloads from '../../fixtures/slack/payloads.js';
import {
  BOT_TOKEN,
  DAN,
  sendCommand,
  sendEvent,
  sendInteraction,
  SIGNING_SECRET,
  slackEnv,
  startSlackTestServer,
} from '../../channels/slack/slack-client.js';
import { DAN_AAD, fromUser, postActivity, teamsActivity } from '../../channels/teams/teams-client.js';
import type { TestServer } from '../../channels/test-server.js';

const APP_PASSWORD = 'teams-app-password-Zq8~xV3';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJlLXNlY3JldA';
const VERIFICATION_TOKEN = 'slack-verification-token-9d8c7b';
const LINK_SIG = 'Qm9hcmRQYXBlclNpZ25hdHVyZTEyMw';

const lines: string[] = [];
let api: FakeSlackApi;
let connector: FakeConnector;
let t: TestServer;
let log: ReturnType<typeof createLogger>;

beforeAll(async () => {
  api = await startFakeSlackApi();
  connector = await startFakeConnector();
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  log = createLogger('trace', {
    secrets: [BOT_TOKEN, SIGNING_SECRET, APP_PASSWORD, VERIFICATION_TOKEN],
    destination,
  });
  t = await startSlackTestServer(slackEnv(api), log);
});

afterAll(async () => {
  await t?.close();
  await api?.close();
  await connector?.close();
});

describe('secrets in logs', () => {
  it('writes none of them while answering, refusing and failing', async () => {
    const url = t.server.url;
    const bearer = { authorization: `Bearer ${JWT}` };
    await postActivity(
      url,
      teamsActivity('personal-message', connector, { text: 'status of 2.2', ...fromUser(DAN_AAD) }),
      bearer,
    );
    await postActivity(url, { type: 'message', token: VERIFICATION_TOKEN }, bearer);
    await sendEvent(url, { ...payloads.directMessage(DAN, 'status of 2.2'), token: VERIFICATION_TOKEN });
    await sendCommand(url, {
      ...payloads.slashCommand(DAN, 'status 2.2', api.responseUrl('c')),
      token: VERIFICATION_TOKEN,
    });
    await sendEvent(url, payloads.directMessage(DAN, 'status of 2.2'), { secret: 'wrong' });
    api.failNext('chat.postMessage', 'invalid_auth');
    await sendInteraction(url, {
      ...payloads.buttonClick(DAN, { action_id: 'say:0', value: 'help' }, api.responseUrl('b')),
      token: VERIFICATION_TOKEN,
    });
    await fetch(`${url}/reports/stockton/2015-16-Q4.csv?by=priya-sandhu&expires=1&sig=${LINK_SIG}`, {
      headers: bearer,
    });
    await fetch(`${url}/chart/status.png?ref=2.2&period=2015%2F16%20Q4&sig=${LINK_SIG}`);
    await api.quiet(300);
    // What a careless caller might hand the logger itself.
    log.info({ headers: bearer, token: VERIFICATION_TOKEN }, 'request headers');
    log.info({ req: { headers: { authorization: `Bearer ${JWT}` } } }, 'nested request');
    log.info({ url: `${url}/reports/x.csv?by=p&sig=${LINK_SIG}` }, 'a signed link');
    log.error({ err: new Error(`An API error with ${BOT_TOKEN} in it`) }, 'a failure');
    log.warn(
      { config: { MicrosoftAppPassword: APP_PASSWORD, SLACK_SIGNING_SECRET: SIGNING_SECRET } },
      'config',
    );

    const text = lines.join('');
    expect(text).toMatch(/request/);
    for (const secret of [
      BOT_TOKEN,
      'xoxb-',
      SIGNING_SECRET,
      APP_PASSWORD,
      JWT,
      'eyJ',
      VERIFICATION_TOKEN,
      LINK_SIG,
    ])
      expect(text).not.toContain(secret);
  });

  it('tags each request with a request id, echoed in x-request-id (the caller’s, when it is plain)', async () => {
    const given = await fetch(`${t.server.url}/healthz`, { headers: { 'x-request-id': 'probe-42' } });
    expect(given.headers.get('x-request-id')).toBe('probe-42');
    const made = await fetch(`${t.server.url}/healthz`, { headers: { 'x-request-id': 'bad id <script>' } });
    const id = made.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const tagged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reqId === id);
    expect(tagged.map((l) => l.msg)).toContain('request');
  });

  it('tags what the handlers log with the request id too', async () => {
    await sendEvent(t.server.url, payloads.directMessage(DAN, 'status of 2.2'), {
      headers: { 'x-request-id': 'slack-dm-7' },
    });
    await api.quiet(200);
    const tagged = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.reqId === 'slack-dm-7');
    expect(tagged.map((l) => l.msg)).toEqual(expect.arrayContaining(['request', 'slack request']));
  });

  it('scrubs token shapes from any line', () => {
    expect(scrubSecrets('{"m":"xoxp-1-2-3 and xapp-1-A-2 and Bearer abc.def"}')).toBe(
      '{"m":"xo[redacted] and xa[redacted] and Bearer [redacted]"}',
    );
    expect(scrubSecrets('/chart?ref=2.2&sig=abcDEF123')).toBe('/chart?ref=2.2&sig=[redacted]');
  });
});
