// A plain answer, with buttons that open its links (downloads) and buttons that suggest what to say next.
import type { LinkButton, SayButton } from '../../bot/reply.js';
import textJson from '../../../cards/text.json' with { type: 'json' };
import type { AdaptiveCard } from './card-types.js';
import { cardTemplate } from './expand-template.js';
import { openUrlAction, sayAction } from './execute-action.js';

const template = cardTemplate(textJson, 'cards/text.json');

/**
 * One TextBlock per line: Teams and the Adaptive Cards renderers join single line breaks into one
 * paragraph, so a list of "• …" lines would run on. A blank line becomes a wider gap.
 */
export function textCard(text: string, buttons: SayButton[] = [], links: LinkButton[] = []): AdaptiveCard {
  const lines: { text: string; spacing: 'none' | 'medium' }[] = [];
  let gap = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') gap = lines.length > 0;
    else {
      lines.push({ text: line, spacing: gap ? 'medium' : 'none' });
      gap = false;
    }
  }
  return template({ lines, actions: [...links.map(openUrlAction), ...buttons.map(sayAction)] });
}
