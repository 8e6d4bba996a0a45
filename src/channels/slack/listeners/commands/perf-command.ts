// `/perf <what to say>`: acknowledged at once, then answered ephemerally through the response_url, so
// figures asked for in a channel are seen only by the person who asked. `/perf submit 2.2` opens the
// return modal straight away (a command brings a trigger_id). An empty command is "help".
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answer } from '../../answer.js';
import { messageText } from '../../message-text.js';
import { CommandSchema } from '../../payloads.js';
import { respondTarget } from '../../reply-target.js';
import type { SlackDeps } from '../../slack-deps.js';

export function perfCommand(deps: SlackDeps) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const parsed = CommandSchema.safeParse(command);
    if (!parsed.success) {
      deps.log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'slash command not understood');
      return;
    }
    const c = parsed.data;
    const text = messageText(c.text) || 'help';
    const target = respondTarget(respond, deps.log);
    const modal = { triggerId: c.trigger_id, channel: c.channel_id };
    await answer(deps, client, { userId: c.user_id, requestId: c.trigger_id, target, modal }, (turn) =>
      deps.conversation.onMessage(turn, text),
    );
  };
}
