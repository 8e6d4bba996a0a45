// A return's sign-off in Slack: the sign-off state, the status with the figures as submitted, and for
// those who may decide, Approve / Send back buttons. The buttons only say "approve 2.2 2015/16 Q4
// revision 2" to the bot, which checks again that the person clicking may approve it. "Send back"
// says no comment, so the bot asks for one and the click opens the send-back modal (send-back-modal.ts).
import type { ReviewView } from '../../bot/reply.js';
import { md } from './escape-mrkdwn.js';
import type { BlockGroup } from './paginate.js';
import { actionsBlocks } from './say-button.js';
import { statusBlocks } from './status-blocks.js';
import { mrkdwn } from './text-object.js';

export function reviewBlocks(view: ReviewView): BlockGroup[] {
  const { ref, period } = view.status;
  const state: BlockGroup = [{ type: 'section', text: mrkdwn(md`*Sign-off:* ${view.state}`) }];
  const error: BlockGroup = view.commentError
    ? [{ type: 'section', text: mrkdwn(md`:warning: ${view.commentError}`) }]
    : [];
  const decide: BlockGroup = view.canDecide
    ? actionsBlocks([
        { label: 'Approve', say: `approve ${ref} ${period} revision ${view.revision}` },
        { label: 'Send back', say: `send back ${ref} ${period} revision ${view.revision}` },
      ])
    : [];
  return [state, ...statusBlocks(view.status), error, decide].filter((g) => g.length > 0);
}
