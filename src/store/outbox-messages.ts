// The outbox rows the core writes: a planned reminder or nudge, and a summary for the partnership channel.
// Plain mappings from domain values to rows, shared by the jobs' ticks and the conversation's requests.
import type { PlannedMessage } from '../domain/reminders/reminder-plan.js';
import { PARTNERSHIP_CHANNEL, type Summary } from '../domain/summary-payload.js';
import type { NewOutboxMessage } from './outbox-store.js';
import type { Partnership } from '../domain/partnership.js';

export function outboxMessage(partnershipId: number, m: PlannedMessage): NewOutboxMessage {
  return {
    key: m.key,
    partnershipId,
    kind: m.kind,
    recipient: m.to,
    ref: m.ref,
    period: m.period,
    stage: m.stage,
    payload: m.payload,
  };
}

/** An outbox row posting a summary to the partnership channel. */
export function summaryMessage(p: Partnership, key: string, summary: Summary): NewOutboxMessage {
  return {
    key,
    partnershipId: p.id,
    kind: 'summary',
    recipient: PARTNERSHIP_CHANNEL,
    ref: null,
    period: summary.label,
    stage: summary.scope,
    payload: { kind: 'summary', summary },
  };
}
