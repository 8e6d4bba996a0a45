// Which channel reaches a person: the Bot Framework when they have an open conversation with the bot
// (Teams, or the local chat page in local mode), else Slack when the plan gives their Slack id.
import type { Person } from '../../domain/plan-schema.js';
import { latestConversationRef } from '../../store/conversation-store.js';
import type { Db } from '../../store/open-database.js';
import type { Address, Sender } from './sender.js';

export interface Senders {
  teams: Sender | null;
  slack: Sender | null;
}

export interface Route {
  sender: Sender;
  /** Recorded on the row: teams | local | slack. */
  channel: string;
  address: Address;
  /** The rate limiter's key: one conversation. */
  conversation: string;
}

export async function routeFor(
  db: Db,
  senders: Senders,
  partnershipId: number,
  person: Person,
): Promise<Route | null> {
  const address = { partnershipId, person: person.id, slackId: person.slackId ?? null };
  if (senders.teams) {
    const ref = await latestConversationRef(db, partnershipId, 'person', person.id);
    if (ref) {
      return {
        sender: senders.teams,
        channel: ref.platform,
        address,
        conversation: `${ref.platform}:${ref.conversationId}`,
      };
    }
  }
  if (senders.slack && person.slackId) {
    return { sender: senders.slack, channel: 'slack', address, conversation: `slack:${person.slackId}` };
  }
  return null;
}

/** Why a person cannot be reached, for the coordinator. */
export function unreachableWhy(senders: Senders, person: Person): string {
  const ways = [
    senders.teams ? 'has not opened a chat with the bot in Teams (or the local chat page)' : null,
    senders.slack ? (person.slackId ? null : 'has no slackId in the plan') : null,
  ].filter(Boolean);
  return ways.length > 0 ? ways.join(' and ') : 'cannot be reached: no chat platform is configured';
}
