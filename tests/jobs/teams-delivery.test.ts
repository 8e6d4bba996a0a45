// Delivery through the real Bot Framework sender to a fake connector behind a fault proxy: 500s, 429
// with Retry-After, timeouts, a removed bot (403), a deleted chat (404 "Conversation not found"), a
// person nobody can reach yet, and a crash between sending and recording. Ana Owner's four 2015/16 Q4
// returns are due on Thursday 14 April 2016; on the 13th she is nudged about all four in one message.
// A notice that cannot reach its person goes to their next address (Slack), else to the coordinators
// with its words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackSender, createSlackWebClient } from '../../src/channels/slack/outbox-sender.js';
import { loadConfig } from '../../src/config.js';
import { findConversationRef } from '../../src/store/conversation-store.js';
import { startFakeConnector, type FakeConnector, type Received } from '../fakes/bot-connector.js';
import { startFaultProxy, type FaultProxy } from '../fakes/fault-proxy.js';
import { startFakeSlackDm, type FakeSlackDm } from '../fakes/slack-dm-api.js';
import { edit, minimalPlanWithSlackIds, minimalPlanYaml } from '../helpers/plan-text.js';
import { connect, jobsHarness, type Harness, type HarnessOptions } from './jobs-harness.js';

const ANA = 'conv-ana-owner';
const COLE = 'conv-cole-coordinator';

let connector: FakeConnector;
let proxy: FaultProxy;
let h: Harness;

async function setUp(onlyTo: string | null, o: Partial<HarnessOptions> = {}) {
  connector = await startFakeConnector();
  proxy = await startFaultProxy(connector.url, (_m, path) => onlyTo === null || path.includes(onlyTo));
  // Longer than the Bot Framework client's own retries (about 5 s for four 500s).
  h = await jobsHarness({
    planText: minimalPlanYaml(),
    serviceUrl: `${proxy.url}/`,
    timeoutMs: 10_000,
    ...o,
  });
}

afterEach(async () => {
  await h?.close();
  await proxy?.close();
  await connector?.close();
});

const rows = async () =>
  (await h.outbox()).filter((r) => r.recipient === 'ana-owner' && r.kind === 'reminder');
const later = (ms: number) => h.at(new Date(h.now().getTime() + ms).toISOString());
const to = (conversation: string) => connector.received.filter((r) => r.conversationId === conversation);
const anasChatActive = async () =>
  (
    await findConversationRef(h.s.db.prisma, {
      platform: 'teams',
      partnershipId: h.s.partnership.id,
      kind: 'person',
      target: 'ana-owner',
    })
  )?.active;

describe('delivery to Teams', () => {
  beforeEach(async () => {
    await setUp(ANA);
    h.at('2016-04-13T09:00');
    await h.tick();
  });

  it('sends the four nudges as one message, and records its activity id', async () => {
    const report = await h.deliver();

    expect(report).toMatchObject({ sent: 4, failed: 0, unknown: 0 });
    expect(to(ANA)).toHaveLength(1);
    expect((await rows()).map((r) => [r.status, r.channel, r.providerId])).toEqual(
      Array(4).fill(['sent', 'teams', 'sent-1']),
    );
  });

  it('rides out 500s: the Bot Framework client retries inside the send, and the message goes once', async () => {
    proxy.fail({ status: 500 }, { status: 500 });

    await h.deliver();

    expect(proxy.seen).toHaveLength(3);
    expect(to(ANA)).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', providerId: 'sent-1' });
  });

  it('honours 429 Retry-After, then goes on', async () => {
    proxy.fail({ status: 429, headers: { 'retry-after': '1' } });
    const started = performance.now();

    await h.deliver();

    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(to(ANA)).toHaveLength(1);
    expect((await rows())[0]?.status).toBe('sent');
  });

  it('backs off when throttling outlasts the client’s retries, and sends later: nothing is dropped', async () => {
    proxy.fail(...Array(10).fill({ status: 429, headers: { 'retry-after': '0' } }));

    const first = await h.deliver();
    proxy.clear();
    expect(first).toMatchObject({ retried: 4, sent: 0 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.notBefore.getTime() - h.now().getTime()).toBe(22_500); // 30 s, jittered to 3/4

    expect(await h.deliver()).toMatchObject({ sent: 0 });
    later(30_000);
    expect(await h.deliver()).toMatchObject({ sent: 4 });
    expect(to(ANA)).toHaveLength(1);
  });

  it('dead-letters a conversation that is gone (403), marks it inactive and tells the coordinator', async () => {
    proxy.fail({ status: 403 });

    expect(await h.deliver()).toMatchObject({ failed: 4 });
    // Tried once; no apology followed it into the conversation (a second 403 was that apology).
    expect(proxy.seen).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: 'failed' });
    expect(await anasChatActive()).toBe(false);

    await h.deliver();
    const notice = to(COLE);
    expect(notice).toHaveLength(1);
    expect(String(notice[0]?.activity.summary)).toMatch(
      /^I could not deliver a reminder to Ana Owner \(1\.1 2015\/16 Q4, 1\.2 2015\/16 Q4, .*403.*I will not try again/,
    );
  });

  it('records a send refused with 400 as failed, not sent, and sends no apology after it', async () => {
    proxy.fail({ status: 400 });

    expect(await h.deliver()).toMatchObject({ failed: 4, sent: 0 });
    expect(proxy.seen).toHaveLength(1);
    expect(to(ANA)).toEqual([]);
    expect((await rows())[0]).toMatchObject({ status: 'failed', providerId: null });
  });

  it('does not resend rows marked sent after a restart', async () => {
    await h.deliver();
    h.restart();
    later(3600_000);
    await h.tick();
    await h.deliver();

    expect(connector.received).toHaveLength(1);
  });
});

