// Text objects within Slack's limits. `mrkdwn` takes a source already escaped (built with `md`) and
// sets `verbatim` so Slack does not auto-link bare "@here" or "#channel" in stored text; `plain` is for
// user content, which Slack never parses for mentions.
import type { MrkdwnElement, PlainTextElement } from '@slack/types';
import { SLACK_LIMITS } from './slack-limits.js';
import { truncate } from './truncate.js';

/** Slack refuses empty text objects. */
const nonEmpty = (text: string) => (text.trim() === '' ? ' ' : text);

export function mrkdwn(source: string, max: number = SLACK_LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: nonEmpty(truncate(source, max)), verbatim: true };
}

export function plain(text: string, max: number = SLACK_LIMITS.sectionText): PlainTextElement {
  return { type: 'plain_text', text: nonEmpty(truncate(text, max)), emoji: true };
}
