// The conversation as the channels see it: a person over the rate limit, or a message too long to be a
// question, is answered at once and nothing else is done; a return stored while its confirmation
// could not be delivered is told to the person the next time they speak.
import type { Conversation, Turn } from '../bot/conversation.js';
import type { Reply } from '../bot/reply.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/open-database.js';
import { rememberUndelivered, takeUndelivered } from '../store/undelivered-store.js';
import type { RateLimit } from '../http/rate-limit.js';

export const MESSAGE_MAX = 2000;

export interface GuardDeps {
  db: Db;
  log: Logger;
  rateLimit: RateLimit;
  perMinute: number;
}

const text = (t: string): Reply => ({ kind: 'text', text: t });

/** What to tell the person about a stored return whose confirmation did not reach them. */
export function undeliveredText(reply: Extract<Reply, { kind: 'returnStored' }>): string {
  const what = reply.title.replace(/^Return/, 'Your return');
  return `${what} was stored as revision ${reply.revision} (the confirmation could not be delivered).`;
}

/**
 * Card data keeps only plain values: our cards send nothing else, and an object where a string is
 * expected (`{"ref": {"toString": 1}}`) must read as missing, not break the handler.
 */
function plainData(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(
      ([, v]) =>
        typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)),
    ),
  );
}

export function guardConversation(inner: Conversation, deps: GuardDeps): Conversation {
  const limited = (turn: Turn): Reply[] | null => {
    const decision = deps.rateLimit.take(`${turn.partnership.settings.id}:${turn.person.id}`);
    if (decision.ok) return null;
    deps.log.warn({ person: turn.person.id, channel: turn.channel }, 'rate limit reached');
    const s = decision.retryInSeconds;
    return [
      text(
        `You have sent more than ${deps.perMinute} requests in a minute, so I did not act on that one. Please try again in ${s} second${s === 1 ? '' : 's'}.`,
      ),
    ];
  };
  /** Appends what was stored but never confirmed (not after a form: it must stay first and alone). */
  const withUndelivered = async (turn: Turn, replies: Reply[]): Promise<Reply[]> => {
    if (replies[0]?.kind === 'returnForm') return replies;
    const told = await takeUndelivered(deps.db, turn.partnership.id, turn.person.id, turn.now);
    return [...replies, ...told.map(text)];
  };
  return {
    onMessage: async (turn, message) => {
      const refused = limited(turn);
      if (refused) return refused;
      if (message.length > MESSAGE_MAX)
        return [
          text(
            `That message is ${message.length} characters long: I read messages of up to ${MESSAGE_MAX}. Ask one thing at a time, for example "status of 2.2".`,
          ),
        ];
      return withUndelivered(turn, await inner.onMessage(turn, message));
    },
    onAction: async (turn, action) =>
      limited(turn) ??
      withUndelivered(turn, await inner.onAction(turn, { verb: action.verb, data: plainData(action.data) })),
    undelivered: async (turn, replies) => {
      const texts: string[] = [];
      for (const reply of replies) {
        if (reply.kind !== 'returnStored') continue;
        const ref = reply.status.ref;
        deps.log.warn({ person: turn.person.id, ref }, 'confirmation not delivered: the person will be told');
        await rememberUndelivered(
          deps.db,
          {
            partnershipId: turn.partnership.id,
            person: turn.person.id,
            id: `${turn.channel}:${turn.requestId}:${ref}`,
            ref,
            period: reply.status.period,
            text: undeliveredText(reply),
          },
          turn.now,
        );
        texts.push(undeliveredText(reply));
      }
      return texts;
    },
  };
}
