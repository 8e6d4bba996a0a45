// What every channel gets from the guarded conversation: a person over the rate limit is told when to
// try again, an over-long message is refused with the limit, and a return stored while its confirmation
// could not be delivered (the platform failed) is told the next time, or sent by the delivery loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../fakes/bot-connector.js';
import { startFaultProxy, type FaultProxy } from '../fakes/fault-proxy.js';
import { startFakeSlackApi, type FakeSlackApi, type Json } from '../fakes/slack-api.js';
import * as payloads from '../fixtures/slack/payloads.js';
import {
  DAN,
  sendEvent,
  sendInteraction,
  slackEnv,
  startSlackTestServer,
} from '../channels/slack/slack-client.js';
import {
  actionData,
  cardOf,
  DAN_AAD,
  fromUser,
  postActivity,
  teamsActivity,
} from '../channels/teams/teams-client.js';
import { startTestServer, type TestServer } from '../channels/test-server.js';

describe('the rate limit and the message length, on Teams', () => {
  let t: TestServer;
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
    t = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3', REMINDERS: 'off' });
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
  });
  const say = async (text: string) => {
    const from = connector.received.length;
    await postActivity(
      t.server.url,
      teamsActivity('personal-message', connector, { text, ...fromUser(DAN_AAD) }),
    );
    await connector.waitFor(from + 1);
    return JSON.stringify(connector.received.slice(from).map((r) => r.activity));
  };

  it('refuses a message over 2,000 characters with the limit', async () => {
    expect(await say('x'.repeat(2500))).toMatch(
      /That message is 2500 characters long: I read messages of up to 2000/,
    );
  });

  it('answers three requests a minute, then says when to try again', async () => {
    expect(await say('help')).not.toMatch(/try again in/);
    expect(await say('help')).not.toMatch(/try again in/);
    expect(await say('status of 2.2')).toMatch(
      /more than 3 requests in a minute, so I did not act on that one. Please try again in 20 seconds/,
    );
  });
});

