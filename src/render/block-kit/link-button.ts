// Buttons that open a web address (a signed download): Slack opens the URL in the browser and still
// sends the click to the app, which acknowledges it and does nothing more (action_id `link:<n>`).
import type { ActionsBlock, Button } from '@slack/types';
import type { LinkButton } from '../../bot/reply.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { plain } from './text-object.js';

export const LINK_ACTION = /^link:\d+$/;

/** The links as one actions block (as many as fit in one); none when there are no links. */
export function linkBlocks(links: LinkButton[]): ActionsBlock[] {
  if (links.length === 0) return [];
  const elements: Button[] = links.slice(0, SLACK_LIMITS.actionsElements).map((l, n) => ({
    type: 'button',
    text: plain(l.label, SLACK_LIMITS.buttonText),
    action_id: `link:${n}`,
    url: l.url,
  }));
  return [{ type: 'actions', elements }];
}
