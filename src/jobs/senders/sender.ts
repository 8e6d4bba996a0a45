// What the delivery loop needs from a channel: send a Reply to a person, and (where the platform can
// be asked) find out whether a message whose outcome was unknown did arrive.
import type { Reply } from '../../bot/reply.js';

export interface Address {
  partnershipId: number;
  /** The person's key in the plan. */
  person: string;
  slackId: string | null;
  /** Post in this channel instead (summaries): a Teams channel's conversation id, or a Slack channel. */
  channel?: string;
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
  /** Where the message goes: teams | local | slack. */
  channel: string;
  /** Least time between two messages to one conversation (the platform's rate limit). */
  perConversationMs: number;
  send(to: Address, reply: Reply, meta: SendMeta): Promise<SendResult>;
  /** Looks in the conversation for a message carrying these outbox ids; only where the platform allows. */
  reconcile?(to: Address, meta: SendMeta, since: Date): Promise<Reconciled>;
}
