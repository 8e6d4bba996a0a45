// Sends outbox messages through the Bot Framework proactive sender (Teams, and the local chat page in
// local mode), with a time limit, and sorts the outcome for the delivery loop. The Bot Framework SDK
// already retries 429 (honouring Retry-After) and 5xx a few times inside one send.
import type { Proactive, SendOutcome } from './send-proactive.js';
import { personAddress, type Address, type SendResult, type Sender } from '../../jobs/senders/sender.js';
import { PARTNERSHIP_CHANNEL } from '../../domain/summary-payload.js';
import { latestConversationRef } from '../../store/conversation-store.js';

// Refused before anything was created: safe to send again.
const NOT_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH/;

export function teamsResult(outcome: SendOutcome): SendResult {
  if (outcome.ok) return { kind: 'sent', providerId: outcome.activityId };
  switch (outcome.code) {
    case 'no_conversation':
      return { kind: 'noRoute', error: outcome.message };
    case 'conversation_gone':
      return { kind: 'failed', error: `${outcome.message}: the bot was removed or the chat deleted` };
    case 'send_failed':
      if (outcome.retryable) return { kind: 'retry', error: outcome.message, retryAfterMs: null };
      if (outcome.status === null)
        return NOT_SENT.test(outcome.message)
          ? { kind: 'retry', error: outcome.message, retryAfterMs: null }
          : { kind: 'unknown', error: outcome.message };
      if (outcome.status >= 500)
        return { kind: 'unknown', error: `HTTP ${outcome.status}: ${outcome.message}` };
      return { kind: 'failed', error: `HTTP ${outcome.status}: ${outcome.message}` };
    default: {
      const never: never = outcome;
      throw new Error(`unknown send outcome ${JSON.stringify(never)}`);
    }
  }
}

/** Resolves to null when `ms` pass first; the request itself goes on (its outcome is then unknown). */
function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export function createTeamsSender(proactive: Proactive, timeoutMs: number, channel = 'teams'): Sender {
  return {
    channel,
    // Teams allows about 7 messages a second per conversation.
    perConversationMs: 150,
    reach: async (db, partnershipId, person) => {
      const ref = await latestConversationRef(db, partnershipId, 'person', person.id);
      if (!ref) return null;
      const address = personAddress(partnershipId, person);
      return { channel: ref.platform, address, conversation: `${ref.platform}:${ref.conversationId}` };
    },
    reachChannel: async (db, p) => {
      const ref = await latestConversationRef(db, p.id, 'channel', p.settings.summary.teamsChannel);
      if (!ref) return null;
      const address = {
        partnershipId: p.id,
        person: PARTNERSHIP_CHANNEL,
        slackId: null,
        channel: ref.target,
      };
      return { channel: ref.platform, address, conversation: `${ref.platform}:${ref.conversationId}` };
    },
    missing: () => 'has not opened a chat with the bot in Teams (or the local chat page)',
    channelHint: "add the bot to the partnership's Teams channel (or mention it there)",
    send: async (to: Address, reply) => {
      const sending = to.channel
        ? proactive.sendToChannel(to.partnershipId, reply, to.channel)
        : proactive.sendToPerson(to.partnershipId, to.person, reply);
      const outcome = await within(sending, timeoutMs);
      if (outcome === null) return { kind: 'unknown', error: `no answer within ${timeoutMs} ms` };
      return teamsResult(outcome);
    },
  };
}
