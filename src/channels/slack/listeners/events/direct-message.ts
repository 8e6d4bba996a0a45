// A message in the bot's DM (message.im): answered in the same DM, in the thread when it was in one.
// Bot messages and edits, joins and other subtypes are not questions.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answer } from '../../answer.js';
import { messageText } from '../../message-text.js';
import { eventIdOf, MessageEventSchema } from '../../payloads.js';
import { channelTarget } from '../../reply-target.js';
import type { SlackDeps } from '../../slack-deps.js';

export function directMessage(deps: SlackDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const parsed = MessageEventSchema.safeParse(event);
    if (!parsed.success) return;
    const m = parsed.data;
    if (m.channel_type !== 'im' || m.subtype !== undefined || m.bot_id !== undefined) return;
    const target = channelTarget(client, deps.log, m.channel, m.thread_ts);
    await answer(deps, client, { userId: m.user, requestId: eventIdOf(body), target, modal: null }, (turn) =>
      deps.conversation.onMessage(turn, messageText(m.text)),
    );
  };
}
