// The return modal or the send-back modal submitted. Slack waits for the answer (3 s) and shows it in
// the modal, so this listener works first and acknowledges after: field errors beside their inputs (a
// send-back with no comment: beside the comment box), a changed form (the plausibility questions, a
// form-wide message) in place of the old one, or the modal closed, the answer sent by DM and App Home
// republished.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Reply, ReturnFormView } from '../../../../bot/reply.js';
import {
  asksForComment,
  FORM_BLOCK_IDS,
  modalErrors,
  returnFormModal,
} from '../../../../render/block-kit/index.js';
import { metadataFor, readMetadata, type ModalMetadata } from '../../modal-metadata.js';
import { noticeModal } from '../../notice-modal.js';
import { ViewSubmissionSchema } from '../../payloads.js';
import { publishHome } from '../../publish-home.js';
import { deliverReplies } from '../../deliver-replies.js';
import { dmTarget } from '../../reply-target.js';
import type { SlackClient, SlackDeps } from '../../slack-deps.js';
import { speaker, type Speaker } from '../../speaker.js';
import { SLACK_STRANGER_TEXT } from '../../stranger.js';
import { typedFromViewState } from '../../view-state.js';

const OUT_OF_DATE = 'This form is out of date: ask for the return again, for example "submit 2.2".';
const SORRY =
  'Something went wrong on our side and it has been logged. Nothing was stored: please try again.';

const notice = (text: string) => ({ response_action: 'update' as const, view: noticeModal(text) });

function formAnswer(form: ReturnFormView, channel: string) {
  const errors = modalErrors(form);
  if (errors) return { response_action: 'errors' as const, errors };
  return { response_action: 'update' as const, view: returnFormModal(form, metadataFor(form, channel)) };
}

type Submission = { kind: 'answered'; who: Speaker; replies: Reply[] } | { kind: 'stranger' };

/** The conversation's answer to the modal's inputs; the owner is checked there, not from the metadata. */
async function submit(
  deps: SlackDeps,
  client: SlackClient,
  body: { userId: string; requestId: string; state: unknown },
  meta: ModalMetadata,
): Promise<Submission> {
  const who = await speaker(deps, client, body.userId, body.requestId);
  if (who.kind === 'stranger') return { kind: 'stranger' };
  const data = {
    ref: meta.ref,
    period: meta.period,
    token: meta.token,
    ...(meta.revision !== undefined ? { revision: meta.revision } : {}),
    ...typedFromViewState(body.state),
  };
  return {
    kind: 'answered',
    who,
    replies: await deps.conversation.onAction(who.turn, { verb: meta.verb, data }),
  };
}

export function returnSubmit(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const parsed = ViewSubmissionSchema.safeParse(body);
    const meta = parsed.success ? readMetadata(parsed.data.view.private_metadata) : null;
    if (!parsed.success || !meta) return ack(notice(OUT_OF_DATE));
    const { user, view, trigger_id: triggerId } = parsed.data;
    const asked = { userId: user.id, requestId: triggerId ?? view.id, state: view.state };
    const result = await submit(deps, client, asked, meta).catch(async (e: unknown) => {
      await ack(notice(SORRY));
      throw e;
    });
    if (result.kind === 'stranger') return ack(notice(SLACK_STRANGER_TEXT));
    const [first] = result.replies;
    if (first?.kind === 'returnForm') return ack(formAnswer(first.form, meta.channel));
    if (first?.kind === 'review' && asksForComment(first.view))
      return ack({
        response_action: 'errors',
        errors: { [FORM_BLOCK_IDS.comment]: first.view.commentError ?? '' },
      });
    await ack({ response_action: 'clear' });
    await deliverReplies(client, dmTarget(client, deps.log, user.id), result.replies, null, deps).catch(
      async (e: unknown) => {
        // Stored, but the confirmation did not arrive: the person is told later.
        if (result.who.kind === 'person')
          await deps.conversation.undelivered?.(result.who.turn, result.replies);
        throw e;
      },
    );
    await publishHome(deps, client, user.id, result.who);
  };
}
