// Which channel reaches a person: each configured channel is asked in the person's order of preference
// (the plan's `prefer`, then the registry's order: Teams or the local chat, Slack, email); the first that
// can reach them now is used, and when a message is refused for good there the next is tried. The
// partnership channel (summaries): the first channel that has one.
import type { Person } from '../../domain/plan-schema.js';
import type { Partnership } from '../../domain/partnership.js';
import type { Db } from '../../store/db.js';
import type { Address, Sender } from './sender.js';

/** The senders the configuration turns on, by channel name, in the registry's order. */
export type Senders = Readonly<Record<string, Sender | null | undefined>>;

export interface Route {
  sender: Sender;
  /** Recorded on the row: teams | local | slack | email. */
  channel: string;
  address: Address;
  /** The rate limiter's key: one conversation. */
  conversation: string;
}

const present = (senders: Senders): Sender[] => Object.values(senders).filter((s): s is Sender => !!s);

/** The senders in the person's order of preference: those the plan names first, then the rest. */
export function preferred(senders: Senders, person: Person): Sender[] {
  const all = present(senders);
  const rank = (s: Sender) => {
    const i = (person.prefer ?? []).indexOf(s.channel as never);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return all
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
}

/** The sender of a channel (a row records the channel it went out on). */
export const senderOf = (senders: Senders, channel: string): Sender | null =>
  present(senders).find((s) => s.channel === channel || (channel === 'local' && s.channel === 'teams')) ??
  null;

/** Every way to reach the person now, best first. */
export async function routesFor(
  db: Db,
  senders: Senders,
  partnershipId: number,
  person: Person,
): Promise<Route[]> {
  const routes: Route[] = [];
  for (const sender of preferred(senders, person)) {
    const reach = await sender.reach(db, partnershipId, person);
    if (reach) routes.push({ sender, ...reach });
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
  const ways = present(senders)
    .map((s) => s.missing(person))
    .filter(Boolean);
  return ways.length > 0 ? ways.join(' and ') : 'cannot be reached: no chat platform is configured';
}

export async function channelRouteFor(db: Db, senders: Senders, p: Partnership): Promise<Route | null> {
  for (const sender of present(senders)) {
    const reach = await sender.reachChannel(db, p);
    if (reach) return { sender, ...reach };
  }
  return null;
}

/** Why the partnership channel cannot be reached, for the coordinator. */
export function channelUnreachableWhy(senders: Senders): string {
  const ways = present(senders)
    .map((s) => s.channelHint)
    .filter(Boolean);
  return ways.length > 0
    ? `no partnership channel is known yet: ${ways.join(', or ')}`
    : 'no chat platform is configured';
}
