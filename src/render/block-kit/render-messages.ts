// Block Kit for any reply, as one or more Slack messages of at most 50 blocks, each with the
// fallback `text` Slack shows in notifications and where blocks cannot be drawn.
import type { KnownBlock } from '@slack/types';
import type { Reply } from '../../bot/reply.js';
import { replyText } from '../reply-text.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { listBlocks } from './list-blocks.js';
import { paginate, type BlockGroup } from './paginate.js';
import { returnFormMessageBlocks } from './return-form-message.js';
import { returnStoredBlocks } from './return-stored-blocks.js';
import { reviewBlocks } from './review-blocks.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { statusBlocks } from './status-blocks.js';
import { textBlocks } from './text-blocks.js';
import { truncate } from './truncate.js';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

function blockGroups(reply: Reply): BlockGroup[] {
  switch (reply.kind) {
    case 'text':
      return textBlocks(reply.text, reply.buttons, reply.links);
    case 'status':
      return statusBlocks(reply.view);
    case 'list':
      return listBlocks(reply);
    case 'returnForm':
      return returnFormMessageBlocks(reply.form);
    case 'returnStored':
      return returnStoredBlocks(reply.title, reply.message, reply.status);
    case 'review':
      return reviewBlocks(reply.view);
    default: {
      const never: never = reply;
      throw new Error(`No Block Kit for reply ${JSON.stringify(never)}`);
    }
  }
}

/** The top-level `text` is mrkdwn too, so it is escaped like any block text. */
const fallbackText = (text: string, suffix = '') =>
  truncate(escapeMrkdwn(text), SLACK_LIMITS.fallbackText - suffix.length) + suffix;

export function renderMessages(reply: Reply): SlackMessage[] {
  const pages = paginate(blockGroups(reply));
  const summary = replyText(reply).trim() || 'A reply from the performance returns bot';
  if (pages.length === 1) return [{ text: fallbackText(summary), blocks: pages[0] ?? [] }];
  return pages.map((blocks, i) => ({
    text: fallbackText(summary, ` (part ${i + 1} of ${pages.length})`),
    blocks,
  }));
}
