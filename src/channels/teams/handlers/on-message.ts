// A typed message: strip the bot's @mention, ask the conversation, send the replies.
import { TurnContext } from 'botbuilder';
import type { Conversation, Turn } from '../../../bot/conversation.js';
import { replyActivity } from '../reply-activity.js';

export async function onMessage(context: TurnContext, turn: Turn, conversation: Conversation): Promise<void> {
  const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
  const replies = await conversation.onMessage(turn, text);
  if (replies.length > 0) await context.sendActivities(replies.map(replyActivity));
}
