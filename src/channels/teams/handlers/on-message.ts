// A typed message: strip the bot's @mention, ask the conversation, send the replies.
import { TurnContext } from 'botbuilder';
import type { Conversation, Turn } from '../../../bot/conversation.js';
import type { Db } from '../../../store/open-database.js';
import { refreshIdsFor } from '../refresh-ids.js';
import { replyActivity } from '../reply-activity.js';

export async function onMessage(
  context: TurnContext,
  turn: Turn,
  conversation: Conversation,
  db: Db,
): Promise<void> {
  const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
  const replies = await conversation.onMessage(turn, text);
  if (replies.length === 0) return;
  const ids = await refreshIdsFor(db, turn.partnership, replies);
  await context.sendActivities(replies.map((r) => replyActivity(r, ids)));
}
