// Proactive sends (reminders, summaries): any Reply to a person's personal chat or a partnership's
// channel, through the stored conversation reference. A 403/404 means the conversation is gone: it
// is marked inactive and reported, never retried. Message creation is not idempotent, so a send whose
// outcome is unknown is reported as such and not retried here: the outbox decides.
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Reply } from '../../bot/reply.js';
import type { Logger } from '../../log.js';
import {
  latestConversationRef,
  markConversationInactive,
  type StoredRef,
} from '../../store/conversation-store.js';
import type { Db } from '../../store/open-database.js';
import { connectorStatus, conversationGone } from './connector-status.js';
import { replyActivity } from './reply-activity.js';

export type SendOutcome =
  | { ok: true; activityId: string | null }
  | { ok: false; code: 'no_conversation' | 'conversation_gone'; message: string }
  | { ok: false; code: 'send_failed'; retryable: boolean; status: number | null; message: string };

export interface ProactiveDeps {
  adapter: CloudAdapter;
  appId: string;
  db: Db;
  log: Logger;
  clock: () => Date;
}

export interface Proactive {
  sendToPerson(partnershipId: number, personKey: string, reply: Reply): Promise<SendOutcome>;
  /** To the channel given, or the partnership's most recently used channel. */
  sendToChannel(partnershipId: number, reply: Reply, channelId?: string): Promise<SendOutcome>;
}

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export function createProactive(deps: ProactiveDeps): Proactive {
  const send = async (ref: StoredRef | null, reply: Reply): Promise<SendOutcome> => {
    if (!ref || !ref.active)
      return { ok: false, code: 'no_conversation', message: 'No conversation to send to yet' };
    let activityId: string | null = null;
    try {
      await deps.adapter.continueConversationAsync(
        deps.appId,
        ref.reference as Partial<ConversationReference>,
        async (context) => {
          activityId = (await context.sendActivity(replyActivity(reply)))?.id ?? null;
        },
      );
      return { ok: true, activityId };
    } catch (e) {
      const status = connectorStatus(e);
      deps.log.warn({ err: e, status, kind: ref.kind, platform: ref.platform }, 'proactive send failed');
      if (conversationGone(status)) {
        await markConversationInactive(deps.db, ref, deps.clock());
        return { ok: false, code: 'conversation_gone', message: `The conversation answered ${status}` };
      }
      return {
        ok: false,
        code: 'send_failed',
        retryable: status !== null && RETRYABLE.has(status),
        status,
        message: e instanceof Error ? e.message : String(e),
      };
    }
  };
  return {
    sendToPerson: async (partnershipId, personKey, reply) =>
      send(await latestConversationRef(deps.db, partnershipId, 'person', personKey), reply),
    sendToChannel: async (partnershipId, reply, channelId) =>
      send(await latestConversationRef(deps.db, partnershipId, 'channel', channelId), reply),
  };
}
