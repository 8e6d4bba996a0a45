// What follows a stored return: the confirmation, then the status the new figures give.
import type { StatusView } from '../../bot/reply.js';
import { md } from './escape-mrkdwn.js';
import type { BlockGroup } from './paginate.js';
import { statusBlocks } from './status-blocks.js';
import { mrkdwn } from './text-object.js';

export function returnStoredBlocks(title: string, message: string, status: StatusView): BlockGroup[] {
  const confirmation = title.trim() ? md`✅ *${title}*\n${message}` : md`✅ ${message}`;
  return [[{ type: 'section', text: mrkdwn(confirmation) }], ...statusBlocks(status)];
}
