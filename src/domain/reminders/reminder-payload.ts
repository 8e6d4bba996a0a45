// What an outbox row carries, as data: a reminder about one return, an escalation listing the late
// returns, a plain notice, or a summary for the partnership channel. Stored as JSON and parsed again
// before delivery; the words are chosen only when the message is sent.
import { z } from 'zod';
import { SummarySchema } from '../summary-payload.js';

export const REMINDER_STAGE_KINDS = ['first', 'nudge', 'due', 'chase', 'snooze', 'manual'] as const;

export const ReminderItemSchema = z.object({
  stage: z.enum(REMINDER_STAGE_KINDS),
  ref: z.string(),
  title: z.string(),
  period: z.string(),
  due: z.string(),
  /** The due date, or the "not available until" date the reminders started again from. */
  deadline: z.string(),
  /** Working days after the deadline when planned: negative before it. */
  workingDaysLate: z.number().int(),
  lastFigure: z.object({ period: z.string(), value: z.string() }).nullable(),
  /** The same period a year before (absent from rows written before it was kept). */
  lastYearFigure: z.object({ period: z.string(), value: z.string() }).nullable().default(null),
  /** The owner's name when the reminder goes to a delegate. */
  delegatedBy: z.string().nullable(),
  /** The coordinator's name for a "remind 2.2" nudge. */
  askedBy: z.string().nullable(),
});

export const LateItemSchema = z.object({
  ref: z.string(),
  title: z.string(),
  period: z.string(),
  /** The name of the person the return is waiting for. */
  waitingFor: z.string(),
  due: z.string(),
  workingDaysLate: z.number().int(),
});

export const NoticeButtonSchema = z.object({ label: z.string(), say: z.string() });

export const OutboxPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reminder'), item: ReminderItemSchema }),
  z.object({
    kind: z.literal('escalation'),
    /** Every open return past its due date when the escalation was written, latest first. */
    late: z.array(LateItemSchema),
    escalateAfter: z.number().int(),
  }),
  z.object({ kind: z.literal('notice'), text: z.string(), buttons: z.array(NoticeButtonSchema).default([]) }),
  /** A weekly or quarterly summary for the partnership channel (recipient PARTNERSHIP_CHANNEL). */
  z.object({ kind: z.literal('summary'), summary: SummarySchema }),
]);

export type ReminderItem = z.infer<typeof ReminderItemSchema>;
export type LateItem = z.infer<typeof LateItemSchema>;
export type OutboxPayload = z.infer<typeof OutboxPayloadSchema>;
export type OutboxKind = OutboxPayload['kind'];

/** The idempotency key of a reminder: one per return, stage and person, ever. */
export function reminderKey(ref: string, period: string, stage: string, person: string): string {
  return `remind:${ref}:${period}:${stage}:${person}`;
}
