// One request answered: who is asking, what the conversation says, and where the replies go. A
// stranger gets the polite refusal and nothing else.
import type { Turn } from '../../bot/conversation.js';
import type { Reply } from '../../bot/reply.js';
import { deliverReplies, type ModalTrigger } from './deliver-replies.js';
import { sendReplies, type ReplyTarget } from './reply-target.js';
import type { SlackClient, SlackDeps } from './slack-deps.js';
import { speaker } from './speaker.js';
import { SLACK_STRANGER_TEXT } from './stranger.js';

export interface Asking {
  userId: string;
  /** The platform request's id (event id, trigger id): the conversation's requestId. */
  requestId: string;
  target: ReplyTarget;
  modal: ModalTrigger | null;
}

export async function answer(
  deps: SlackDeps,
  client: SlackClient,
  asking: Asking,
  ask: (turn: Turn) => Promise<Reply[]>,
): Promise<void> {
  const who = await speaker(deps, client, asking.userId, asking.requestId);
  if (who.kind === 'stranger')
    return sendReplies(asking.target, [{ kind: 'text', text: SLACK_STRANGER_TEXT }]);
  await deliverReplies(client, asking.target, await ask(who.turn), asking.modal, deps);
}
