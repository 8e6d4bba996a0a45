// Reply → Adaptive Card 1.5 (Teams and the local chat), one card per reply.
import type { Reply } from '../../bot/reply.js';
import type { AdaptiveCard } from './card-types.js';
import { listCard } from './list-card.js';
import { returnFormCard } from './return-form-card.js';
import { returnStoredCard } from './return-stored-card.js';
import { reviewCard } from './review-card.js';
import { statusCard } from './status-card.js';
import { textCard } from './text-card.js';

export type { AdaptiveCard, CardElement } from './card-types.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface AdaptiveCardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

/** `refreshUserIds`: for a review card, the ids whose view of it refreshes (Teams; none elsewhere). */
export function renderAdaptiveCard(reply: Reply, refreshUserIds: string[] = []): AdaptiveCard {
  switch (reply.kind) {
    case 'text':
      return textCard(reply.text, reply.buttons, reply.links);
    case 'status':
      return statusCard(reply.view);
    case 'list':
      return listCard(reply);
    case 'returnForm':
      return returnFormCard(reply.form);
    case 'returnStored':
      return returnStoredCard(reply.title, reply.message, reply.status);
    case 'review':
      return reviewCard(reply.view, refreshUserIds);
    default: {
      const never: never = reply;
      throw new Error(`No Adaptive Card for reply ${JSON.stringify(never)}`);
    }
  }
}

export function cardAttachment(reply: Reply, refreshUserIds: string[] = []): AdaptiveCardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderAdaptiveCard(reply, refreshUserIds) };
}
