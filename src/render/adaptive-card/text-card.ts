// A plain answer, with the buttons that suggest what to say next.
import type { SayButton } from '../../bot/reply.js';
import textJson from '../../../cards/text.json' with { type: 'json' };
import type { AdaptiveCard } from './card-types.js';
import { cardTemplate } from './expand-template.js';
import { sayAction } from './execute-action.js';

const template = cardTemplate(textJson);

export function textCard(text: string, buttons: SayButton[] = []): AdaptiveCard {
  return template({ text, actions: buttons.map(sayAction) });
}
