// Lists (overdue, my returns, exceptions, summaries) in sections. A list too big for one Teams message
// is made to fit (see listCard) rather than refused with a 413.
import type { ListSection, Reply } from '../../bot/reply.js';
import listJson from '../../../cards/list.json' with { type: 'json' };
import { cardBytes, MAX_CARD_BYTES } from './card-size.js';
import type { AdaptiveCard } from './card-types.js';
import { cardTemplate } from './expand-template.js';
import { sayAction } from './execute-action.js';
import { ragColor, ragWord } from '../rag-style.js';

export type ListReply = Extract<Reply, { kind: 'list' }>;

const template = cardTemplate(listJson, 'cards/list.json');

/** Room left for the activity around the card. */
const BUDGET = MAX_CARD_BYTES - 2 * 1024;

const countItems = (sections: ListSection[]) => sections.reduce((n, s) => n + s.items.length, 0);

/** The first `keep` items, in order; sections after the last kept item are left out. */
function firstItems(sections: ListSection[], keep: number): ListSection[] {
  const out: ListSection[] = [];
  let left = keep;
  for (const s of sections) {
    if (left <= 0) break;
    out.push({ heading: s.heading, items: s.items.slice(0, left) });
    left -= s.items.length;
  }
  return out;
}

interface Fit {
  /** How many items, from the top. */
  keep: number;
  /** Whether items get their own buttons. */
  buttons: boolean;
}

function listData(list: ListReply, fit: Fit) {
  const total = countItems(list.sections);
  return {
    title: list.title,
    intro: list.intro && list.intro.trim() ? list.intro : null,
    image: list.image ?? null,
    sections: firstItems(list.sections, fit.keep).map((s) => ({
      heading: s.heading,
      items: s.items.map((i) => ({
        // The RAG word leads the line, in its colour: a column per item would cost too many bytes.
        line: i.rag ? `● ${ragWord(i.rag)} · ${i.text}` : i.text,
        color: i.rag ? ragColor(i.rag) : null,
        // One TextBlock per line of the detail: a card joins single line breaks into one paragraph,
        // which ran an item's figures, trend and commentary together.
        details: (i.detail ?? '').split('\n').filter((line) => line.trim() !== ''),
        actions: fit.buttons && i.button ? [sayAction(i.button)] : [],
      })),
    })),
    more:
      fit.keep < total
        ? `Showing the first ${fit.keep} of ${total}: the list is too long for one message.`
        : null,
    actions: (list.buttons ?? []).map(sayAction),
  };
}

const render = (list: ListReply, fit: Fit) => template(listData(list, fit));
const fits = (card: AdaptiveCard) => cardBytes(card) <= BUDGET;

/** The largest k in 0..max with `ok(k)`, assuming ok is true up to some k and false after. */
function largest(max: number, ok: (k: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Every item matters more than a shortcut to it: when the list is too big, the items' own buttons go
 * first (about 40% of an item's bytes), then items from the end, with a line saying so.
 */
export function listCard(list: ListReply): AdaptiveCard {
  const total = countItems(list.sections);
  const full = render(list, { keep: total, buttons: true });
  if (fits(full)) return full;
  const keep = largest(total, (k) => fits(render(list, { keep: k, buttons: false })));
  return render(list, { keep, buttons: false });
}
