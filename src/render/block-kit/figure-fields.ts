// Figures as a section's two-column fields: the label in bold on the left, the value on the right.
// A section holds ten fields, so five figures; more figures take more sections.
import type { SectionBlock } from '@slack/types';
import type { Figure } from '../../bot/reply.js';
import { md } from './escape-mrkdwn.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { mrkdwn } from './text-object.js';

const PER_SECTION = SLACK_LIMITS.sectionFields / 2;

/** Sections of figures; the first carries `text` when given (a heading for the figures). */
export function figureSections(figures: Figure[], text?: string): SectionBlock[] {
  const sections: SectionBlock[] = [];
  for (let i = 0; i < figures.length; i += PER_SECTION) {
    const fields = figures
      .slice(i, i + PER_SECTION)
      .flatMap((f) => [
        mrkdwn(md`*${f.label}*`, SLACK_LIMITS.sectionField),
        mrkdwn(md`${f.value}`, SLACK_LIMITS.sectionField),
      ]);
    sections.push({ type: 'section', fields });
  }
  const first = sections[0];
  if (text !== undefined) {
    if (first) first.text = mrkdwn(text);
    else sections.push({ type: 'section', text: mrkdwn(text) });
  }
  return sections;
}
