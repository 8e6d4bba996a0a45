// A button that says its value to the bot: `say:<n>` ("status of 2.2", "exceptions") and `open_return`
// ("submit 2.2 2015/16 Q4"). Acknowledged at once; a return form that comes back opens as a modal with
// the click's trigger_id, anything else is posted where the button was.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { actionTarget } from '../../action-target.js';
import { answer } from '../../answer.js';
import { BlockActionSchema } from '../../payloads.js';
import type { SlackDeps } from '../../slack-deps.js';

export function buttonClick(deps: SlackDeps) {
  return async ({
    ack,
    body,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const parsed = BlockActionSchema.safeParse(body);
    if (!parsed.success) {
      deps.log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'button click not understood');
      return;
    }
    const b = parsed.data;
    const say = b.actions[0]?.value ?? '';
    const target = actionTarget(client, deps.log, b, respond);
    const modal = { triggerId: b.trigger_id, channel: b.container.channel_id ?? '' };
    await answer(deps, client, { userId: b.user.id, requestId: b.trigger_id, target, modal }, (turn) =>
      deps.conversation.onAction(turn, { verb: 'say', data: { say } }),
    );
  };
}
