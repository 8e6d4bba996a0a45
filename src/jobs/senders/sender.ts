// The outbox's half of the channel contract: how a channel reaches a person or the partnership channel,
// what would let it when it cannot, how it sends a Reply, and (where the platform can be asked) whether
// a message whose outcome was unknown did arrive. Each channel in src/channels brings one Sender; the
// registry (src/channels/registry.ts) hands the ones the configuration turns on to the jobs.
import type { Reply } from '../../bot/reply.js';
import type { Partnership } from '../../domain/partnership.js';
import type { Person } from '../../domain/plan-schema.js';
import type { Db } from '../../store/db.js';

export interface Address {
  partnershipId: number;
  /** The person's key in the plan. */
  person: string;
  slackId: string | null;
  /** The person's email address (email channel). */
  email?: string | null;
  /** Post in this channel instead (summaries): a Teams channel's conversation id, or a Slack channel. */
  channel?: string;
}

/** One way to reach someone now: the channel recorded on the row, the address, the rate limiter's key. */
export interface Reach {
  channel: string;
  address: Address;
  conversation: string;
}

/** Identifies the message to the platform where it can carry metadata (Slack), for reconciling. */
export interface SendMeta {
  outboxIds: number[];
}

export type SendResult =
  /** Delivered; the platform's id for the message. */
  | { kind: 'sent'; providerId: string | null }
  /** Certainly not delivered (refused before it was created, or throttled): send again later. */
  | { kind: 'retry'; error: string; retryAfterMs: number | null }
  /** Never deliverable as things are (user not found, bot removed, 403/404): dead letter. */
  | { kind: 'failed'; error: string }
  /** May or may not have been delivered (a timeout after the request went out, a 5xx). */
  | { kind: 'unknown'; error: string }
  /** The person cannot be reached on this channel yet (no conversation with the bot). */
  | { kind: 'noRoute'; error: string };

export type Reconciled =
  { kind: 'found'; providerId: string | null } | { kind: 'absent' } | { kind: 'unknown'; error: string };

export interface Sender {
  /** Where the message goes: teams | local | slack | email. */
  channel: string;
  /** Least time between two messages to one conversation (the platform's rate limit). */
  perConversationMs: number;
  /** How this channel reaches the person now; null when it cannot. */
  reach(db: Db, partnershipId: number, person: Person): Promise<Reach | null>;
  /** How this channel reaches the partnership channel now; null when it cannot (or has none). */
  reachChannel(db: Db, p: Partnership): Promise<Reach | null>;
  /** What would let this channel reach the person ("has no slackId in the plan"), or null when it can. */
  missing(person: Person): string | null;
  /** What would give this channel a partnership channel; null when it has none (email). */
  channelHint: string | null;
  send(to: Address, reply: Reply, meta: SendMeta): Promise<SendResult>;
  /** Looks in the conversation for a message carrying these outbox ids; only where the platform allows. */
  reconcile?(to: Address, meta: SendMeta, since: Date): Promise<Reconciled>;
}

/** The address of a person, as every channel starts it. */
export const personAddress = (partnershipId: number, person: Person): Address => ({
  partnershipId,
  person: person.id,
  slackId: person.slackId ?? null,
  email: person.email ?? null,
});

/** A person's reach on a channel where `key` (their Slack id, email address...) names the conversation. */
export const reachBy = (channel: string, partnershipId: number, person: Person, key: string): Reach => ({
  channel,
  address: personAddress(partnershipId, person),
  conversation: `${channel}:${key}`,
});
