// The return form as a modal (views.open / views.update). Field errors are not drawn here: Slack shows
// them beside the inputs from `response_action: "errors"` (see modalErrors). The form-wide message and
// the plausibility questions are drawn, since Slack has nowhere else to put them.
import type { ContextBlock, KnownBlock, ModalView, SectionBlock } from '@slack/types';
import type { ReturnFormView } from '../../bot/reply.js';
import { md } from './escape-mrkdwn.js';
import { correctiveActionInput, figureInputs, narrativeInput, notAvailableInputs } from './form-inputs.js';
import { ragEmoji, ragName } from './rag-emoji.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { mrkdwn, plain } from './text-object.js';

export const RETURN_SUBMIT_CALLBACK = 'return_submit';

function heading(form: ReturnFormView): SectionBlock {
  const lines = [md`*${form.ref} ${form.title}*`, md`Return for ${form.period}`];
  if (form.revision > 1)
    lines.push(md`This will be revision ${form.revision} (replaces revision ${form.revision - 1})`);
  return { type: 'section', text: mrkdwn(lines.join('\n')) };
}

function notices(form: ReturnFormView): SectionBlock[] {
  const out: SectionBlock[] = [];
  if (form.formError && form.formError.trim())
    out.push({ type: 'section', text: mrkdwn(md`⚠️ *${form.formError}*`) });
  if (form.warnings.length > 0) {
    const bullets = form.warnings.map((w) => md`• ${w}`).join('\n');
    const ask = 'Change anything that is wrong, or press *Confirm* to store the return as it is.';
    out.push({ type: 'section', text: mrkdwn(`*Please check before this is stored*\n${bullets}\n${ask}`) });
  }
  return out;
}

function contextBlocks(lines: string[]): ContextBlock[] {
  const out: ContextBlock[] = [];
  for (let i = 0; i < lines.length; i += SLACK_LIMITS.contextElements)
    out.push({
      type: 'context',
      elements: lines.slice(i, i + SLACK_LIMITS.contextElements).map((l) => mrkdwn(md`${l}`)),
    });
  return out;
}

/** The preview in words with its emoji; the RAG word is added when the text does not say it. */
function preview(form: ReturnFormView): ContextBlock[] {
  if (!form.preview) return [];
  const { rag, text } = form.preview;
  const says = text.toLowerCase().includes(ragName(rag).toLowerCase());
  const line = says ? `${ragEmoji(rag)} ${text}` : `${ragEmoji(rag)} ${ragName(rag)}: ${text}`;
  return contextBlocks([line]);
}

export function returnFormModal(form: ReturnFormView, privateMetadata: string): ModalView {
  if (privateMetadata.length > SLACK_LIMITS.privateMetadata)
    throw new RangeError(
      `private_metadata is ${privateMetadata.length} characters; Slack allows ${SLACK_LIMITS.privateMetadata}: keep only ids in it`,
    );
  const blocks: KnownBlock[] = [
    heading(form),
    ...notices(form),
    ...contextBlocks(form.context),
    ...figureInputs(form),
    ...preview(form),
    narrativeInput(form),
    correctiveActionInput(form),
    ...notAvailableInputs(form),
  ];
  if (blocks.length > SLACK_LIMITS.modalBlocks)
    throw new RangeError(
      `The return form for ${form.ref} needs ${blocks.length} blocks; a Slack modal holds ${SLACK_LIMITS.modalBlocks}`,
    );
  return {
    type: 'modal',
    callback_id: RETURN_SUBMIT_CALLBACK,
    title: plain(`Return ${form.ref}`, SLACK_LIMITS.modalTitle),
    submit: plain(form.warnings.length > 0 ? 'Confirm' : 'Submit', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks,
  };
}
