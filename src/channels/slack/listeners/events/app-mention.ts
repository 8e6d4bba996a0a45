// The bot mentioned in a channel: answered in a thread under the message, so the channel stays quiet.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answer } from '../../answer.js';
import { messageText } from '../../message-text.js';
import { eventIdOf, MentionEventSchema } from '../../payloads.js';
import { channelTarget } from '../../reply-target.js';
import type { SlackDeps } from '../../slack-deps.js';

export function appMention(deps: SlackDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    const parsed = MentionEventSchema.safeParse(event);
    // A mention in the bot's own DM also arrives as message.im, which answers it.
    if (!parsed.success || parsed.data.bot_id !== undefined || parsed.data.channel.startsWith('D')) return;
    const m = parsed.data;
    const target = channelTarget(client, deps.log, m.channel, m.thread_ts ?? m.ts);
    await answer(deps, client, { userId: m.user, requestId: eventIdOf(body), target, modal: null }, (turn) =>
      deps.conversation.onMessage(turn, messageText(m.text)),
    );
  };
}
