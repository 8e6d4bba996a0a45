// Where replies go: a channel or DM (in a thread when asked), the person's own DM with the bot, or a
// slash command's or button's response_url (ephemeral, seen only by the person). Each message is posted
// as rendered: fallback text and blocks, with no `link_names` or `parse`, so nothing typed can ping.
import type { RespondFn } from '@slack/bolt';
import type { Reply } from '../../bot/reply.js';
import type { Logger } from '../../log.js';
import { renderMessages, type SlackMessage } from '../../render/block-kit/index.js';
import { withImageFallback, type ChartFile } from './image-fallback.js';
import type { SlackClient } from './slack-deps.js';

export interface ReplyTarget {
  post(message: SlackMessage): Promise<void>;
  /** Uploads a chart image to the same place (channel targets only): see withChartUploads. */
  upload?(file: ChartFile): Promise<void>;
}

export async function sendReplies(target: ReplyTarget, replies: Reply[]): Promise<void> {
  for (const reply of replies) for (const message of renderMessages(reply)) await target.post(message);
}

export function channelTarget(
  client: SlackClient,
  log: Logger,
  channel: string,
  threadTs?: string,
): ReplyTarget {
  const send = async (m: SlackMessage) => {
    await client.chat.postMessage({
      channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: m.text,
      blocks: m.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  };
  return {
    post: (m) => withImageFallback(send, m, log),
    upload: async (f) => {
      const file = { file: f.png, filename: 'chart.png', title: f.title, alt_text: f.alt };
      await client.filesUploadV2(
        threadTs ? { ...file, channel_id: channel, thread_ts: threadTs } : { ...file, channel_id: channel },
      );
    },
  };
}

/** The person's DM with the bot, opened on the first post (scope im:write). */
export function dmTarget(client: SlackClient, log: Logger, userId: string): ReplyTarget {
  let channel: Promise<string> | null = null;
  const open = () =>
    (channel ??= client.conversations.open({ users: userId }).then((r) => {
      if (!r.channel?.id) throw new Error('conversations.open returned no channel');
      return r.channel.id;
    }));
  return {
    post: async (m) => channelTarget(client, log, await open()).post(m),
    upload: async (f) => channelTarget(client, log, await open()).upload?.(f),
  };
}

export function respondTarget(respond: RespondFn, log: Logger): ReplyTarget {
  const send = async (m: SlackMessage) => {
    await respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
  };
  return { post: (m) => withImageFallback(send, m, log) };
}
