// Card actions. Action.Execute (invoke) is answered with the first reply's card, which replaces the
// card acted on; any further replies follow as messages. An Action.Submit fallback arrives as a
// message and is answered with messages. Bad input comes back inside the returned form card.
import type { TurnContext } from 'botbuilder';
import type { Conversation, Turn } from '../../../bot/conversation.js';
import type { CardAction, Reply } from '../../../bot/reply.js';
import {
  cardInvokeResponse,
  invokeResponseActivity,
  messageInvokeResponse,
  replyActivity,
} from '../reply-activity.js';
import type { Db } from '../../../store/open-database.js';
import { refreshIdsFor } from '../refresh-ids.js';
import { UndeliveredConfirmation } from '../undelivered-confirmation.js';

export async function onExecute(
  context: TurnContext,
  turn: Turn,
  action: CardAction,
  conversation: Conversation,
  db: Db,
): Promise<void> {
  const replies = await conversation.onAction(turn, action);
  const ids = await refreshIdsFor(db, turn.partnership, replies);
  const [first, ...rest] = replies;
  const response = first ? cardInvokeResponse(first, ids) : messageInvokeResponse('Done.');
  await context.sendActivity(invokeResponseActivity(response));
  if (rest.length > 0)
    await context
      .sendActivities(rest.map((r) => replyActivity(r, ids)))
      .catch(told(conversation, turn, rest));
}

/**
 * A reply that could not be sent: a stored return's confirmation is told later, and the error goes on,
 * saying what was stored so the apology does not ask for the return again.
 */
const told = (conversation: Conversation, turn: Turn, replies: Reply[]) => async (e: unknown) => {
  const stored = (await conversation.undelivered?.(turn, replies)) ?? [];
  throw stored.length > 0 ? new UndeliveredConfirmation(stored, e) : e;
};

export async function onSubmit(
  context: TurnContext,
  turn: Turn,
  action: CardAction,
  conversation: Conversation,
  db: Db,
): Promise<void> {
  const replies = await conversation.onAction(turn, action);
  if (replies.length === 0) return;
  const ids = await refreshIdsFor(db, turn.partnership, replies);
  await context
    .sendActivities(replies.map((r) => replyActivity(r, ids)))
    .catch(told(conversation, turn, replies));
}