describe('a confirmation Slack could not deliver', () => {
  let t: TestServer;
  let api: FakeSlackApi;
  beforeAll(async () => {
    api = await startFakeSlackApi();
    // The delivery loop runs once at start, then only when the test asks.
    t = await startSlackTestServer({
      ...slackEnv(api),
      OUTBOX_POLL_MS: '600000',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    await api.quiet(300);
  });
  afterAll(async () => {
    await t?.close();
    await api?.close();
  });

  async function submitWithFailingDm(period: string, figure: string): Promise<void> {
    api.reset();
    const click = payloads.buttonClick(DAN, { action_id: 'open_return', value: `submit 2.2 ${period}` }, '');
    await sendInteraction(t.server.url, click);
    await api.waitFor(() => api.ok('views.open').length === 1, 'the modal');
    const view = api.ok('views.open')[0]?.args.view as Json;
    api.failNext('chat.postMessage', 'internal_error');
    const answers = {
      'figure.value': figure,
      narrative: 'Night-time economy.',
      correctiveAction: 'Patrols.',
    };
    const res = await sendInteraction(t.server.url, payloads.viewSubmission(DAN, view, answers));
    expect(res.json).toMatchObject({ response_action: 'clear' });
    await api.quiet(300);
    expect(api.calls.filter((c) => c.method === 'chat.postMessage' && c.answer.ok === false)).toHaveLength(1);
  }

  const notices = () =>
    t.db.prisma.outboxMessage.findMany({
      where: { key: { startsWith: 'notice:undelivered:' } },
      orderBy: { id: 'asc' },
    });

  it('keeps the return stored and tells Dan the next time he writes, once', async () => {
    await submitWithFailingDm('2015/16 Q4', '489');
    const stored = await t.db.prisma.return.findMany({
      where: { period: '2015/16 Q4', submittedBy: 'dan-mercer' },
    });
    expect(stored.map((r) => r.revision)).toContain(2);
    expect((await notices()).map((n) => n.status)).toEqual(['pending']);

    api.reset();
    await sendEvent(t.server.url, payloads.directMessage(DAN, 'help'));
    await api.waitFor(() => api.ok('chat.postMessage').length > 0, 'the answer');
    await api.quiet(200);
    const said = JSON.stringify(api.ok('chat.postMessage').map((c) => c.args));
    expect(said).toContain(
      'Your return for 2.2 2015/16 Q4 was stored as revision 2 (the confirmation could not be delivered).',
    );
    expect((await notices()).map((n) => n.status)).toEqual(['sent']);

    api.reset();
    await sendEvent(t.server.url, payloads.directMessage(DAN, 'help'));
    await api.waitFor(() => api.ok('chat.postMessage').length > 0, 'the answer');
    expect(JSON.stringify(api.ok('chat.postMessage').map((c) => c.args))).not.toContain(
      'could not be delivered',
    );
  });

  it('or has the delivery loop send it first, and then does not repeat it', async () => {
    await submitWithFailingDm('2015/16 Q3', '420');
    await t.server.jobs?.deliver();
    const [, second] = await notices();
    expect(second?.status).toBe('sent');
    expect(second?.payload).toContain('Your return for 2.2 2015/16 Q3 was stored as revision');
    api.reset();
    await sendEvent(t.server.url, payloads.directMessage(DAN, 'help'));
    await api.waitFor(() => api.ok('chat.postMessage').length > 0, 'the answer');
    expect(JSON.stringify(api.ok('chat.postMessage').map((c) => c.args))).not.toContain(
      'could not be delivered',
    );
  });
});

describe('a confirmation the Bot Framework connector could not deliver (HTTP 500)', () => {
  let t: TestServer;
  let connector: FakeConnector;
  let proxy: FaultProxy;
  beforeAll(async () => {
    connector = await startFakeConnector();
    proxy = await startFaultProxy(connector.url, (method) => method === 'POST');
    t = await startTestServer({ REMINDERS: 'off', RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await connector?.close();
  });
  const activity = (changes: Json) =>
    teamsActivity('personal-message', connector, { serviceUrl: proxy.url, ...fromUser(DAN_AAD), ...changes });

  it('keeps the return stored and tells Dan with his next message', async () => {
    await postActivity(t.server.url, activity({ text: 'submit 2.2' }));
    const form = cardOf((await connector.waitFor(1))[0]?.activity ?? {});
    if (!form) throw new Error('no card');
    const data = actionData(form, 'submitReturn');
    // The connector client tries four times: every try fails (the apology after it goes through).
    const fault = { status: 500, body: '{"error":{"code":"ServiceError"}}' };
    proxy.fail(...Array.from({ length: 4 }, () => fault));
    // The Action.Submit fallback: a message whose value is the card's data.
    const before = connector.received.length;
    await postActivity(
      t.server.url,
      activity({
        text: undefined,
        value: {
          ...data,
          verb: 'submitReturn',
          'figure.value': '489',
          narrative: 'Night-time economy.',
          correctiveAction: 'Patrols.',
        },
      }),
    );
    proxy.clear();
    // The apology says the return is safe: nothing asks Dan to submit again.
    const apology = JSON.stringify(connector.received.slice(before));
    expect(apology).toContain(
      'Your return for 2.2 2015/16 Q4 was stored as revision 2 (the confirmation could not be delivered).',
    );
    expect(apology).not.toMatch(/Something went wrong|try again/);
    const m = await t.db.prisma.measure.findFirstOrThrow({ where: { ref: '2.2' } });
    const stored = await t.db.prisma.return.findMany({ where: { measureId: m.id, period: '2015/16 Q4' } });
    expect(stored.map((r) => r.revision)).toEqual([1, 2]);

    const from = connector.received.length;
    await postActivity(t.server.url, activity({ text: 'help' }));
    await connector.waitFor(from + 2);
    expect(JSON.stringify(connector.received.slice(from).map((r) => r.activity))).toContain(
      'Your return for 2.2 2015/16 Q4 was stored as revision 2 (the confirmation could not be delivered).',
    );
  });
});
