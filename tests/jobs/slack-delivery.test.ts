// Delivery to Slack DMs through bolt's WebClient and a fake Slack Web API behind a fault proxy: 500s,
// 429 with Retry-After, timeouts, Slack's internal_error, an unknown user, a crash between sending and
// recording, and Slack's one message a second per channel. A send whose outcome is unknown is looked
// up in the DM's history (by the outbox ids in the message metadata) before it is ever sent again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createSlackSender, createSlackWebClient } from '../../src/channels/slack/outbox-sender.js';
import type { Sender } from '../../src/jobs/senders/sender.js';
import { insertMissing } from '../../src/store/outbox-store.js';
import { startFaultProxy, type FaultProxy } from '../fakes/fault-proxy.js';
import { startFakeSlackDm, type FakeSlackDm } from '../fakes/slack-dm-api.js';
import { minimalPlanWithSlackIds } from '../helpers/plan-text.js';
import { jobsHarness, type Harness, type HarnessOptions } from './jobs-harness.js';

const plan = minimalPlanWithSlackIds;

let slack: FakeSlackDm;
let proxy: FaultProxy;
let h: Harness;
let sender: Sender;

async function setUp(o: Partial<HarnessOptions> = {}, timeoutMs = 2000) {
  slack = await startFakeSlackDm(() => h.now());
  proxy = await startFaultProxy(new URL(slack.apiUrl).origin, (_m, path) =>
    path.endsWith('/chat.postMessage'),
  );
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: `${proxy.url}/api/`,
  });
  const client = createSlackWebClient(config, timeoutMs);
  if (!client) throw new Error('no Slack client');
  sender = createSlackSender(client);
  // Nobody has a Teams conversation: Slack is the way to reach them.
  h = await jobsHarness({
    planText: plan(),
    reachable: [],
    senders: () => ({ teams: null, slack: sender }),
    ...o,
  });
  h.at('2016-04-13T09:00');
  await h.tick();
}

afterEach(async () => {
  await h?.close();
  await proxy?.close();
  await slack?.close();
});

const anas = async () =>
  (await h.outbox()).filter((r) => r.recipient === 'ana-owner' && r.kind === 'reminder');
const later = (ms: number) => h.at(new Date(h.now().getTime() + ms).toISOString());
const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!check()) throw new Error('timed out waiting');
}

describe('delivery to Slack', () => {
  beforeEach(() => setUp());

  it('opens the DM and posts one message carrying the outbox ids as metadata, recording its ts', async () => {
    expect(await h.deliver()).toMatchObject({ sent: 4 });

    expect(slack.messages).toHaveLength(1);
    const [message] = slack.messages;
    const ids = (await anas()).map((r) => r.id).sort((a, b) => a - b);
    expect(message).toMatchObject({
      channel: 'DU0ANA',
      metadata: { event_type: 'perfbot_outbox', event_payload: { outbox_ids: ids.join(','), part: 0 } },
    });
    expect(message?.text).toContain('Reminder: 4 returns to submit');
    expect(JSON.stringify(message?.blocks)).toContain('submit 1.1 2015/16 Q4');
    expect((await anas()).every((r) => r.status === 'sent' && r.providerId === message?.ts)).toBe(true);
  });

  it('after a 500 looks in the DM first: not there, so it is sent again, once', async () => {
    proxy.fail({ status: 500 });

    expect(await h.deliver()).toMatchObject({ unknown: 4, sent: 0 });
    expect((await anas())[0]).toMatchObject({ status: 'unknown', channel: 'slack' });
    later(60_000);
    expect(await h.deliver()).toMatchObject({ sent: 4, reconciled: 0 });

    expect(posts()).toHaveLength(1);
    expect(slack.messages).toHaveLength(1);
    expect(slack.calls.some((c) => c.method === 'conversations.history')).toBe(true);
  });

  it('after internal_error finds the message Slack kept anyway, and does not post it again', async () => {
    slack.failNext('chat.postMessage', { error: 'internal_error', store: true });

    await h.deliver();
    later(60_000);
    expect(await h.deliver()).toMatchObject({ reconciled: 4 });

    expect(slack.messages).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect((await anas())[0]).toMatchObject({ status: 'sent', providerId: slack.messages[0]?.ts });
  });

  it('after a timeout (Slack got the message, the answer was lost) reconciles instead of resending', async () => {
    proxy.fail({ hang: 'after' });

    expect(await h.deliver()).toMatchObject({ unknown: 4 });
    later(60_000);
    expect(await h.deliver()).toMatchObject({ reconciled: 4, sent: 0 });

    expect(slack.messages).toHaveLength(1);
  });

  it('honours 429 Retry-After: nothing before it, then the message', async () => {
    proxy.fail({ status: 429, headers: { 'retry-after': '7' } });

    expect(await h.deliver()).toMatchObject({ retried: 4 });
    expect((await anas())[0]?.notBefore.getTime()).toBe(h.now().getTime() + 7000);
    later(5000);
    expect(await h.deliver()).toMatchObject({ sent: 0 });
    later(3000);
    expect(await h.deliver()).toMatchObject({ sent: 4 });
    expect(slack.messages).toHaveLength(1);
  });

  it('dead-letters a user Slack does not know, and tells the coordinator', async () => {
    slack.unknownUsers.add('U0ANA');

    expect(await h.deliver()).toMatchObject({ failed: 4 });
    expect((await anas())[0]).toMatchObject({ status: 'failed', lastError: 'Slack: user_not_found' });
    await h.deliver();

    expect(slack.messages.map((m) => m.channel)).toEqual(['DU0COLE']);
    expect(slack.messages[0]?.text).toContain('I could not deliver a reminder to Ana Owner');
  });

  it('after a crash between posting and recording, finds the message in the DM and does not post again', async () => {
    h.restart({
      teams: null,
      slack: { ...sender, send: async (...a) => (await sender.send(...a), new Promise(() => {})) },
    });
    void h.deliver();
    await until(() => slack.messages.length === 1);
    expect((await anas())[0]?.status).toBe('sending');

    h.restart({ teams: null, slack: sender });
    later(10 * 60_000);
    await h.deliver();
    later(60_000);
    expect(await h.deliver()).toMatchObject({ reconciled: 4 });

    expect(posts()).toHaveLength(1);
    expect((await anas()).every((r) => r.status === 'sent')).toBe(true);
  });
});

describe("Slack's rate limit", () => {
  it('keeps messages to one DM at least 1.1 s apart, waiting rather than dropping', async () => {
    let clock = 0;
    const sentAt: number[] = [];
    await setUp({ overrides: { monotonic: () => clock, sleep: async (ms) => void (clock += ms) } });
    const send = sender.send;
    h.restart({ teams: null, slack: { ...sender, send: (...a) => (sentAt.push(clock), send(...a)) } });
    const notice = (n: number) => ({
      key: `notice:test:${n}`,
      partnershipId: h.s.partnership.id,
      kind: 'notice' as const,
      recipient: 'ana-owner',
      ref: null,
      period: null,
      stage: null,
      payload: { kind: 'notice' as const, text: `Notice ${n}`, buttons: [] },
    });
    await insertMissing(h.s.db.prisma, [notice(1), notice(2)], h.now());

    await h.deliver();

    expect(slack.messages).toHaveLength(3);
    expect(sentAt).toEqual([0, 1100, 2200]);
  });
});
