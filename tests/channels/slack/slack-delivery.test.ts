// How Slack's requests are received: only correctly signed and timely requests are answered, Slack's
// URL check is answered, and an event Slack delivers twice is handled once.
import { describe, expect, it } from 'vitest';
import * as payloads from '../../fixtures/slack/payloads.js';
import {
  DAN,
  postSigned,
  sendCommand,
  sendEvent,
  sendInteraction,
  SIGNING_SECRET,
  slackEnv,
  slackSignature,
  startSlackTestServer,
  useSlackHarness,
} from './slack-client.js';
import { startFakeSlackApi } from '../../fakes/slack-api.js';

const h = useSlackHarness();

const posted = () => h.api.ok('chat.postMessage');
const settle = () => new Promise((r) => setTimeout(r, 300));
const now = () => Math.floor(Date.now() / 1000);

describe('Slack request signatures', () => {
  it('refuses a request signed with another secret (401), calling no Web API', async () => {
    const res = await sendEvent(h.url, payloads.directMessage(DAN, 'status of 2.2'), {
      secret: 'not-the-secret',
    });
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
    await settle();
    expect(h.api.calls).toEqual([]);
  });

  it('refuses a body changed after signing', async () => {
    const body = JSON.stringify(payloads.directMessage(DAN, 'status of 2.2'));
    const timestamp = now();
    const res = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
      },
      body: body.replace('status of 2.2', 'status of 2.1'),
    });
    expect(res.status).toBe(401);
    await settle();
    expect(h.api.calls).toEqual([]);
  });

  it('refuses a request without a signature', async () => {
    const res = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payloads.directMessage(DAN, 'help')),
    });
    expect(res.status).toBe(401);
  });

  it('refuses a correctly signed request from ten minutes ago, and one from ten minutes ahead', async () => {
    const event = payloads.directMessage(DAN, 'status of 2.2');
    expect((await sendEvent(h.url, event, { timestamp: now() - 600 })).status).toBe(401);
    expect((await sendEvent(h.url, event, { timestamp: now() + 600 })).status).toBe(401);
    const fields = payloads.slashCommand(DAN, 'status 2.2', h.api.responseUrl('x'));
    expect((await sendCommand(h.url, fields, { timestamp: now() + 600 })).status).toBe(401);
    await settle();
    expect(h.api.calls).toEqual([]);
    expect(h.api.responded).toEqual([]);
  });

  it("accepts a request within Slack's five minutes", async () => {
    const res = await sendEvent(h.url, payloads.directMessage(DAN, 'help'), { timestamp: now() - 120 });
    expect(res.status).toBe(200);
    await h.api.waitFor(() => posted().length === 1, 'the answer');
  });

  it("answers Slack's URL verification with the challenge", async () => {
    const res = await postSigned(
      h.url,
      JSON.stringify({ token: 'x', challenge: 'c-3po', type: 'url_verification' }),
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'c-3po' });
  });
});

describe('Slack redeliveries', () => {
  it('handles an event delivered again (X-Slack-Retry-Num) once, keeping the key in the database', async () => {
    const event = payloads.directMessage(DAN, 'status of 2.2');
    expect((await sendEvent(h.url, event)).status).toBe(200);
    await h.api.waitFor(() => posted().length === 1, 'the answer');
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    expect((await sendEvent(h.url, event, { headers: retry })).status).toBe(200);
    await settle();
    expect(posted()).toHaveLength(1);
    const key = { contains: String(event.event_id) };
    expect(await h.t.db.prisma.inboundActivity.count({ where: { key } })).toBe(1);
  });

  it('processes a retry of an event whose first handling failed', async () => {
    h.api.failNext('chat.postMessage', 'internal_error');
    const event = payloads.directMessage(DAN, 'help');
    await sendEvent(h.url, event);
    await h.api.waitFor(() => h.api.calls.some((c) => c.method === 'chat.postMessage'), 'the failed post');
    await settle();
    expect(posted()).toHaveLength(0);
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' };
    await sendEvent(h.url, event, { headers: retry });
    await h.api.waitFor(() => posted().length === 1, 'the retried answer');
    expect(String(posted()[0]?.args.text)).toMatch(/Here is what I can do/);
  });

  it('answers the same button pressed twice each time (a click is a new request)', async () => {
    const click = (n: string) =>
      payloads.buttonClick(DAN, { action_id: 'say:0', value: 'help' }, h.api.responseUrl(n));
    await sendInteraction(h.url, click('1'));
    await sendInteraction(h.url, click('2'));
    await h.api.waitFor(() => posted().length === 2, 'two answers');
  });
});

describe('Slack authorisation', () => {
  it('asks Slack who the bot is again after a failed check, rather than failing for good', async () => {
    const api = await startFakeSlackApi();
    api.failNext('auth.test', 'internal_error');
    const t = await startSlackTestServer(slackEnv(api));
    try {
      expect((await sendEvent(t.server.url, payloads.directMessage(DAN, 'help'))).status).toBe(200);
      await settle();
      expect(api.ok('chat.postMessage')).toEqual([]);
      await sendEvent(t.server.url, payloads.directMessage(DAN, 'help'));
      await api.waitFor(() => api.ok('chat.postMessage').length === 1, 'the answer');
      expect(api.calls.filter((c) => c.method === 'auth.test')).toHaveLength(2);
    } finally {
      await t.close();
      await api.close();
    }
  });
});
