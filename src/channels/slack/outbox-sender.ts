// Sends outbox messages to people's Slack DMs (conversations.open, then chat.postMessage with the outbox
// ids as message metadata) or, for summaries, to the plan's Slack channel, and reconciles a message
// whose outcome was unknown by reading the DM's history for those ids. It talks to bolt's WebClient
// directly, created here with SLACK_API_URL, so the delivery loop needs no bolt App.
import { webApi } from '@slack/bolt';
import type { Reply } from '../../bot/reply.js';
import type { Config } from '../../config.js';
import { renderMessages, type SlackMessage } from '../../render/block-kit/index.js';
import { slackResult } from './send-errors.js';
import {
  reachBy,
  type Address,
  type Reconciled,
  type SendMeta,
  type SendResult,
  type Sender,
} from '../../jobs/senders/sender.js';
import { PARTNERSHIP_CHANNEL } from '../../domain/summary-payload.js';

const EVENT_TYPE = 'perfbot_outbox';

/** A client that neither retries nor waits out a rate limit: the outbox decides both. */
export function createSlackWebClient(config: Config, timeoutMs: number): webApi.WebClient | null {
  if (!config.SLACK_BOT_TOKEN) return null;
  return new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
    logLevel: webApi.LogLevel.ERROR,
  });
}

type Opened = { ok: true; channel: string } | { ok: false; result: SendResult };

async function openDm(client: webApi.WebClient, to: Address): Promise<Opened> {
  if (!to.slackId) return { ok: false, result: { kind: 'noRoute', error: 'no Slack id in the plan' } };
  try {
    const opened = await client.conversations.open({ users: to.slackId });
    const channel = opened.channel?.id;
    return channel
      ? { ok: true, channel }
      : {
          ok: false,
          result: { kind: 'retry', error: 'conversations.open gave no channel', retryAfterMs: null },
        };
  } catch (e) {
    return { ok: false, result: slackResult(e, false) };
  }
}

const idsText = (meta: SendMeta) => meta.outboxIds.join(',');

/** Slack refuses a whole message whose image it cannot download: a summary's chart is not worth that. */
function imageRefused(e: unknown, m: SlackMessage): boolean {
  const code = (e as { data?: { error?: unknown } } | null)?.data?.error;
  return code === 'invalid_blocks' && m.blocks.some((b) => b.type === 'image');
}

async function post(
  client: webApi.WebClient,
  channel: string,
  reply: Reply,
  meta: SendMeta,
): Promise<SendResult> {
  let first: string | null = null;
  for (const [part, m] of renderMessages(reply).entries()) {
    const postOne = (message: SlackMessage) =>
      client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: EVENT_TYPE, event_payload: { outbox_ids: idsText(meta), part } },
      });
    try {
      const sent = await postOne(m).catch((e: unknown) => {
        // Refused, so nothing was posted: once more without the image.
        if (!imageRefused(e, m)) throw e;
        return postOne({ ...m, blocks: m.blocks.filter((b) => b.type !== 'image') });
      });
      first ??= sent.ts ?? null;
    } catch (e) {
      // A later part failing after the first went out: the message was delivered, if incomplete.
      if (first !== null) return { kind: 'sent', providerId: first };
      return slackResult(e, true);
    }
  }
  return { kind: 'sent', providerId: first };
}

async function findInHistory(
  client: webApi.WebClient,
  to: Address,
  meta: SendMeta,
  since: Date,
): Promise<Reconciled> {
  const opened = await openDm(client, to);
  if (!opened.ok) return { kind: 'unknown', error: 'the DM could not be opened to check' };
  try {
    const history = await client.conversations.history({
      channel: opened.channel,
      oldest: String(Math.floor(since.getTime() / 1000) - 60),
      include_all_metadata: true,
      limit: 200,
    });
    const carries = (ids: unknown) =>
      String(ids ?? '')
        .split(',')
        .some((id) => meta.outboxIds.includes(Number(id)));
    const found = (history.messages ?? []).find((m) => {
      const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
      return m.metadata?.event_type === EVENT_TYPE && carries(payload?.outbox_ids);
    });
    return found ? { kind: 'found', providerId: found.ts ?? null } : { kind: 'absent' };
  } catch (e) {
    return { kind: 'unknown', error: e instanceof Error ? e.message : String(e) };
  }
}

export function createSlackSender(client: webApi.WebClient): Sender {
  return {
    channel: 'slack',
    // chat.postMessage: about one message a second per channel.
    perConversationMs: 1100,
    reach: async (_db, partnershipId, person) =>
      person.slackId ? reachBy('slack', partnershipId, person, person.slackId) : null,
    reachChannel: async (_db, p) => {
      const { slackChannel } = p.settings.summary;
      if (!slackChannel) return null;
      const address = {
        partnershipId: p.id,
        person: PARTNERSHIP_CHANNEL,
        slackId: null,
        channel: slackChannel,
      };
      return { channel: 'slack', address, conversation: `slack:${slackChannel}` };
    },
    missing: (person) => (person.slackId ? null : 'has no slackId in the plan'),
    channelHint: 'set summary.slackChannel in the plan and invite the bot to that Slack channel',
    send: async (to, reply, meta) => {
      // A channel (summaries): the bot must be a member; not_in_channel is a dead letter the coordinator hears of.
      if (to.channel) return post(client, to.channel, reply, meta);
      const opened = await openDm(client, to);
      return opened.ok ? post(client, opened.channel, reply, meta) : opened.result;
    },
    reconcile: (to, meta, since) => findInHistory(client, to, meta, since),
  };
}
