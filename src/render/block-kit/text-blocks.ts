// A plain answer and the buttons that suggest what to say next.
import type { SayButton } from '../../bot/reply.js';
import { md } from './escape-mrkdwn.js';
import type { BlockGroup } from './paginate.js';
import { actionsBlocks } from './say-button.js';
import { mrkdwn } from './text-object.js';

export function textBlocks(text: string, buttons: SayButton[] = []): BlockGroup[] {
  const groups: BlockGroup[] = [[{ type: 'section', text: mrkdwn(md`${text}`) }], actionsBlocks(buttons)];
  return groups.filter((g) => g.length > 0);
}
