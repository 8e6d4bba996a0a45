// Sends the conversation's replies. When the request brought a trigger_id (a button, a slash command)
// and the first reply is a return form, the form opens as a modal; when it is a review asking why the
// return is sent back, the send-back modal opens for the comment. Otherwise they are posted as messages.
import type { ModalView } from '@slack/types';
import type { Reply } from '../../bot/reply.js';
import { asksForComment, returnFormModal, sendBackModal } from '../../render/block-kit/index.js';
import { withChartUploads } from './image-fallback.js';
import { metadataFor, sendBackMetadata } from './modal-metadata.js';
import { sendReplies, type ReplyTarget } from './reply-target.js';
import type { SlackClient, SlackDeps } from './slack-deps.js';

export interface ModalTrigger {
  triggerId: string;
  /** Where the request came from (a channel id, or '' for App Home). */
  channel: string;
}

/** The modal a first reply opens as: a return form, or a review asking for a send-back comment. */
function modalFor(first: Reply, channel: string): ModalView | null {
  if (first.kind === 'returnForm') return returnFormModal(first.form, metadataFor(first.form, channel));
  if (first.kind === 'review' && asksForComment(first.view))
    return sendBackModal(first.view, sendBackMetadata(first.view, channel));
  return null;
}

export async function deliverReplies(
  client: SlackClient,
  target: ReplyTarget,
  replies: Reply[],
  modal: ModalTrigger | null,
  deps?: Pick<SlackDeps, 'charts' | 'log'>,
): Promise<void> {
  // Where Slack cannot fetch our chart images, they are uploaded after the message instead.
  if (deps?.charts?.delivery === 'upload') target = withChartUploads(target, deps.charts, deps.log);
  const [first, ...rest] = replies;
  const view = modal && first ? modalFor(first, modal.channel) : null;
  if (!modal || !view) return sendReplies(target, replies);
  // The trigger_id expires within seconds: the modal goes first.
  await client.views.open({ trigger_id: modal.triggerId, view });
  await sendReplies(target, rest);
}
