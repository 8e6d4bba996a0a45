// A return form posted as a message (a modal needs a click's trigger_id, which a typed "submit 2.2"
// does not have): what is asked for, and a button that opens the modal.
import type { ReturnFormView } from '../../bot/reply.js';
import { md } from './escape-mrkdwn.js';
import type { BlockGroup } from './paginate.js';
import { OPEN_RETURN } from './say-button.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { mrkdwn, plain } from './text-object.js';
import { truncate } from './truncate.js';

function summary(form: ReturnFormView): string {
  const lines = [md`*Return for ${form.ref} ${form.period}*`, md`${form.title}`];
  if (form.revision > 1) lines.push(md`This will be revision ${form.revision}.`);
  if (form.formError && form.formError.trim()) lines.push(md`⚠️ ${form.formError}`);
  return lines.join('\n');
}

export function returnFormMessageBlocks(form: ReturnFormView): BlockGroup[] {
  return [
    [
      {
        type: 'section',
        text: mrkdwn(summary(form)),
        accessory: {
          type: 'button',
          style: 'primary',
          text: plain('Open return form', SLACK_LIMITS.buttonText),
          action_id: OPEN_RETURN,
          value: truncate(`submit ${form.ref} ${form.period}`, SLACK_LIMITS.buttonValue),
        },
      },
    ],
  ];
}
