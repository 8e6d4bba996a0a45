// Splitting blocks into messages of at most 50. Blocks come in groups that should stay together (a
// heading and its first item); a group is split only when it alone is larger than a message.
import type { KnownBlock } from '@slack/types';
import { SLACK_LIMITS } from './slack-limits.js';

export type BlockGroup = KnownBlock[];

export function paginate(groups: BlockGroup[], max: number = SLACK_LIMITS.messageBlocks): KnownBlock[][] {
  const pages: KnownBlock[][] = [];
  let page: KnownBlock[] = [];
  for (const group of groups) {
    if (page.length + group.length > max && page.length > 0) {
      pages.push(page);
      page = [];
    }
    for (const block of group) {
      if (page.length === max) {
        pages.push(page);
        page = [];
      }
      page.push(block);
    }
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
