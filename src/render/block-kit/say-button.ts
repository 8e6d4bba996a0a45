// Buttons that say their text to the bot. "submit …" buttons open the return modal instead, which
// needs the click's trigger_id, so they carry their own action_id: `open_return`.
import type { ActionsBlock, Button } from '@slack/types';
import type { SayButton } from '../../bot/reply.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { plain } from './text-object.js';
import { truncate } from './truncate.js';

export const OPEN_RETURN = 'open_return';

export const isSubmitSay = (say: string): boolean => /^submit\s/i.test(say.trim());

/** `n` keeps action_ids unique within a block: `say:0`, `say:1`... */
export function sayButton(button: SayButton, n: number): Button {
  return {
    type: 'button',
    text: plain(button.label, SLACK_LIMITS.buttonText),
    action_id: isSubmitSay(button.say) ? OPEN_RETURN : `say:${n}`,
    value: truncate(button.say, SLACK_LIMITS.buttonValue),
  };
}

/**
 * The buttons as actions blocks: at most 25 to a block, and one `open_return` per block, since an
 * action_id must be unique within its block.
 */
export function actionsBlocks(buttons: SayButton[]): ActionsBlock[] {
  const blocks: ActionsBlock[] = [];
  let current: Button[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push({ type: 'actions', elements: current });
    current = [];
  };
  buttons.forEach((b, n) => {
    const button = sayButton(b, n);
    const clash = button.action_id === OPEN_RETURN && current.some((c) => c.action_id === OPEN_RETURN);
    if (clash || current.length === SLACK_LIMITS.actionsElements) flush();
    current.push(button);
  });
  flush();
  return blocks;
}
