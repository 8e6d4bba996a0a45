// A plain answer, buttons that open its links (downloads), and the buttons that suggest what to say next.
import type { LinkButton, SayButton } from '../../bot/reply.js';
import { linkBlocks } from './link-button.js';
import { md } from './escape-mrkdwn.js';
import type { BlockGroup } from './paginate.js';
import { actionsBlocks } from './say-button.js';
import { mrkdwn } from './text-object.js';

export function textBlocks(text: string, buttons: SayButton[] = [], links: LinkButton[] = []): BlockGroup[] {
  const groups: BlockGroup[] = [
    [{ type: 'section', text: mrkdwn(md`${text}`) }],
    linkBlocks(links),
    actionsBlocks(buttons),
  ];
  return groups.filter((g) => g.length > 0);
}
