// The parts of Slack's payloads the listeners rely on, parsed once where they enter. Everything else
// in a payload is ignored.
import { z } from 'zod';

/** What a message and a mention share: who said what, where. */
const SaidSchema = z.object({
  channel: z.string(),
  user: z.string(),
  text: z.string().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
  bot_id: z.string().optional(),
});

export const MessageEventSchema = SaidSchema.extend({
  type: z.literal('message'),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
});

export const MentionEventSchema = SaidSchema.extend({ type: z.literal('app_mention') });

export const HomeOpenedEventSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string(),
  tab: z.string().optional(),
});

/** The envelope of every Events API delivery. */
export const EventEnvelopeSchema = z.object({
  type: z.literal('event_callback'),
  event_id: z.string(),
  team_id: z.string().optional(),
});

export const CommandSchema = z.object({
  user_id: z.string(),
  channel_id: z.string(),
  text: z.string().default(''),
  trigger_id: z.string(),
});

export const BlockActionSchema = z.object({
  user: z.object({ id: z.string() }),
  trigger_id: z.string(),
  container: z.object({
    type: z.string(),
    channel_id: z.string().optional(),
    is_ephemeral: z.boolean().optional(),
  }),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z
    .array(
      z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() }),
    )
    .min(1),
});

export type BlockActionBody = z.infer<typeof BlockActionSchema>;

export const ViewSubmissionSchema = z.object({
  user: z.object({ id: z.string() }),
  trigger_id: z.string().optional(),
  view: z.object({ id: z.string(), private_metadata: z.string(), state: z.unknown() }),
});

/** The event id of an Events API body, or '' when it has none. */
export function eventIdOf(body: unknown): string {
  const parsed = EventEnvelopeSchema.safeParse(body);
  return parsed.success ? parsed.data.event_id : '';
}
