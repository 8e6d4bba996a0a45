// The weekly summary in Slack: chat.postMessage to the plan's summary.slackChannel (a fake Slack Web
// API), its chart dropped if Slack cannot fetch it, a channel the bot is not in dead-lettered with the
// coordinator told, and no channel at all held until the plan names one.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createSlackSender, createSlackWebClient } from '../../src/channels/slack/outbox-sender.js';
import { startFakeSlackDm, type FakeSlackDm } from '../fakes/slack-dm-api.js';
import { planWithSummary, summaryHarness, type SummaryHarness } from './summary-jobs-harness.js';

let slack: FakeSlackDm;
let h: SummaryHarness;

async function setUp(summary: Record<string, unknown>): Promise<void> {
  slack = await startFakeSlackDm(() => h.now());
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: slack.apiUrl,
  });
  const client = createSlackWebClient(config, 2000);
  if (!client) throw new Error('no Slack client');
  const sender = createSlackSender(client);
  h = await summaryHarness({
    planText: await planWithSummary(summary),
    reachable: [],
    senders: () => ({ teams: null, slack: sender }),
  });
  h.at('2016-04-11T09:00');
  await h.summaries();
}

afterEach(async () => {
  await h?.close();
  await slack?.close();
});

const channelPosts = () =>
  slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0PARTNERS');
const blockTypes = (call: { args: Record<string, unknown> }) =>
  (call.args.blocks as { type: string }[]).map((b) => b.type);
const summaryRow = async () => (await h.outbox()).find((r) => r.kind === 'summary');

describe('the weekly summary in Slack', () => {
  it("posts to the plan's channel with its chart, and records the message's ts", async () => {
    await setUp({ slackChannel: 'C0PARTNERS' });
    expect(await h.deliver()).toMatchObject({ sent: 1 });

    expect(channelPosts()).toHaveLength(1);
    expect(String(channelPosts()[0]?.args.text)).toMatch(/^Weekly summary: Safer Stockton Partnership/);
    expect(blockTypes(channelPosts()[0]!)).toContain('image');
    expect(slack.calls.some((c) => c.method === 'conversations.open')).toBe(false);
    expect(await summaryRow()).toMatchObject({ status: 'sent', channel: 'slack' });
  });

  it('posts it again without the chart when Slack cannot fetch the image', async () => {
    await setUp({ slackChannel: 'C0PARTNERS' });
    slack.failNext('chat.postMessage', { error: 'invalid_blocks' });
    expect(await h.deliver()).toMatchObject({ sent: 1 });

    expect(
      channelPosts()
        .map(blockTypes)
        .map((t) => t.includes('image')),
    ).toEqual([true, false]);
    expect(slack.messages).toHaveLength(1);
  });

  it('gives up on a channel the bot is not in, and tells the coordinator why', async () => {
    await setUp({ slackChannel: 'C0PARTNERS' });
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    expect(await h.deliver()).toMatchObject({ failed: 1 });

    expect(await summaryRow()).toMatchObject({ status: 'failed', lastError: 'Slack: not_in_channel' });
    const notice = (await h.outbox()).find((r) => r.kind === 'notice');
    expect(notice?.recipient).toBe('priya-sandhu');
    expect(notice?.payload.kind === 'notice' && notice.payload.text).toBe(
      'I could not post the weekly summary to the partnership channel: Slack: not_in_channel. I will not try again: please check the bot is in the channel, then say "post summary".',
    );
  });

  it('holds it while the plan names no channel, saying what to set', async () => {
    await setUp({});
    expect(await h.deliver()).toMatchObject({ sent: 0, waiting: 1 });

    const notice = (await h.outbox()).find((r) => r.kind === 'notice');
    expect(notice?.payload.kind === 'notice' && notice.payload.text).toContain(
      'set summary.slackChannel in the plan and invite the bot to that Slack channel',
    );
  });
});
