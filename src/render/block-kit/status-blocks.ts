// The status of one measure for one period: heading, RAG in words with an emoji, sign-off, figures, parts,
// commentary (as plain text: it is what people typed), chart and the next things to say.
import type { ContextBlock } from '@slack/types';
import type { StatusView } from '../../bot/reply.js';
import { md } from './escape-mrkdwn.js';
import { figureSections } from './figure-fields.js';
import type { BlockGroup } from './paginate.js';
import { ragLine } from './rag-emoji.js';
import { actionsBlocks } from './say-button.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { mrkdwn, plain } from './text-object.js';

const present = (s: string | null): s is string => s !== null && s.trim() !== '';

/** A bold heading and, below it, what someone typed, kept as plain text. */
function typedText(heading: string, text: string | null): BlockGroup {
  if (!present(text)) return [];
  return [
    { type: 'section', text: mrkdwn(md`*${heading}*`) },
    { type: 'section', text: plain(text) },
  ];
}

const contextLine = (text: string): ContextBlock => ({ type: 'context', elements: [mrkdwn(md`${text}`)] });

function headGroup(view: StatusView): BlockGroup {
  const context = [view.period, view.theme].filter((s) => s.trim()).join(' · ');
  return [
    { type: 'header', text: plain(`${view.ref} ${view.title}`, SLACK_LIMITS.headerText) },
    ...(context ? [contextLine(context)] : []),
    { type: 'section', text: mrkdwn(md`*${ragLine(view.rag, view.ragLabel)}*`) },
  ];
}

function overrideGroup(view: StatusView): BlockGroup {
  const o = view.override;
  if (!o) return [];
  const text = md`*RAG set to ${ragLine(o.rag, o.ragLabel)}* by ${o.by}\n${o.reason}`;
  return [{ type: 'section', text: mrkdwn(text) }];
}

/** "Sign-off: Awaiting approval by Priya Sandhu (revision 2).", as the review card says it. */
function signOffGroup(view: StatusView): BlockGroup {
  if (!present(view.signOff)) return [];
  return [{ type: 'section', text: mrkdwn(md`*Sign-off:* ${view.signOff}`) }];
}

function componentGroups(view: StatusView): BlockGroup[] {
  return view.components.map((c) => {
    const name = c.headline ? `${c.name} (headline)` : c.name;
    return figureSections(c.figures, md`*${name}*\n${ragLine(c.rag, c.ragLabel)}`);
  });
}

function chartGroup(view: StatusView): BlockGroup {
  // A cut URL is a broken image: leave the chart out rather than send one.
  if (!view.chartUrl || view.chartUrl.length > SLACK_LIMITS.imageUrl) return [];
  const alt = `Chart of ${view.ref} ${view.title} by period, up to ${view.period}`;
  return [{ type: 'image', image_url: view.chartUrl, alt_text: alt.slice(0, SLACK_LIMITS.altText) }];
}

export function statusBlocks(view: StatusView): BlockGroup[] {
  const groups: BlockGroup[] = [
    headGroup(view),
    overrideGroup(view),
    signOffGroup(view),
    figureSections(view.figures),
    ...componentGroups(view),
    typedText('Figures not available yet', view.notAvailable),
    typedText('Commentary', view.narrative),
    typedText('What is being done about it', view.correctiveAction),
    present(view.submitted) ? [contextLine(view.submitted)] : [],
    chartGroup(view),
    actionsBlocks(view.actions),
  ];
  return groups.filter((g) => g.length > 0);
}
