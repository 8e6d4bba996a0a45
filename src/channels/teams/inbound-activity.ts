// The parts of a Bot Framework activity we rely on, parsed once where they enter. Card actions come in
// two shapes: an `adaptiveCard/action` invoke (Action.Execute) or a message whose `value` is the
// Action.Submit fallback's data (which carries `verb` too).
import { z } from 'zod';
import { CARD_VERBS, type CardAction } from '../../bot/reply.js';

export const InboundActivitySchema = z.object({
  type: z.string().min(1),
  id: z.string().optional(),
  channelId: z.string(),
  name: z.string().optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  serviceUrl: z.string(),
  from: z.object({ id: z.string(), aadObjectId: z.string().optional() }),
  recipient: z.object({ id: z.string() }).optional(),
  conversation: z.object({
    id: z.string(),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  channelData: z
    .object({
      tenant: z.object({ id: z.string().optional() }).optional(),
      channel: z.object({ id: z.string().optional() }).optional(),
    })
    .optional(),
});

export type InboundActivity = z.infer<typeof InboundActivitySchema>;

const VerbSchema = z.enum(CARD_VERBS);
const DataSchema = z.record(z.string(), z.unknown());

const ExecuteValueSchema = z.object({
  action: z.object({ verb: VerbSchema, data: DataSchema.optional() }),
});

const SubmitValueSchema = z.looseObject({ verb: VerbSchema });

/** The action of an `adaptiveCard/action` invoke, or null when it is not one of our verbs. */
export function executeActionOf(value: unknown): CardAction | null {
  const parsed = ExecuteValueSchema.safeParse(value);
  if (!parsed.success) return null;
  return { verb: parsed.data.action.verb, data: parsed.data.action.data ?? {} };
}

/** The action of an Action.Submit (a message with a value), or null. */
export function submitActionOf(value: unknown): CardAction | null {
  const parsed = SubmitValueSchema.safeParse(value);
  if (!parsed.success) return null;
  const { verb, ...data } = parsed.data;
  return { verb, data };
}

export function tenantOf(a: InboundActivity): string | null {
  return a.channelData?.tenant?.id ?? a.conversation.tenantId ?? null;
}

/** A channel or group chat, where the bot answers only when mentioned. */
export function isShared(a: InboundActivity): boolean {
  return a.conversation.conversationType === 'channel' || a.conversation.conversationType === 'groupChat';
}

/** The conversation to post in for a channel: the channel itself, not the thread the message was in. */
export function channelConversationId(a: InboundActivity): string {
  return a.channelData?.channel?.id ?? a.conversation.id.split(';')[0] ?? a.conversation.id;
}
