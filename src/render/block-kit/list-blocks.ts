// Lists (overdue, my returns, exceptions, summaries): a header, the intro, then one section per item
// with its RAG emoji and its button beside it. Long lists are paginated by the caller, never cut.
import type { Reply } from '../../bot/reply.js';
import { md } from './escape-mrkdwn.js';
import type { BlockGroup } from './paginate.js';
import { ragEmoji } from './rag-emoji.js';
import { actionsBlocks, sayButton } from './say-button.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { mrkdwn, plain } from './text-object.js';

export type ListReply = Extract<Reply, { kind: 'list' }>;
type ListItem = ListReply['sections'][number]['items'][number];

function itemText(item: ListItem): string {
  const head = item.rag ? md`${ragEmoji(item.rag)} *${item.text}*` : md`*${item.text}*`;
  return item.detail && item.detail.trim() ? `${head}\n${md`${item.detail}`}` : head;
}

export function listBlocks(list: ListReply): BlockGroup[] {
  const head: BlockGroup = [{ type: 'header', text: plain(list.title, SLACK_LIMITS.headerText) }];
  if (list.intro && list.intro.trim()) head.push({ type: 'section', text: mrkdwn(md`${list.intro}`) });
  // A cut URL is a broken image: leave the chart out rather than send one.
  if (list.image && list.image.url.length <= SLACK_LIMITS.imageUrl)
    head.push({
      type: 'image',
      image_url: list.image.url,
      alt_text: list.image.alt.slice(0, SLACK_LIMITS.altText),
    });
  const groups: BlockGroup[] = [head];
  let n = 0;
  for (const section of list.sections) {
    const items: BlockGroup[] = section.items.map((item) => [
      {
        type: 'section',
        text: mrkdwn(itemText(item)),
        ...(item.button ? { accessory: sayButton(item.button, n++) } : {}),
      },
    ]);
    // The heading travels with the first item, so a page never ends on a heading.
    const heading: BlockGroup = section.heading.trim()
      ? [{ type: 'section', text: mrkdwn(md`*${section.heading}*`) }]
      : [];
    const [first = [], ...rest] = items;
    groups.push([...heading, ...first], ...rest);
  }
  if (list.sections.every((s) => s.items.length === 0))
    groups.push([{ type: 'section', text: mrkdwn('Nothing to list.') }]);
  groups.push(actionsBlocks(list.buttons ?? []));
  return groups.filter((g) => g.length > 0);
}
