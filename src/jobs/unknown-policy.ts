// What to do when a send's outcome is unknown: a timeout after the request went out, a 5xx, or a crash
// between sending and recording. Creating a message is not idempotent on either platform, so nothing
// whose outcome is unknown is sent again blindly.
//
// - Slack: the person's DM can be read back. Every message carries its outbox ids as metadata, so the
//   row is looked up in conversations.history first: found, it is recorded as sent; not found, it is
//   sent again (safe: it did not arrive).
// - Teams and the local chat: the conversation cannot be read back, so per kind of message:
//   - reminder: left unknown and not resent. A duplicate reminder is the spam this feature must not
//     send, and a missed one is followed by the next stage within a couple of working days.
//   - escalation: sent once more. A missed escalation leaves late returns unchased; a coordinator can
//     bear a rare duplicate.
//   - notice (delegation notices, delivery reports): left unknown; they are informative only.
// - Summaries go to a channel, whose history the bot may not read (no channels:history scope), on any
//   platform: left unknown. A second weekly summary in front of the whole partnership is worse than
//   a missed one, which a coordinator can post again with "post summary"; the coordinators are told.
// `outbox --status unknown` lists what was left.
import type { OutboxKind } from '../domain/reminders/reminder-payload.js';

export type UnknownAction = 'reconcile' | 'leave' | 'resendOnce';

export function unknownAction(canReconcile: boolean, kind: OutboxKind): UnknownAction {
  if (kind === 'summary') return 'leave';
  if (canReconcile) return 'reconcile';
  switch (kind) {
    case 'reminder':
    case 'notice':
      return 'leave';
    case 'escalation':
      return 'resendOnce';
    default: {
      const never: never = kind;
      throw new Error(`unknown outbox kind ${String(never)}`);
    }
  }
}