describe('a send that times out', () => {
  beforeEach(async () => {
    await setUp(ANA, { timeoutMs: 300 });
    h.at('2016-04-13T09:00');
    await h.tick();
  });

  it('leaves a reminder whose send timed out as unknown, and never sends it again', async () => {
    proxy.fail({ hang: 'after' });

    expect(await h.deliver()).toMatchObject({ unknown: 4, sent: 0 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'unknown', channel: 'teams' });
    expect(row?.lastError).toContain('no answer within 300 ms; not sent again');

    for (const hour of [1, 2, 3]) {
      later(hour * 3600_000);
      await h.tick();
      await h.deliver();
    }
    // The connector did create it: one message, not two.
    expect(to(ANA)).toHaveLength(1);
  });
});

describe('an escalation whose outcome is unknown', () => {
  it('is sent once more: a duplicate to the coordinator is better than a missed escalation', async () => {
    await setUp(COLE, { timeoutMs: 300 });
    h.at('2016-04-21T09:00');
    await h.tick();
    proxy.fail({ hang: 'after' }, { hang: 'after' });

    await h.deliver();
    const [escalation] = (await h.outbox()).filter((r) => r.kind === 'escalation');
    expect(escalation).toMatchObject({ status: 'pending', attempts: 1 });
    expect(escalation?.lastError).toContain('sending once more');
    later(60_000);
    await h.deliver();
    later(3600_000);
    await h.deliver();

    expect(to(COLE)).toHaveLength(2);
    expect((await h.outbox()).find((r) => r.kind === 'escalation')?.lastError).toContain('not sent again');
  });
});

describe('someone nobody can reach yet', () => {
  it('holds their reminders, tells the coordinator once, and delivers when they open a chat', async () => {
    await setUp(null, { reachable: ['cole-coordinator'] });
    h.at('2016-04-13T09:00');
    await h.tick();

    expect(await h.deliver()).toMatchObject({ waiting: 4 });
    later(60_000);
    await h.deliver();
    later(60_000);
    await h.deliver();
    expect((await rows())[0]).toMatchObject({ status: 'pending', waiting: 'no_route' });
    const notices = to(COLE);
    expect(notices).toHaveLength(1);
    expect(String(notices[0]?.activity.summary)).toContain(
      'Reminders for Ana Owner (1.1 2015/16 Q4, 1.2 2015/16 Q4, 1.3 2015/16 Q4, 1.4 2015/16 Q4) are waiting: Ana Owner has not opened a chat with the bot',
    );

    await connect(h.s, 'ana-owner', `${proxy.url}/`, h.now());
    later(60_000);
    await h.deliver();
    expect(to(ANA)).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', waiting: null });
  });
});

describe('a crash between sending and recording', () => {
  it('leaves the row unknown after the restart, and does not send the reminder again', async () => {
    // The first process sends, then stops before recording the outcome.
    await setUp(null, {
      senders: ({ teams }) => ({
        teams: { ...teams, send: async (...args) => (await teams.send(...args), new Promise(() => {})) },
        slack: null,
      }),
    });
    h.at('2016-04-13T09:00');
    await h.tick();
    void h.deliver();
    await connector.waitFor(1);
    expect((await rows())[0]).toMatchObject({ status: 'sending', channel: 'teams' });

    h.restart({ teams: h.teams, slack: null });
    later(10 * 60_000);
    await h.tick();
    const report = await h.deliver();

    expect(report).toMatchObject({ unknown: 4, sent: 0 });
    expect((await rows())[0]).toMatchObject({ status: 'unknown' });
    expect((await rows())[0]?.lastError).toContain('the process stopped between sending and recording');
    expect(connector.received).toHaveLength(1);
  });
});

const SENT_BACK = 'send back 1.1 2015/16 Q4: The figure looks low: please check it against the police log.';
const said = (r: Received | undefined) => String(r?.activity.summary ?? r?.activity.text);
const noticesTo = async (person: string) =>
  (await h.outbox()).filter((r) => r.recipient === person && r.kind === 'notice');

