// Keeps the conversation reference of every activity from a known person, so reminders and summaries
// can be sent later: a personal chat under the person's key, a channel or group chat under its id.
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Found } from '../find-person.js';
import type { Db } from '../../store/open-database.js';
import { saveConversationRef } from '../../store/conversation-store.js';
import { channelConversationId, isShared, type InboundActivity } from './inbound-activity.js';

export async function rememberConversation(
  db: Db,
  platform: string,
  found: Found,
  activity: Activity,
  a: InboundActivity,
  now: Date,
): Promise<void> {
  const shared = isShared(a);
  const target = shared ? channelConversationId(a) : found.person.id;
  // No activityId: a proactive message starts a new message (or thread), it does not reply to this one.
  const { activityId: _replyTo, ...full } = TurnContext.getConversationReference(activity);
  const reference: Partial<ConversationReference> = shared
    ? { ...full, conversation: { ...full.conversation, id: target } as ConversationReference['conversation'] }
    : full;
  await saveConversationRef(
    db,
    { platform, partnershipId: found.partnership.id, kind: shared ? 'channel' : 'person', target },
    reference.conversation?.id ?? a.conversation.id,
    reference,
    now,
  );
}
