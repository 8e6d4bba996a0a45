// Sending a return back, in Slack: a message has no text box, so the review's "Send back" button opens
// this modal (the conversation answered "say what should change") and its comment goes to the owner.
// The modal only names the return: the conversation checks again who may send it back.
import type { ModalView } from '@slack/types';
import type { ReviewView } from '../../bot/reply.js';
import { SEND_BACK_COMMENT_MAX } from '../../domain/sign-off.js';
import { md } from './escape-mrkdwn.js';
import { commentInput } from './form-inputs.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { mrkdwn, plain } from './text-object.js';

export const SEND_BACK_CALLBACK = 'send_back';

/** The conversation asked for a comment before sending this return back: the modal's cue. */
export const asksForComment = (view: ReviewView): boolean => view.canDecide && view.commentError !== null;

export function sendBackModal(view: ReviewView, privateMetadata: string): ModalView {
  const s = view.status;
  const heading = [
    md`*${s.ref} ${s.title}*`,
    md`Return for ${s.period}, revision ${view.revision}`,
    md`Sign-off: ${view.state}`,
  ];
  return {
    type: 'modal',
    callback_id: SEND_BACK_CALLBACK,
    title: plain(`Send back ${s.ref}`, SLACK_LIMITS.modalTitle),
    submit: plain('Send back', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [
      { type: 'section', text: mrkdwn(heading.join('\n')) },
      commentInput('What should change? It goes to the owner with the return.', SEND_BACK_COMMENT_MAX),
    ],
  };
}