/** Ana submits 1.1 for 2015/16 Q4 and Cole sends it back: a notice for Ana in the outbox. */
async function sentBack(): Promise<void> {
  h.at('2016-04-20T09:00');
  await h.submit('ana-owner', '1.1');
  await h.say('cole-coordinator', SENT_BACK);
  expect((await noticesTo('ana-owner')).map((r) => r.payload)).toMatchObject([
    { kind: 'notice', text: expect.stringContaining('The figure looks low') },
  ]);
}

describe('a chat that no longer exists (404 "Conversation not found")', () => {
  it('gets no apology: one post, refused; the reminders are dead-lettered and the coordinator told', async () => {
    await setUp(null);
    connector.gone.add(ANA);
    h.at('2016-04-13T09:00');
    await h.tick();

    expect(await h.deliver()).toMatchObject({ failed: 4 });
    expect(connector.refused.map((r) => r.conversationId)).toEqual([ANA]);
    expect(said(connector.refused[0])).toMatch(/^Reminder: 4 returns/);
    expect(JSON.stringify(connector.refused)).not.toContain('Something went wrong');
    expect(await anasChatActive()).toBe(false);

    await h.deliver();
    expect(to(COLE).map(said)).toEqual([
      expect.stringMatching(/^I could not deliver a reminder to Ana Owner .*404/),
    ]);
  });
});

describe('a notice whose chat no longer exists', () => {
  it('reaches the coordinator with its words: a sent-back return is not silently lost', async () => {
    await setUp(null);
    await sentBack();
    connector.gone.add(ANA);

    await h.deliver();
    await h.deliver();

    expect(connector.refused.map((r) => r.conversationId)).toEqual([ANA]);
    expect((await noticesTo('ana-owner')).map((r) => r.status)).toEqual(['failed']);
    const told = to(COLE).map(said).at(-1);
    expect(told).toMatch(
      /^I could not deliver a message to Ana Owner \(1\.1 2015\/16 Q4\): The conversation answered 404.* It said: Cole Coordinator sent back 1\.1 /,
    );
    expect(told).toContain('"The figure looks low: please check it against the police log"');
  });

  it('writes no notice about the notice telling a coordinator, when that fails too', async () => {
    // Two coordinators, each told of the other's failures. Their chats are gone by the time they are
    // told of Ana's: those notices fail, and start nothing more.
    const DEE = 'conv-dee-coordinator';
    const plan = edit(
      minimalPlanYaml(),
      '    role: coordinator\n',
      '    role: coordinator\n  - id: dee-coordinator\n    name: Dee Coordinator\n    role: coordinator\n',
    );
    await setUp(null, { planText: plan });
    h.at('2016-04-20T09:00');
    await h.submit('ana-owner', '1.1');
    await h.deliver();
    expect([...to(COLE), ...to(DEE)]).toHaveLength(2);
    for (const c of [ANA, COLE, DEE]) connector.gone.add(c);
    await h.say('cole-coordinator', SENT_BACK);

    for (let i = 0; i < 4; i++) {
      await h.deliver();
      later(60_000);
    }

    const notices = (await h.outbox()).filter((r) => r.kind === 'notice');
    expect(notices.map((r) => [r.key.replace(/:2015\/16 Q4:r1:req-\d+/, ''), r.status]).sort()).toEqual([
      ['notice:decision:1.1:ana-owner', 'failed'],
      [expect.stringMatching(/^notice:failed:ana-owner:\d+:cole-coordinator$/), 'failed'],
      [expect.stringMatching(/^notice:failed:ana-owner:\d+:dee-coordinator$/), 'failed'],
      ['notice:review:1.1:2015/16 Q4:r1:cole-coordinator', 'sent'],
      ['notice:review:1.1:2015/16 Q4:r1:dee-coordinator', 'sent'],
    ]);
    expect(connector.refused.map((r) => r.conversationId).sort()).toEqual([ANA, COLE, DEE]);
  });
});

describe('a notice whose Teams chat no longer exists, for someone with a Slack id', () => {
  let slack: FakeSlackDm;
  afterEach(async () => {
    await slack?.close();
  });

  it('goes to their Slack DM instead, and the coordinator is not troubled', async () => {
    slack = await startFakeSlackDm(() => h.now());
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: `${slack.apiUrl}`,
    });
    const client = createSlackWebClient(config, 2000);
    if (!client) throw new Error('no Slack client');
    await setUp(null, {
      planText: minimalPlanWithSlackIds(),
      senders: ({ teams }) => ({ teams, slack: createSlackSender(client) }),
    });
    await sentBack();
    connector.gone.add(ANA);

    await h.deliver();
    await h.deliver();

    expect(connector.refused.map((r) => r.conversationId)).toEqual([ANA]);
    const dm = slack.messages.filter((m) => m.channel === 'DU0ANA');
    expect(dm).toHaveLength(1);
    expect(dm[0]?.text).toContain('The figure looks low');
    expect((await noticesTo('ana-owner')).map((r) => [r.status, r.channel])).toEqual([['sent', 'slack']]);
    expect(to(COLE).map(said).join('\n')).not.toContain('could not deliver');
  });
});
