// Which channel reaches a person: the Bot Framework when they have an open conversation with the bot
// (Teams, or the local chat page in local mode), else Slack when the plan gives their Slack id; when a
// message cannot be delivered on the first, the next of these is tried. The partnership channel
// (summaries): the Teams channel the bot was installed or mentioned in (or the local chat page's
// partnership channel), else the plan's summary.slackChannel.
import type { Person } from '../../domain/plan-schema.js';
import { PARTNERSHIP_CHANNEL } from '../../domain/summary-payload.js';
import type { Partnership } from '../../domain/partnership.js';
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

/** Every way to reach the person now, best first. */
export async function routesFor(
  db: Db,
  senders: Senders,
  partnershipId: number,
  person: Person,
): Promise<Route[]> {
  const address = { partnershipId, person: person.id, slackId: person.slackId ?? null };
  const routes: Route[] = [];
  if (senders.teams) {
    const ref = await latestConversationRef(db, partnershipId, 'person', person.id);
    if (ref) {
      routes.push({
        sender: senders.teams,
        channel: ref.platform,
        address,
        conversation: `${ref.platform}:${ref.conversationId}`,
      });
    }
  }
  if (senders.slack && person.slackId) {
    routes.push({
      sender: senders.slack,
      channel: 'slack',
      address,
      conversation: `slack:${person.slackId}`,
    });
  }
  return routes;
}

export async function routeFor(
  db: Db,
  senders: Senders,
  partnershipId: number,
  person: Person,
): Promise<Route | null> {
  return (await routesFor(db, senders, partnershipId, person))[0] ?? null;
}

/** The best way to reach the person that is none of the conversations `tried`; null when none is left. */
export async function nextRoute(
  db: Db,
  senders: Senders,
  partnershipId: number,
  person: Person,
  tried: string[],
): Promise<Route | null> {
  const routes = await routesFor(db, senders, partnershipId, person);
  return routes.find((r) => !tried.includes(r.conversation)) ?? null;
}

/** Why a person cannot be reached, for the coordinator. */
export function unreachableWhy(senders: Senders, person: Person): string {
  const ways = [
    senders.teams ? 'has not opened a chat with the bot in Teams (or the local chat page)' : null,
    senders.slack ? (person.slackId ? null : 'has no slackId in the plan') : null,
  ].filter(Boolean);
  return ways.length > 0 ? ways.join(' and ') : 'cannot be reached: no chat platform is configured';
}

export async function channelRouteFor(db: Db, senders: Senders, p: Partnership): Promise<Route | null> {
  const { teamsChannel, slackChannel } = p.settings.summary;
  const address = { partnershipId: p.id, person: PARTNERSHIP_CHANNEL, slackId: null };
  if (senders.teams) {
    const ref = await latestConversationRef(db, p.id, 'channel', teamsChannel);
    if (ref) {
      return {
        sender: senders.teams,
        channel: ref.platform,
        address: { ...address, channel: ref.target },
        conversation: `${ref.platform}:${ref.conversationId}`,
      };
    }
  }
  if (senders.slack && slackChannel) {
    return {
      sender: senders.slack,
      channel: 'slack',
      address: { ...address, channel: slackChannel },
      conversation: `slack:${slackChannel}`,
    };
  }
  return null;
}

/** Why the partnership channel cannot be reached, for the coordinator. */
export function channelUnreachableWhy(senders: Senders): string {
  const ways = [
    senders.teams ? "add the bot to the partnership's Teams channel (or mention it there)" : null,
    senders.slack ? 'set summary.slackChannel in the plan and invite the bot to that Slack channel' : null,
  ].filter(Boolean);
  return ways.length > 0
    ? `no partnership channel is known yet: ${ways.join(', or ')}`
    : 'no chat platform is configured';
}
