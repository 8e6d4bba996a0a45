// Sends the conversation's replies. When the first is a return form and the request brought a
// trigger_id (a button, a slash command), the form opens as a modal; otherwise it is posted as a message
// with a button that opens it.
import type { Reply } from '../../bot/reply.js';
import { returnFormModal } from '../../render/block-kit/index.js';
import { withChartUploads } from './image-fallback.js';
import { metadataFor } from './modal-metadata.js';
import { sendReplies, type ReplyTarget } from './reply-target.js';
import type { SlackClient, SlackDeps } from './slack-deps.js';

export interface ModalTrigger {
  triggerId: string;
  /** Where the request came from (a channel id, or '' for App Home). */
  channel: string;
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
  if (!modal || first?.kind !== 'returnForm') return sendReplies(target, replies);
  // The trigger_id expires within seconds: the modal goes first.
  await client.views.open({
    trigger_id: modal.triggerId,
    view: returnFormModal(first.form, metadataFor(first.form, modal.channel)),
  });
  await sendReplies(target, rest);
}
