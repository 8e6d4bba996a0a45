// What replaces the return form once it is stored: the confirmation, then the computed status.
import type { StatusView } from '../../bot/reply.js';
import returnStoredJson from '../../../cards/return-stored.json' with { type: 'json' };
import type { AdaptiveCard } from './card-types.js';
import { cardTemplate } from './expand-template.js';
import { statusCard } from './status-card.js';

const template = cardTemplate(returnStoredJson, 'cards/return-stored.json');

export function returnStoredCard(title: string, message: string, status: StatusView): AdaptiveCard {
  // The status card is finished (its text escaped): it joins after expansion, not as data to escape again.
  const { body, actions = [] } = statusCard(status);
  const card = template({ title, message });
  return { ...card, body: [...card.body, { type: 'Container', separator: true, items: body }], actions };
}
