// The App Home tab: the person's returns (the conversation's "my returns" list, as Block Kit) and how
// to ask for more. A home view holds at most 100 blocks; a longer list ends with where to see the rest.
import type { HomeView, KnownBlock } from '@slack/types';
import type { Reply } from '../../bot/reply.js';
import { renderMessages, SLACK_LIMITS } from '../../render/block-kit/index.js';
import { SLACK_STRANGER_TEXT } from './stranger.js';

const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text, verbatim: true }],
});

/** Home tabs hold as many blocks as modals. */
const HOME_BLOCKS = SLACK_LIMITS.modalBlocks;

const ASK =
  'Ask me in the Messages tab, or with `/perf` anywhere: "status of 2.2", "exceptions", "overdue", "help".';
const MORE = 'There is more than fits here: say "my returns" in the Messages tab for the whole list.';

export function homeView(replies: Reply[]): HomeView {
  const blocks = replies.flatMap((r) => renderMessages(r).flatMap((m) => m.blocks));
  const room = HOME_BLOCKS - 1;
  const shown = blocks.length > room ? [...blocks.slice(0, room - 1), context(MORE)] : blocks;
  return { type: 'home', blocks: [...shown, context(ASK)] };
}

/** Only the refusal: not even the examples of what to ask. */
export function strangerHomeView(): HomeView {
  return {
    type: 'home',
    blocks: renderMessages({ kind: 'text', text: SLACK_STRANGER_TEXT }).flatMap((m) => m.blocks),
  };
}
