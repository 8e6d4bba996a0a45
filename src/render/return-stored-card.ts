// What replaces the return form once it is stored: the confirmation, then the computed status.
import type { StatusView } from '../bot/reply.js';
import returnStoredJson from '../../cards/return-stored.json' with { type: 'json' };
import type { AdaptiveCard } from './card-types.js';
import { cardTemplate } from './expand-template.js';
import { statusCard } from './status-card.js';

const template = cardTemplate(returnStoredJson);

export function returnStoredCard(title: string, message: string, status: StatusView): AdaptiveCard {
  const { body, actions = [] } = statusCard(status);
  return template({ title, message, status: { body, actions } });
}
